package io.redial.admin.leads.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteParameters;
import io.redial.admin.ConsoleTest;
import io.redial.calls.CallIntake;
import io.redial.calls.CarrierCall;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import io.redial.leads.LeadDetails;
import io.redial.leads.LeadReview;
import io.redial.leads.Leads;
import io.redial.leads.Urgency;
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
    @Autowired Leads leads;

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
        assertThat(rows(view)).contains("(617) 555-0111", "new", "missed");

        view.status.setValue("BOOKED");
        assertThat(rows(view)).doesNotContain("(617) 555-0111");
        assertThat(view.empty.getText()).isEqualTo("No lead matches these filters. Set a filter back to Any to see more.");
        view.status.setValue("NEW");
        assertThat(rows(view)).contains("(617) 555-0111");
        assertThat(lead).isPositive();
    }

    @Test
    void aLeadPageShowsTheCallItsReasonAndEachTextWithItsState() {
        long lead = missedCall(EAST, "+16175550112", "+16175550100");
        signIn(EAST, "leads-east-office", AdminRole.OFFICE);

        await().pollInSameThread().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            LeadView view = openLead(lead);
            assertThat(view.title.getText()).isEqualTo("(617) 555-0112");
            assertThat(view.status.getText()).isEqualTo("new");
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
        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(lead).contains("paged (617) 555-0911"));
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

        assertThat(shown).containsSubsequence("call", "Call to (617) 555-0100", "missed",
                "Text-back: Hi", "delivered",
                "Caller: A pipe burst", "received",
                "Anna", "Anna paged the on-call technician (built-in rules)");
        // Anna's reply and the first page are written in one transaction: their order within it is not asserted.
        assertThat(shown).contains("Emergency \"Burst pipe\", rung 1: paged (617) 555-0911",
                "Anna: If you can reach it safely, shut off your main water valve", "test-crm sync of emergency, 7 failed attempt(s): CRM unavailable: HTTP 503", "failed",
                "test-crm contact C-881");
    }

    @Test
    void aLeadOpensAsAJobCardWithWhoWhereWhatHowUrgentWhenAndItsCrmRecords() {
        long lead = missedCall(EAST, "+16175550115", "+16175550100");
        leads.updateDetails(EAST, lead, new LeadDetails("Rosa Diaz", "14 Beacon St, Boston", true,
                "Water heater leaking all over the garage", "plumbing", Urgency.URGENT));
        jdbc.sql("""
                INSERT INTO bookings (tenant_id, lead_id, slot_start, slot_end, local_day, slot_unit, day_unit, created_at)
                VALUES (?, ?, '2026-03-10 13:00:00', '2026-03-10 15:00:00', '2026-03-10', 0, 0, NOW(6))""")
                .params(EAST.value(), lead).update();
        crmConnection(EAST);
        jdbc.sql("""
                INSERT INTO crm_links (tenant_id, crm_id, item_key, lead_id, external_type, external_id, created_at)
                VALUES (?, 'test-crm', 'contact:+16175550115', ?, 'contact', 'C-115', NOW(6))""")
                .params(EAST.value(), lead).update();
        signIn(EAST, "leads-east-office", AdminRole.OFFICE);

        LeadView view = openLead(lead);

        assertThat(view.title.getText()).isEqualTo("Rosa Diaz");
        assertThat(cardFact(view, "card-caller")).isEqualTo("Rosa Diaz · (617) 555-0115");
        assertThat(cardFact(view, "card-address")).isEqualTo("14 Beacon St, Boston Map");
        assertThat(LocatorJ._get(Anchor.class, spec -> spec.withId("card-map")).getHref())
                .isEqualTo("https://www.google.com/maps/search/?api=1&query=14+Beacon+St%2C+Boston");
        assertThat(cardFact(view, "card-trade")).isEqualTo("plumbing");
        assertThat(cardFact(view, "card-problem")).isEqualTo("“Water heater leaking all over the garage”");
        assertThat(cardFact(view, "card-urgency")).isEqualTo("Urgent");
        // stored in UTC; shown in the business's zone, where daylight time began on 8 March
        assertThat(cardFact(view, "card-booked")).isEqualTo("Tue 10 Mar, 9:00 AM – 11:00 AM (America/New York time)");
        assertThat(cardFact(view, "card-holder")).isEqualTo("Anna is handling it");
        assertThat(cardFact(view, "card-crm")).contains("test-crm contact C-115");
    }

    @Test
    void staffCorrectTheCardThroughTheFormBadValuesStayBesideTheFieldAndLeavingUnsavedAsksFirst() {
        long lead = missedCall(EAST, "+16175550116", "+16175550100");
        leads.updateDetails(EAST, lead, new LeadDetails("Tom", "9 Elm", null, "no hot water", "plumbing", null));
        signIn(EAST, "leads-east-office", AdminRole.OFFICE);
        LeadView view = openLead(lead);

        _click(view.correct);
        assertThat(view.form.isVisible()).isTrue();
        assertThat(view.form.address.getValue()).isEqualTo("9 Elm");
        view.form.address.setValue("9");
        _click(view.form.save);
        assertThat(view.form.address.isInvalid()).isTrue();
        assertThat(view.form.address.getErrorMessage()).startsWith("Write the whole address");
        assertThat(leads.find(EAST, lead).orElseThrow().details().serviceAddress()).isEqualTo("9 Elm");

        UI.getCurrent().navigate(LeadsView.class);
        assertThat(LocatorJ._get(ConfirmDialog.class, spec -> spec.withId("unsaved-changes")).isOpened()).isTrue();
        assertThat(LocatorJ._find(LeadsView.class)).isEmpty();

        view.form.name.setValue("Tom Okafor");
        view.form.address.setValue("9 Elm Street, Cambridge");
        view.form.urgency.setValue(Urgency.URGENT);
        _click(view.form.save);

        assertThat(view.form.isVisible()).isFalse();
        var details = leads.find(EAST, lead).orElseThrow().details();
        assertThat(details.callerName()).isEqualTo("Tom Okafor");
        assertThat(details.serviceAddress()).isEqualTo("9 Elm Street, Cambridge");
        assertThat(details.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(cardFact(view, "card-address")).startsWith("9 Elm Street, Cambridge");
        assertThat(view.timeline.getElement().getTextRecursively()).contains("staff",
                "leads-east-office corrected the name \"Tom\" → \"Tom Okafor\"; address \"9 Elm\" → "
                        + "\"9 Elm Street, Cambridge\"; urgency (none) → \"urgent\"");
    }

    @Test
    void anotherTenantsLeadIdInTheUrlShowsNothingOfIt() {
        long theirs = missedCall(WEST, "+14155550113", "+14155550100");
        signIn(EAST, "leads-east-office", AdminRole.OFFICE);

        LeadView view = openLead(theirs);

        assertThat(view.title.getText()).isEqualTo("No such lead");
        assertThat(view.getElement().getTextRecursively()).doesNotContain("+14155550113", "Leads West");
        assertThat(rows(open(LeadsView.class))).doesNotContain("(415) 555-0113");
    }

    @Test
    void aHiddenCallerIsShownAsSuchWithNothingToDial() {
        long lead = missedCall(EAST, PhoneNumber.HIDDEN.e164(), "+16175550100");
        signIn(EAST, "leads-east-office", AdminRole.OFFICE);

        LeadView view = openLead(lead);

        assertThat(cardFact(view, "card-caller")).isEqualTo("Hidden number");
        assertThat(LocatorJ._find(view.card, Anchor.class)).noneMatch(a -> a.getHref().startsWith("tel:"));
    }

    private long missedCall(TenantId tenant, String caller, String line) {
        intake.incoming(new CarrierCall("CA" + UUID.randomUUID().toString().replace("-", ""), new PhoneNumber(caller),
                new PhoneNumber(line), null, null)); // forwarded lines: missed on arrival
        return await().atMost(Duration.ofSeconds(20)).until(() -> review.search(tenant, new LeadReview.Filter(
                        null, null, null, null, null, null, ZoneId.of("UTC"))).stream()
                .filter(r -> r.caller().e164().equals(caller)).findFirst(), java.util.Optional::isPresent)
                .orElseThrow().id();
    }

    private static String cardFact(LeadView view, String id) {
        return LocatorJ._get(view.card, com.vaadin.flow.component.Component.class, spec -> spec.withId(id))
                .getElement().getTextRecursively();
    }

    private String timeline(long lead) {
        return timeline.of(EAST, lead).stream().map(e -> e.text() + " " + e.state()).reduce("", String::concat);
    }

    private long crmConnection(TenantId tenant) {
        jdbc.sql("INSERT IGNORE INTO crm_connections (tenant_id, crm_id, status, updated_at) VALUES (?, 'test-crm', 'CONNECTED', NOW(6))")
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
