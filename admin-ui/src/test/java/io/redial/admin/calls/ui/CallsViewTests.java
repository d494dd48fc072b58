package io.redial.admin.calls.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.GridKt;
import io.redial.admin.ConsoleTest;
import io.redial.calls.CallIntake;
import io.redial.calls.CarrierCall;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.shared.notices.AdminNotices;
import io.redial.tenants.AdminRole;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CallsViewTests extends ConsoleTest {

    @Autowired Provisioner provisioner;
    @Autowired CallIntake intake;
    @Autowired AdminNotices notices;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeEach
    void provisionTwoTenants() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: aaa-roofing
                    name: AAA Roofing
                    timezone: America/Denver
                    lines: [{number: "+13035550100", pattern: forwarded}]
                  - id: zzz-electric
                    name: ZZZ Electric
                    timezone: America/New_York
                    lines: [{number: "+12125550100", pattern: dial, ring: ["+12125550199"]}]
                """));
    }

    @Test
    void listsAMissedCallWithItsReasonAndTextState() {
        intake.incoming(new CarrierCall("CA11111111111111111111111111111111", new PhoneNumber("+13035550143"),
                new PhoneNumber("+13035550100"), null, null)); // a forwarded line: missed on arrival
        signIn(new TenantId("aaa-roofing"), "calls-aaa", AdminRole.OFFICE);

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM calls WHERE call_sid = 'CA11111111111111111111111111111111' AND lead_id IS NOT NULL")
                .query(Long.class).single() == 1);
        CallsView view = open(CallsView.class);

        assertThat(rows(view)).anySatisfy(row -> assertThat(String.join(" | ", row))
                .contains("(303) 555-0100", "missed", "a call reached the forwarding number"));
        var caller = (com.vaadin.flow.component.html.Anchor) GridKt._getCellComponent(view.calls, 0, "caller");
        assertThat(caller.getText()).isEqualTo("(303) 555-0143");
        assertThat(caller.getHref()).matches("leads/\\d+");
        assertThat(view.empty.isVisible()).isFalse();
        assertThat(view.queue.getText()).matches("No texts waiting|\\d+ texts waiting \\(\\d+ first contacts go first\\)");
    }

    @Test
    void atPhoneWidthEachCallIsOneCompactColumnWithItsTimeOnOneLine() {
        intake.incoming(new CarrierCall("CA33333333333333333333333333333333", new PhoneNumber("+13035550145"),
                new PhoneNumber("+13035550100"), null, null));
        signIn(new TenantId("aaa-roofing"), "calls-aaa", AdminRole.OFFICE);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM calls WHERE call_sid = 'CA33333333333333333333333333333333' AND lead_id IS NOT NULL")
                .query(Long.class).single() == 1);
        CallsView view = open(CallsView.class);
        assertThat(view.calls.getColumnByKey("compact").isVisible()).isFalse(); // a desktop: the columns

        io.redial.admin.Lists.layOutFor(view.calls, 390);

        assertThat(view.calls.getColumns().stream().filter(c -> c.isVisible()).map(c -> c.getKey()).toList())
                .containsExactly("compact");
        var card = (com.vaadin.flow.component.html.Div) GridKt._getCellComponent(view.calls, 0, "compact");
        var lines = card.getChildren().map(line -> line.getElement().getTextRecursively()).toList();
        assertThat(lines.get(0)).matches("\\w{3} \\d{1,2} \\w{3}, \\d{1,2}:\\d{2}:\\d{2} [AP]M");
        assertThat(card.getChildren().findFirst().orElseThrow().getChildren().findFirst().orElseThrow()
                .getElement().getStyle().get("white-space")).isEqualTo("nowrap");
        assertThat(lines.get(1)).isEqualTo("(303) 555-0145");
        assertThat(lines.get(2)).isEqualTo("missed · text " + view.calls.getListDataView().getItem(0).textState());
        assertThat(lines.get(3)).startsWith("a call reached the forwarding number");

        io.redial.admin.Lists.layOutFor(view.calls, 1280);
        assertThat(view.calls.getColumnByKey("compact").isVisible()).isFalse();
        assertThat(view.calls.getColumnByKey("caller").isVisible()).isTrue();
    }

    @Test
    void showsWhatTheAdminShouldFix() {
        notices.tell(new TenantId("aaa-roofing"), "template", "The after-hours text template could not be used.");
        signIn(new TenantId("aaa-roofing"), "calls-aaa", AdminRole.OFFICE);

        CallsView view = open(CallsView.class);

        assertThat(view.notices.getElement().getTextRecursively()).contains("after-hours text template could not be used");
    }

    @Test
    void showsOnlyTheSignedInUsersTenantsCalls() {
        intake.incoming(new CarrierCall("CA22222222222222222222222222222222", new PhoneNumber("+13035550144"),
                new PhoneNumber("+13035550100"), null, null));
        signIn(new TenantId("zzz-electric"), "calls-zzz", AdminRole.OWNER);

        CallsView view = open(CallsView.class);

        assertThat(GridKt._size(view.calls)).isZero();
        assertThat(view.empty.isVisible()).isTrue();
        assertThat(view.empty.getText()).startsWith("No calls yet. Missed calls appear here the moment they happen");
    }

    private static List<List<String>> rows(CallsView view) {
        return IntStream.range(0, GridKt._size(view.calls)).mapToObj(i -> GridKt._getFormattedRow(view.calls, i)).toList();
    }
}
