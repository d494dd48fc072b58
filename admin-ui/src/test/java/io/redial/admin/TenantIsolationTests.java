package io.redial.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import io.redial.calls.CallIntake;
import io.redial.calls.CarrierCall;
import io.redial.insights.Insights;
import io.redial.leads.LeadReview;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.simulator.SandboxPhone;
import io.redial.tenants.AdminRole;
import io.redial.tenants.CallPattern;
import io.redial.tenants.Onboarding;
import io.redial.tenants.Team;
import io.redial.tenants.Templates;
import io.redial.tenants.Tenants;
import io.redial.tenants.TextBackTemplates;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A user of tenant A gets nothing of tenant B: no screen shows B's data, B's ids typed into URLs read as missing,
 * and the core queries behind the screens refuse or ignore B's ids when asked on A's behalf.
 */
class TenantIsolationTests extends ConsoleTest {

    static final TenantId A = new TenantId("iso-alpha");
    static final TenantId B = new TenantId("iso-bravo");
    static final String B_CALLER = "+14045550177";
    static final String B_SECRETS[] = {"Bravo Roofing", B_CALLER, "+14045550400", "bravo-invitee@bravo.test",
            "Bravo's own words", "bravo-owner", "+14045550911", "+14045550199", "+14045550666",
            // the same numbers as screens show them
            "(404) 555-0177", "(404) 555-0400", "(404) 555-0911", "(404) 555-0199", "(404) 555-0666"};

    @Autowired Provisioner provisioner;
    @Autowired CallIntake intake;
    @Autowired LeadReview review;
    @Autowired Team team;
    @Autowired Templates templates;
    @Autowired Tenants tenants;
    @Autowired Onboarding onboarding;
    @Autowired SandboxPhone phone;
    @Autowired Insights insights;
    long bravoLead;

    @BeforeEach
    void twoTenantsWithDataEach() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: iso-alpha
                    name: Alpha Plumbing
                    timezone: America/New_York
                    trades: [plumbing]
                    lines: [{number: "+16175550400", pattern: forwarded}]
                  - id: iso-bravo
                    name: Bravo Roofing
                    timezone: America/New_York
                    trades: [roofing]
                    on_call: ["+14045550911"]
                    staff: ["+14045550199"]
                    blocklist: ["+14045550666"]
                    lines: [{number: "+14045550400", pattern: forwarded}]
                """));
        missedCall("+16175550466", "+16175550400", A);
        bravoLead = missedCall(B_CALLER, "+14045550400", B);
        if (team.pending(B).isEmpty()) {
            team.invite(B, AdminRole.OWNER, "bravo-owner", "bravo-invitee@bravo.test", AdminRole.ADMIN);
        }
        templates.save(B, null, TextBackTemplates.BUSINESS_HOURS, "Bravo's own words: {business} will call back.");
        signIn(B, "bravo-owner", AdminRole.OWNER);
        signIn(A, "alpha-owner", AdminRole.OWNER);
    }

    @Test
    void noScreenShowsAnythingOfAnotherTenant() {
        for (String route : List.of("", "dashboard", "calls", "leads", "conversations", "templates", "hours", "triage",
                "on-call", "lines", "compliance", "crm", "team", "onboarding", "simulator", "leads/" + bravoLead)) {
            UI.getCurrent().navigate(route);
            assertThat(everythingShown()).as(route).doesNotContain(B_SECRETS);
        }
        String bravoConversation = String.valueOf(context.getBean(io.redial.leads.LeadTimeline.class)
                .conversation(B, bravoLead).orElseThrow());
        UI.getCurrent().navigate("conversations", com.vaadin.flow.router.QueryParameters.of("id", bravoConversation));
        assertThat(everythingShown()).as("conversations with their thread's id").doesNotContain(B_SECRETS);
        UI.getCurrent().navigate("simulator", com.vaadin.flow.router.QueryParameters.of("caller", B_CALLER));
        assertThat(everythingShown()).as("simulator with their caller").doesNotContain(B_SECRETS);
        UI.getCurrent().navigate("leads");
        assertThat(everythingShown()).contains("(617) 555-0466"); // proof the screens show A's own rows
        UI.getCurrent().navigate("lines");
        assertThat(everythingShown()).contains("(617) 555-0400");
    }

    @Test
    void anotherTenantsLeadIdInTheUrlIsNotFound() {
        UI.getCurrent().navigate("leads/" + bravoLead);

        assertThat(pageText()).contains("No such lead");
        assertThat(review.page(A, bravoLead)).isEmpty();
        assertThat(review.page(B, bravoLead)).isPresent();
    }

    @Test
    void coreQueriesIgnoreOrRefuseTheOtherTenantsIds() {
        Team.Invitation theirs = team.pending(B).getFirst();
        team.revoke(A, theirs.id());
        assertThat(team.pending(B)).extracting(Team.Invitation::id).contains(theirs.id());

        long theirUser = team.members(B).getFirst().id();
        assertThatThrownBy(() -> team.changeRole(A, AdminRole.OWNER, theirUser, AdminRole.OFFICE))
                .hasMessage("no such user");
        assertThat(team.members(A)).extracting(Team.Member::username).doesNotContain("bravo-owner");

        long theirLine = tenants.lines(B).getFirst().id();
        assertThatThrownBy(() -> templates.save(A, theirLine, TextBackTemplates.AFTER_HOURS, "{business} here"))
                .isInstanceOf(Templates.TemplateRejected.class);
        assertThatThrownBy(() -> onboarding.saveLine(A, new PhoneNumber("+14045550400"), CallPattern.DIAL, null))
                .hasMessageContaining("already in use");
        assertThat(tenants.lines(B).getFirst().pattern()).isEqualTo(CallPattern.FORWARDED);
        assertThatThrownBy(() -> phone.missedCall(A, new PhoneNumber("+14045550400"), new PhoneNumber("+16175550499")))
                .isInstanceOf(RuntimeException.class);

        assertThat(phone.thread(A, new PhoneNumber(B_CALLER))).isEmpty();
        assertThat(phone.lead(A, new PhoneNumber(B_CALLER))).isEmpty();
        assertThat(review.search(A, new LeadReview.Filter(null, null, null, null, null, null, ZoneId.of("UTC"))))
                .extracting(r -> r.caller().e164()).doesNotContain(B_CALLER);
        assertThat(insights.lastDays(A, ZoneId.of("America/New_York"), 30).missedCalls())
                .isEqualTo(insights.lastDays(A, ZoneId.of("America/New_York"), 30).byDay().stream()
                        .mapToInt(Insights.Day::missed).sum())
                .isEqualTo(callsOf("+16175550400"));
    }

    private int callsOf(String line) {
        return (int) context.getBean(io.redial.calls.RecentCalls.class).of(A, 500).stream()
                .filter(c -> c.line().e164().equals(line) && c.outcome() == io.redial.calls.CallOutcome.MISSED).count();
    }

    /** The text of the whole page: the outermost layout around the route's view. */
    private static String pageText() {
        return ((com.vaadin.flow.component.Component) UI.getCurrent().getInternals().getActiveRouterTargetsChain()
                .getLast()).getElement().getTextRecursively();
    }

    /** The page's text plus what grids and selects hold (their rows and items are not in the element tree). */
    private static String everythingShown() {
        List<String> parts = new ArrayList<>();
        parts.add(pageText());
        for (Grid<?> grid : LocatorJ._find(Grid.class)) {
            IntStream.range(0, GridKt._size(grid)).forEach(i -> parts.add(String.join(" | ", GridKt._getFormattedRow(grid, i))));
        }
        for (Select<?> select : LocatorJ._find(Select.class)) {
            select.getListDataView().getItems().forEach(item -> parts.add(String.valueOf(item)));
        }
        return String.join("\n", parts);
    }

    private long missedCall(String caller, String line, TenantId tenant) {
        intake.incoming(new CarrierCall("CA" + UUID.randomUUID().toString().replace("-", ""), new PhoneNumber(caller),
                new PhoneNumber(line), null, null));
        return await().atMost(Duration.ofSeconds(20)).until(() -> review.search(tenant, new LeadReview.Filter(
                        null, null, null, null, null, null, ZoneId.of("UTC"))).stream()
                .filter(r -> r.caller().e164().equals(caller)).findFirst(), java.util.Optional::isPresent)
                .orElseThrow().id();
    }
}
