package io.redial.admin.crm.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.redial.admin.ConsoleTest;
import io.redial.crm.CrmAuthExpired;
import io.redial.crm.CrmCapability;
import io.redial.crm.CrmClientCredentials;
import io.redial.crm.CrmConnection;
import io.redial.crm.CrmGateway;
import io.redial.crm.CrmId;
import io.redial.crm.CrmJobRouting;
import io.redial.crm.CrmProvider;
import io.redial.crm.CrmTokens;
import io.redial.crm.sync.ConnectionStatus;
import io.redial.crm.sync.CrmConnections;
import io.redial.leads.Urgency;
import io.redial.shared.TenantId;
import io.redial.tenants.AdminRole;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The CRM screen for a CRM connected by client credentials (as ServiceTitan is) and its trade × urgency table. */
@Import(ClientCredentialsCrmViewTests.Crm.class)
class ClientCredentialsCrmViewTests extends ConsoleTest {

    static final TenantId TENANT = new TenantId("titan-like");
    static final CrmId CRM = new CrmId("titanlike");

    @TestConfiguration
    static class Crm {
        @Bean
        TitanLike titanLike() {
            return new TitanLike();
        }
    }

    /** Accepts one client secret; offers two business units and one job type, campaign and priority each. */
    static final class TitanLike implements CrmProvider, CrmClientCredentials, CrmJobRouting {
        final AtomicReference<String> tokenAskedWith = new AtomicReference<>();

        @Override public CrmId id() { return CRM; }
        @Override public String displayName() { return "Titan-like"; }
        @Override public Set<CrmCapability> capabilities() { return EnumSet.of(CrmCapability.JOBS); }
        @Override public CrmGateway connect(CrmConnection connection) { throw new UnsupportedOperationException(); }
        @Override public String accountIdLabel() { return "Tenant ID"; }
        @Override public Map<String, String> connectionSettings() { return Map.of("booking_provider", "Booking Provider Tag ID"); }

        @Override
        public CrmTokens issue(String accountId, String clientId, String clientSecret) {
            tokenAskedWith.set(clientId);
            if (!clientSecret.equals("cs1.right")) {
                throw new CrmAuthExpired("the CRM refused the client id or secret (HTTP 400)", null);
            }
            return new CrmTokens("token", "packed-credentials", Instant.now().plusSeconds(900), accountId);
        }

        @Override public CrmTokens renew(CrmTokens current) { return current; }

        @Override
        public List<Column> columns(CrmConnection connection) {
            return List.of(new Column("businessUnit", "Business unit", List.of(new Choice("11", "HVAC"), new Choice("12", "Plumbing"))),
                    new Column("jobType", "Job type", List.of(new Choice("21", "No cooling"))),
                    new Column("priority", "Priority", List.of(new Choice("Urgent", "Urgent"))),
                    new Column("campaign", "Campaign", List.of(new Choice("31", "Redial"))));
        }

        @Override
        public List<Row> rows(Map<String, String> settings) {
            return settings.entrySet().stream().filter(e -> e.getKey().startsWith("route.")).map(e -> {
                String[] key = e.getKey().split("\\.");
                String[] v = e.getValue().split(",");
                return new Row(key[1], Urgency.valueOf(key[2]), Map.of("businessUnit", v[0], "jobType", v[1], "priority", v[2], "campaign", v[3]));
            }).toList();
        }

        @Override
        public Map<String, String> withRows(Map<String, String> settings, List<Row> rows) {
            Map<String, String> out = new LinkedHashMap<>();
            settings.forEach((k, v) -> { if (!k.startsWith("route.")) out.put(k, v); });
            rows.forEach(r -> out.put("route." + r.trade() + "." + r.urgency().name(), String.join(",", r.values().get("businessUnit"),
                    r.values().get("jobType"), r.values().get("priority"), r.values().get("campaign"))));
            return out;
        }
    }

    @Autowired Provisioner provisioner;
    @Autowired CrmConnections connections;

    @BeforeEach
    void provisionAndSignIn() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: titan-like
                    name: Titan-like HVAC
                    timezone: America/Chicago
                    lines: [{number: "+17375552400", pattern: forwarded}]
                """));
        signIn(TENANT, "titan-owner", AdminRole.OWNER);
    }

    @Test
    void credentialsAreCheckedBeforeSavingThenTheTableIsPickedFromTheCrmsListsAndDisconnectForgetsThem() {
        CrmView view = open(CrmView.class);
        _click(LocatorJ._get(Button.class, b -> b.withId("connect-titanlike")));
        assertThat(LocatorJ._get(TextField.class, f -> f.withId("client-id-titanlike")).getErrorMessage())
                .isEqualTo("Enter the client ID.");
        LocatorJ._get(TextField.class, f -> f.withId("account-id-titanlike")).setValue("123456");
        LocatorJ._get(TextField.class, f -> f.withId("client-id-titanlike")).setValue("cid.abc");
        LocatorJ._get(PasswordField.class, f -> f.withId("client-secret-titanlike")).setValue("cs1.wrong");
        LocatorJ._get(TextField.class, f -> f.withId("setting-titanlike-booking-provider")).setValue("42");

        _click(LocatorJ._get(Button.class, b -> b.withId("connect-titanlike")));

        PasswordField secret = LocatorJ._get(PasswordField.class, f -> f.withId("client-secret-titanlike"));
        assertThat(secret.isInvalid()).isTrue();
        assertThat(secret.getErrorMessage()).contains("did not accept them").contains("refused the client id or secret");
        assertThat(view.unsaved()).isTrue();
        assertThat(connections.find(TENANT, CRM)).isEmpty();
        assertThat(LocatorJ._find(JobRoutingTable.class)).isEmpty();

        LocatorJ._get(PasswordField.class, f -> f.withId("client-secret-titanlike")).setValue("cs1.right");
        _click(LocatorJ._get(Button.class, b -> b.withId("connect-titanlike")));

        var stored = connections.find(TENANT, CRM).orElseThrow();
        assertThat(stored.status()).isEqualTo(ConnectionStatus.CONNECTED);
        assertThat(stored.externalAccountId()).isEqualTo("123456");
        assertThat(stored.settings()).containsEntry("booking_provider", "42");
        assertThat(view.setup.getElement().getOuterHTML()).doesNotContain("cs1.right");
        assertThat(LocatorJ._find(Anchor.class, a -> a.withId("reconnect-titanlike"))).isEmpty();

        JobRoutingTable table = LocatorJ._get(JobRoutingTable.class, t -> t.withId("routing-titanlike"));
        _click(LocatorJ._get(Button.class, b -> b.withId("routing-add-titanlike")));
        JobRoutingTable.Line line = table.lines.getFirst();
        line.trade.setValue("hvac");
        line.urgency.setValue(Urgency.EMERGENCY);
        assertThat(line.values.get("businessUnit").getListDataView().getItems().map(CrmJobRouting.Choice::name).toList())
                .containsExactly("HVAC", "Plumbing");
        line.values.get("businessUnit").setValue(new CrmJobRouting.Choice("12", "Plumbing"));
        line.values.get("jobType").setValue(new CrmJobRouting.Choice("21", "No cooling"));
        line.values.get("priority").setValue(new CrmJobRouting.Choice("Urgent", "Urgent"));
        _click(table.save);
        assertThat(line.values.get("campaign").isInvalid()).isTrue();
        assertThat(line.values.get("campaign").getErrorMessage()).isEqualTo("Pick a campaign from the list.");
        assertThat(table.result.getText()).isEmpty();
        assertThat(connections.find(TENANT, CRM).orElseThrow().settings()).doesNotContainKey("route.hvac.EMERGENCY");
        // A campaign the CRM stopped offering since the page opened: its lists are read again on save.
        line.values.get("campaign").setValue(new CrmJobRouting.Choice("99", "Spring promo"));
        _click(table.save);
        assertThat(line.values.get("campaign").isInvalid()).isTrue();
        assertThat(line.values.get("campaign").getErrorMessage()).startsWith("Campaign for hvac / emergency is not one");
        assertThat(connections.find(TENANT, CRM).orElseThrow().settings()).doesNotContainKey("route.hvac.EMERGENCY");
        line.values.get("campaign").setValue(new CrmJobRouting.Choice("31", "Redial"));
        _click(table.save);

        assertThat(table.result.getText()).isEqualTo("Saved 1 row.");
        assertThat(connections.find(TENANT, CRM).orElseThrow().settings()).containsEntry("booking_provider", "42")
                .containsEntry("route.hvac.EMERGENCY", "12,21,Urgent,31");
        open(CrmView.class);
        JobRoutingTable.Line reread = LocatorJ._get(JobRoutingTable.class, t -> t.withId("routing-titanlike")).lines.getFirst();
        assertThat(reread.trade.getValue()).isEqualTo("hvac");
        assertThat(reread.values.get("businessUnit").getValue()).isEqualTo(new CrmJobRouting.Choice("12", "Plumbing"));

        _click(LocatorJ._get(Button.class, b -> b.withId("disconnect-titanlike")));
        assertThat(connections.find(TENANT, CRM).orElseThrow().status()).isEqualTo(ConnectionStatus.DISCONNECTED);
    }
}
