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

    @BeforeEach
    void provision() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: leads-east
                    name: Leads East
                    timezone: America/New_York
                    trades: [plumbing]
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
            assertThat(view.texts.getElement().getTextRecursively()).contains("Leads East", "delivered");
        });
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
