package io.redial.admin.leads.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteParameters;
import io.redial.admin.ConsoleTest;
import io.redial.calls.CallIntake;
import io.redial.calls.CarrierCall;
import io.redial.leads.LeadReview;
import io.redial.leads.LeadTimeline;
import io.redial.simulator.SandboxPhone;
import org.springframework.jdbc.core.simple.JdbcClient;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.tenants.AdminRole;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import java.time.Duration;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class LeadsViewTests extends ConsoleTest {

    static final TenantId EAST = new TenantId("leads-east");
    static final TenantId WEST = new TenantId("leads-west");

    @Autowired Provisioner provisioner;
    @Autowired CallIntake intake;
    @Autowired LeadReview review;
    @Autowired LeadTimeline timeline;
    @Autowired SandboxPhone phone;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void provision() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: leads-east
                    name: Leads East
                    timezone: America/New_York
                    trades: [plumbing]
                    on_call: ["+16175550911", "+16175550912"]
                    lines: [{number: "+16175550100", pattern: forwarded}]
                  - id: leads-west
                    name: Leads West
                    timezone: America/Los_Angeles
                    lines: [{number: "+14155550100", pattern: forwarded}]
                """));
    }

    @Test
    void listsTheTenantsLeadsAndFiltersThemByStatus() {
        long lead = missedCall(EAST, "+16175550111", "+16175550100");
        signIn(EAST, "leads-east-office", AdminRole.OFFICE);

        LeadsView view = open(LeadsView.class);
        assertThat(rows(view)).contains("+16175550111", "new", "missed");

        view.status.setValue("BOOKED");
        assertThat(rows(view)).doesNotContain("+16175550111");
        view.status.setValue("NEW");
        assertThat(rows(view)).contains("+16175550111");
        assertThat(lead).isPositive();
    }

    @Test
    void aLeadPageShowsTheCallItsReasonAndEachTextWithItsState() {
        long lead = missedCall(EAST, "+16175550112", "+16175550100");
        signIn(EAST, "leads-east-office", AdminRole.OFFICE);

        await().pollInSameThread().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            LeadView view = openLead(lead);
            assertThat(view.title.getText()).contains("Lead #" + lead, "+16175550112");
            assertThat(view.call.getText()).contains("missed", "a call reached the forwarding number");
            assertThat(view.timeline.getElement().getTextRecursively()).contains("Leads East", "delivered");
        });
    }

    @Test
    void theTimelineShowsCallTextsAnnasTurnsEscalationStepsAndCrmWorkInTimeOrder() {
        long lead = missedCall(EAST, "+16175550114", "+16175550100");
        await().atMost(Duration.ofSeconds(20)).until(() -> timeline(lead).contains("delivered"));
        phone.textFromCaller(EAST, new PhoneNumber("+16175550100"), new PhoneNumber("+16175550114"),
                "A pipe burst and there is water everywhere in the basement");
        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(lead).contains("paged +16175550911"));
        long connection = crmConnection(EAST);
        jdbc.sql("""
                INSERT INTO crm_sync_work (tenant_id, connection_id, lead_id, kind, state, attempts, last_error, created_at, updated_at)
                VALUES (?, ?, ?, 'EMERGENCY', 'FAILED', 7, 'CRM unavailable: HTTP 503', NOW(6), NOW(6))""")
                .params(EAST.value(), connection, lead).update();
        jdbc.sql("""
                INSERT INTO crm_links (tenant_id, crm_id, item_key, lead_id, external_type, external_id, created_at)
                VALUES (?, 'test-crm', 'contact:+16175550114', ?, 'contact', 'C-881', NOW(6))""")
                .params(EAST.value(), lead).update();
        signIn(EAST, "leads-east-office", AdminRole.OFFICE);

        LeadView view = openLead(lead);
        String shown = view.timeline.getElement().getTextRecursively();
        assertThat(view.conversation.getHref()).startsWith("conversations?id=");

        assertThat(shown).containsSubsequence("call", "Call to +16175550100", "missed",
                "Text-back: Hi", "delivered",
                "Caller: A pipe burst", "received",
                "Anna", "Anna's turn (offline): escalate");
        // Anna's reply and the first page are written in one transaction: their order within it is not asserted.
        assertThat(shown).contains("Escalation burst-pipe, rung 1: paged +16175550911",
                "Anna: If you can reach it safely, shut off your main water valve", "test-crm sync of emergency, 7 failed attempt(s): CRM unavailable: HTTP 503", "failed",
                "test-crm contact C-881");
    }

    @Test
    void anotherTenantsLeadIdInTheUrlShowsNothingOfIt() {
        long theirs = missedCall(WEST, "+14155550113", "+14155550100");
        signIn(EAST, "leads-east-office", AdminRole.OFFICE);

        LeadView view = openLead(theirs);

        assertThat(view.title.getText()).isEqualTo("No such lead");
        assertThat(view.getElement().getTextRecursively()).doesNotContain("+14155550113", "Leads West");
        assertThat(rows(open(LeadsView.class))).doesNotContain("+14155550113");
    }

    private long missedCall(TenantId tenant, String caller, String line) {
        intake.incoming(new CarrierCall("CA" + UUID.randomUUID().toString().replace("-", ""), new PhoneNumber(caller),
                new PhoneNumber(line), null, null)); // forwarded lines: missed on arrival
        return await().atMost(Duration.ofSeconds(20)).until(() -> review.search(tenant, new LeadReview.Filter(
                        null, null, null, null, null, null, ZoneId.of("UTC"))).stream()
                .filter(r -> r.caller().e164().equals(caller)).findFirst(), java.util.Optional::isPresent)
                .orElseThrow().id();
    }

    private String timeline(long lead) {
        return timeline.of(EAST, lead).stream().map(e -> e.text() + " " + e.state()).reduce("", String::concat);
    }

    private long crmConnection(TenantId tenant) {
        jdbc.sql("INSERT INTO crm_connections (tenant_id, crm_id, status, updated_at) VALUES (?, 'test-crm', 'CONNECTED', NOW(6))")
                .param(tenant.value()).update();
        return jdbc.sql("SELECT id FROM crm_connections WHERE tenant_id = ? AND crm_id = 'test-crm'").param(tenant.value())
                .query(Long.class).single();
    }

    private static LeadView openLead(long id) {
        UI.getCurrent().navigate(LeadView.class, new RouteParameters("id", String.valueOf(id)));
        return LocatorJ._get(LeadView.class);
    }

    private static String rows(LeadsView view) {
        view.show();
        return String.join("\n", java.util.stream.IntStream.range(0, GridKt._size(view.leads))
                .mapToObj(i -> String.join(" | ", GridKt._getFormattedRow(view.leads, i))).toList());
    }
}
