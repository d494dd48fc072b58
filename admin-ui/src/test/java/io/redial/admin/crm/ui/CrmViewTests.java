package io.redial.admin.crm.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.redial.admin.ConsoleTest;
import io.redial.crm.CallLog;
import io.redial.crm.CrmCapability;
import io.redial.crm.CrmConnection;
import io.redial.crm.CrmGateway;
import io.redial.crm.CrmId;
import io.redial.crm.CrmLead;
import io.redial.crm.CrmProvider;
import io.redial.crm.CrmRecordRef;
import io.redial.crm.CrmRejected;
import io.redial.crm.CrmTokens;
import io.redial.crm.FollowUpTask;
import io.redial.crm.JobRequest;
import io.redial.crm.Transcript;
import io.redial.crm.sync.CrmConnections;
import io.redial.crm.sync.CrmStatus;
import io.redial.leads.Leads;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.tenants.AdminRole;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

@Import(CrmViewTests.Crm.class)
class CrmViewTests extends ConsoleTest {

    static final TenantId TENANT = new TenantId("crm-hvac");
    static final CrmId TEST_CRM = new CrmId("testcrm");

    /** A CRM that refuses as many upserts as told, then takes them. */
    @TestConfiguration
    static class Crm {
        @Bean
        RefusingCrm refusingCrm() {
            return new RefusingCrm();
        }
    }

    static final class RefusingCrm implements CrmProvider {
        final AtomicInteger refusals = new AtomicInteger();
        final Set<String> contacts = java.util.concurrent.ConcurrentHashMap.newKeySet();

        @Override
        public CrmId id() {
            return TEST_CRM;
        }

        @Override
        public String displayName() {
            return "Test CRM";
        }

        @Override
        public Set<CrmCapability> capabilities() {
            return EnumSet.of(CrmCapability.CONTACTS);
        }

        @Override
        public CrmGateway connect(CrmConnection connection) {
            return new CrmGateway() {
                @Override
                public CrmRecordRef upsertLead(CrmLead lead, @Nullable CrmRecordRef known) {
                    if (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        throw new CrmRejected("400 VALIDATION_ERROR: phone is not valid", null);
                    }
                    contacts.add(lead.phone().e164());
                    return new CrmRecordRef("contact", lead.phone().e164());
                }

                @Override
                public Optional<CrmRecordRef> findCustomer(PhoneNumber phone) {
                    return Optional.empty();
                }

                @Override
                public CrmRecordRef logCall(CrmRecordRef contact, CallLog call) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public CrmRecordRef attachTranscript(CrmRecordRef contact, Transcript transcript) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public CrmRecordRef bookJob(CrmRecordRef contact, JobRequest job) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public CrmRecordRef createTask(CrmRecordRef contact, FollowUpTask task) {
                    throw new UnsupportedOperationException();
                }
            };
        }
    }

    @Autowired Provisioner provisioner;
    @Autowired CrmConnections connections;
    @Autowired CrmStatus status;
    @Autowired RefusingCrm crm;
    @Autowired Leads leads;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    @BeforeEach
    void provisionConnectAndSignIn() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: crm-hvac
                    name: CRM HVAC
                    timezone: America/Chicago
                    lines: [{number: "+17375552300", pattern: forwarded}]
                """));
        connections.connect(TENANT, TEST_CRM, new CrmTokens("token", null, null, "acct-9"));
        signIn(TENANT, "crm-owner", AdminRole.OWNER);
    }

    @Test
    void showsFailedItemsAndRetriesOneThenAll() {
        int before = crm.contacts.size(); // the CRM fake lives as long as the context
        crm.refusals.set(3);
        captureLead("+17375550101");
        captureLead("+17375550102");
        captureLead("+17375550103");
        await().atMost(Duration.ofSeconds(15)).until(() -> status.failed(TENANT).size() == 3);

        CrmView view = open(CrmView.class);
        assertThat(LocatorJ._get(Span.class, s -> s.withId("state-testcrm")).getText()).isEqualTo("Connected");
        assertThat(LocatorJ._get(Paragraph.class, p -> p.withId("counts-testcrm")).getText())
                .isEqualTo("0 waiting to sync · 3 failed");
        assertThat(view.failed.getGenericDataView().getItems().toList()).hasSize(3)
                .allSatisfy(item -> assertThat(item.lastError()).contains("phone is not valid"));
        assertThat(LocatorJ._find(Anchor.class, a -> a.withId("reconnect-testcrm"))).isEmpty();

        Button retryFirst = (Button) GridKt._getCellComponent(view.failed, 0, "retry");
        assertThat(retryFirst.getId()).hasValue("retry-" + status.failed(TENANT).getFirst().id());
        _click(retryFirst);
        assertThat(view.result.getText()).isEqualTo("Queued again.");
        await().atMost(Duration.ofSeconds(15)).until(() -> status.failed(TENANT).size() == 2 && crm.contacts.size() == before + 1);

        _click(view.retryAll);
        assertThat(view.result.getText()).isEqualTo("2 items queued again.");
        await().atMost(Duration.ofSeconds(15)).until(() -> crm.contacts.size() == before + 3);
        CrmView again = open(CrmView.class);
        assertThat(again.failed.getGenericDataView().getItems().toList()).isEmpty();
        assertThat(again.retryAll.isEnabled()).isFalse();
    }

    @Test
    void aBrokenConnectionShowsItsErrorAndAReconnectLink() {
        connections.markBroken(connections.find(TENANT, TEST_CRM).orElseThrow(), "CrmAuthExpired: the CRM refused the refresh token");

        open(CrmView.class);

        assertThat(LocatorJ._get(Span.class, s -> s.withId("state-testcrm")).getText()).startsWith("Broken");
        assertThat(LocatorJ._get(Paragraph.class, p -> p.withId("last-error-testcrm")).getText())
                .startsWith("Last error (").contains("refused the refresh token");
        assertThat(LocatorJ._get(Anchor.class, a -> a.withId("reconnect-testcrm")).getHref()).isEqualTo("/crm/testcrm/install");
        assertThat(status.connections(TENANT).getFirst().crmName()).isEqualTo("Test CRM");
    }

    @Test
    void aLeadPageRetriesItsOwnFailedSync() {
        crm.refusals.set(1);
        long lead = captureLead("+17375550104");
        await().atMost(Duration.ofSeconds(15)).until(() -> status.failed(TENANT).size() == 1);

        UI.getCurrent().navigate("leads/" + lead);
        Button retry = LocatorJ._get(Button.class, b -> b.withClasses("retry-sync"));
        _click(retry);

        await().atMost(Duration.ofSeconds(15)).until(() -> crm.contacts.contains("+17375550104"));
        UI.getCurrent().navigate("leads/" + lead);
        assertThat(LocatorJ._find(Button.class, b -> b.withClasses("retry-sync"))).isEmpty();
        assertThat(status.failed(TENANT)).isEmpty();
    }

    private long captureLead(String phone) {
        return tx.execute(s -> {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO callers (tenant_id, phone, created_at) VALUES (?, ?, ?)")
                    .params(TENANT.value(), phone, LocalDateTime.now(ZoneOffset.UTC)).update(keys, "id");
            return leads.capture(TENANT, keys.getKey().longValue(), null, null);
        });
    }
}
