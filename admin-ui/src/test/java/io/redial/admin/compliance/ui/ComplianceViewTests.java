package io.redial.admin.compliance.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import io.redial.admin.ConsoleTest;
import io.redial.calls.CallOutcome;
import io.redial.calls.CallSummary;
import io.redial.calls.RecentCalls;
import io.redial.leads.LeadReview;
import io.redial.receptionist.ConversationDesk;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.simulator.SandboxPhone;
import io.redial.tenants.AdminRole;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ComplianceViewTests extends ConsoleTest {

    static final TenantId CO = new TenantId("compliance-co");
    static final PhoneNumber LINE = new PhoneNumber("+15125556500");
    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired Provisioner provisioner;
    @Autowired SandboxPhone phone;
    @Autowired LeadReview review;
    @Autowired ConversationDesk desk;
    @Autowired RecentCalls calls;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeEach
    void provision() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: compliance-co
                    name: Compliance HVAC
                    timezone: America/Chicago
                    trades: [hvac]
                    lines: [{number: "+15125556500", pattern: forwarded}]
                """));
    }

    @Test
    void aManualOptOutIsListedSearchableAndTheCallerIsNoLongerTextedBack() {
        ComplianceView view = openAs("compliance-owner", AdminRole.OWNER);
        assertThat(view.getElement().getTextRecursively()).contains("Only the caller can opt back in, by texting START");

        view.optOutNumber.setValue("(512) 555-6511");
        _click(view.addOptOut);
        view.optOutSearch.setValue("6511");

        assertThat(rows(view.optOuts)).startsWith("(512) 555-6511 | ");
        view.optOutSearch.setValue("9999");
        assertThat(rows(view.optOuts)).isEmpty();
        phone.missedCall(CO, LINE, new PhoneNumber("+15125556511"));
        assertThat(suppression("+15125556511")).isEqualTo("the caller opted out of texts");
    }

    @Test
    void aMistypedNumberIsRefusedWithAClearError() {
        ComplianceView view = openAs("compliance-owner", AdminRole.OWNER);

        _click(view.addBlock);
        assertThat(view.blockNumber.isInvalid()).isTrue();
        assertThat(view.blockNumber.getErrorMessage()).isEqualTo("Enter the phone number, e.g. (512) 555-0100.");

        view.blockNumber.setValue("call me maybe");
        _click(view.addBlock);

        assertThat(view.blockNumber.getErrorMessage()).isEqualTo("\"call me maybe\" is not a phone number; write it as +1 512 555 0100.");
        assertThat(GridKt._size(view.blocked)).isZero();
        assertThat(view.unsaved()).isTrue();
        UI.getCurrent().navigate("dashboard");
        assertThat(LocatorJ._get(ConfirmDialog.class, spec -> spec.withId("unsaved-changes")).isOpened()).isTrue();
        assertThat(LocatorJ._find(ComplianceView.class)).hasSize(1);
    }

    @Test
    void blockedAndStaffNumbersAreAddedRemovedAndNeverTextedBack() {
        ComplianceView view = openAs("compliance-admin", AdminRole.ADMIN);
        view.blockNumber.setValue("+1 512 555 6512");
        view.blockReason.setValue("robocaller");
        _click(view.addBlock);
        view.staffNumber.setValue("512-555-6513");
        _click(view.addStaff);

        assertThat(rows(view.blocked)).startsWith("(512) 555-6512 | robocaller");
        assertThat(rows(view.staff)).startsWith("(512) 555-6513");
        assertThat(view.unsaved()).isFalse();
        phone.missedCall(CO, LINE, new PhoneNumber("+15125556512"));
        phone.missedCall(CO, LINE, new PhoneNumber("+15125556513"));
        assertThat(suppression("+15125556512")).isEqualTo("the number is on the business's blocklist");
        CallSummary staffCall = await().atMost(PATIENCE).until(() -> calls.of(CO, 20).stream()
                .filter(c -> c.caller().e164().equals("+15125556513") && c.outcome() != null).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        assertThat(staffCall.outcome()).isNotEqualTo(CallOutcome.MISSED);
        assertThat(phone.thread(CO, new PhoneNumber("+15125556513"))).isEmpty();

        _click(removeButton(view.blocked, 0));
        _click(removeButton(view.staff, 0));
        assertThat(GridKt._size(view.blocked)).isZero();
        assertThat(GridKt._size(view.staff)).isZero();
    }

    @Test
    void theDisclosureAndApprovedPricesAreWhatAnnaSays() {
        ComplianceView view = openAs("compliance-owner", AdminRole.OWNER);
        view.priceName.setValue("Diagnostic fee");
        view.priceAmount.setValue(new BigDecimal("-5"));
        _click(view.setPrice);
        assertThat(view.priceAmount.isInvalid()).isTrue();
        assertThat(view.priceAmount.getErrorMessage()).startsWith("Give the amount in dollars and cents");
        view.priceName.setValue("Diagnostic fee");
        view.priceAmount.setValue(new BigDecimal("89"));
        _click(view.setPrice);
        view.disclose.setValue(true);
        view.disclosureText.setValue("You're texting Compliance HVAC's virtual assistant, not a person.");
        _click(view.saveDisclosure);

        assertThat(rows(view.prices)).startsWith("diagnostic fee | $89.00");
        PhoneNumber caller = new PhoneNumber("+15125556514");
        phone.textFromCaller(CO, LINE, caller, "How much do you charge to come look at my AC?");
        String reply = await().atMost(PATIENCE).until(() -> annasFirstReply(caller), r -> r != null);
        assertThat(reply).startsWith("(You're texting Compliance HVAC's virtual assistant, not a person.) ")
                .contains("diagnostic fee $89.00");
    }

    @Test
    void aTenantsOwnStopAndHelpWordsAreListedBesideTheCarriersAndHonoured() {
        jdbc.sql("DELETE FROM sms_keywords WHERE tenant_id = ?").param(CO.value()).update();
        ComplianceView view = openAs("compliance-admin", AdminRole.ADMIN);
        assertThat(view.optOutWords.getElement().getTextRecursively()).contains("STOP", "ALTO (es)", "PARAR (es)");
        assertThat(view.helpWords.getElement().getTextRecursively()).contains("HELP", "AYUDA (es)");

        view.keyword.setValue("no more");
        _click(view.addKeyword);
        assertThat(view.keyword.getErrorMessage()).isEqualTo("One word of 2 to 30 letters, no spaces or digits.");
        view.keyword.setValue("alto");
        _click(view.addKeyword);
        assertThat(view.keyword.getErrorMessage()).isEqualTo("ALTO is already a keyword.");

        view.keyword.setValue("basta");
        view.keywordSpanish.setValue(true);
        _click(view.addKeyword);
        view.keyword.setValue("socorro");
        view.keywordKind.setValue(io.redial.conversations.SmsKeyword.HELP);
        view.keywordSpanish.setValue(true);
        _click(view.addKeyword);
        assertThat(view.optOutWords.getElement().getTextRecursively()).contains("BASTA (es)");
        assertThat(view.helpWords.getElement().getTextRecursively()).contains("SOCORRO (es)");

        PhoneNumber caller = new PhoneNumber("+15125556515");
        phone.textFromCaller(CO, LINE, caller, " Basta ");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(phone.thread(CO, caller)).anySatisfy(t ->
                assertThat(t.body()).startsWith("Se dio de baja de los mensajes de Compliance HVAC")));
        view.refresh();
        view.optOutSearch.setValue("6515");
        assertThat(rows(view.optOuts)).startsWith("(512) 555-6515 | ");
    }

    @Test
    void theOfficeMayNotChangeCompliance() {
        signIn(CO, "compliance-office", AdminRole.OFFICE);

        assertThatThrownBy(() -> UI.getCurrent().navigate(ComplianceView.class))
                .isInstanceOf(com.github.mvysny.kaributesting.v10.MockAccessDeniedException.class);
        LocatorJ._assertNone(ComplianceView.class);
    }

    private ComplianceView openAs(String user, AdminRole role) {
        signIn(CO, user, role);
        return open(ComplianceView.class);
    }

    private String suppression(String caller) {
        return await().atMost(PATIENCE).until(() -> review.search(CO, new LeadReview.Filter(null, null, null, null, null,
                        null, ZoneId.of("UTC"))).stream().filter(r -> r.caller().e164().equals(caller)).findFirst()
                .flatMap(r -> review.page(CO, r.id())).map(LeadReview.Page::suppressionReason).orElse(null), r -> r != null);
    }

    private String annasFirstReply(PhoneNumber caller) {
        return desk.live(CO, Instant.EPOCH).stream().filter(t -> t.caller().equals(caller)).findFirst()
                .flatMap(t -> desk.texts(CO, t.id()).stream().filter(x -> x.author().equals("receptionist"))
                        .filter(x -> !x.body().startsWith("Hi")).findFirst()).map(ConversationDesk.Text::body).orElse(null);
    }

    private static Button removeButton(Grid<?> grid, int row) {
        return (Button) GridKt._getCellComponent(grid, row, grid.getColumns().getLast().getKey() == null
                ? columnKey(grid) : grid.getColumns().getLast().getKey());
    }

    private static String columnKey(Grid<?> grid) {
        grid.getColumns().getLast().setKey("remove");
        return "remove";
    }

    private static String rows(Grid<?> grid) {
        return String.join("\n", IntStream.range(0, GridKt._size(grid))
                .mapToObj(i -> String.join(" | ", List.copyOf(GridKt._getFormattedRow(grid, i)))).toList());
    }
}
