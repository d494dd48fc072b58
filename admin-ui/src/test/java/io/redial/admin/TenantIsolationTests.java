package io.redial.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteConfiguration;
import io.redial.calls.CallIntake;
import io.redial.calls.CarrierCall;
import io.redial.insights.Insights;
import io.redial.leads.LeadReview;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.shared.twilio.TwilioAccount;
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
import io.redial.testing.TwilioWebhooks;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A user of tenant A gets nothing of tenant B: no screen shows B's data, B's ids typed into URLs read as missing,
 * every console route and every HTTP endpoint walked with B's ids shows nothing of B's, and the core queries behind
 * the screens refuse or ignore B's ids when asked on A's behalf. (Vaadin never takes an id from the browser for a
 * grid row or a select item, so what a form can carry of B is what a person types: numbers, covered below.)
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
        UI.getCurrent().navigate("conversations", QueryParameters.of("id", bravoConversation));
        assertThat(everythingShown()).as("conversations with their thread's id").doesNotContain(B_SECRETS);
        UI.getCurrent().navigate("simulator", QueryParameters.of("caller", B_CALLER));
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

    /**
     * Every route the console registers, whatever it is, opened by A's user with B's ids in its path and in every
     * query parameter a view reads (a new view is walked without touching this test).
     */
    @Test
    void everyConsoleRouteWalkedWithTheOtherTenantsIdsShowsNothingOfTheirs() {
        String bravoConversation = String.valueOf(context.getBean(io.redial.leads.LeadTimeline.class)
                .conversation(B, bravoLead).orElseThrow());
        var theirIds = QueryParameters.simple(Map.of("id", bravoConversation,
                "caller", B_CALLER, "lead", String.valueOf(bravoLead), "tenant", B.value(),
                "line", String.valueOf(tenants.lines(B).getFirst().id()), "crm", "hubspot"));
        List<String> walked = new ArrayList<>();
        for (var route : RouteConfiguration.forApplicationScope().getAvailableRoutes()) {
            // a path parameter gets B's lead id (an invitation's token is a secret, not an id: B's lead id stands in)
            String path = route.getTemplate().replaceAll(":[a-zA-Z]+\\??", String.valueOf(bravoLead));
            signIn(A, "alpha-owner", AdminRole.OWNER);
            UI.getCurrent().navigate(path, theirIds);
            assertThat(everythingShown()).as(path).doesNotContain(B_SECRETS);
            walked.add(route.getTemplate());
        }
        assertThat(walked).contains("leads/:id", "conversations", "simulator", "invite/:token").hasSizeGreaterThan(15);
    }

    /**
     * Every HTTP endpoint the app maps (Twilio's webhooks, the CRM install and callback), called with B's ids in
     * its path, query and form: unsigned it is refused with a 4xx that says nothing of B; signed as Twilio signs,
     * naming A's line with B's call, it answers without a 5xx, shows nothing of B and changes none of B's rows.
     */
    @Test
    void everyEndpointCalledWithTheOtherTenantsIdsAnswersNothingOfTheirs() throws Exception {
        var jdbc = context.getBean(JdbcClient.class);
        String bravoCall = jdbc.sql("SELECT call_sid FROM calls WHERE tenant_id = ? ORDER BY id LIMIT 1")
                .param(B.value()).query(String.class).single();
        Map<String, String> theirIds = new LinkedHashMap<>(Map.ofEntries(
                Map.entry("CallSid", bravoCall), Map.entry("ParentCallSid", bravoCall),
                Map.entry("MessageSid", "SM" + "b".repeat(32)), Map.entry("SmsSid", "SM" + "b".repeat(32)),
                Map.entry("From", B_CALLER), Map.entry("To", "+16175550400"),
                Map.entry("CallStatus", "completed"), Map.entry("DialCallStatus", "completed"),
                Map.entry("MessageStatus", "delivered"), Map.entry("SmsStatus", "delivered"),
                Map.entry("Body", "what did bravo say?"), Map.entry("Digits", "1"),
                Map.entry("tenant", B.value()), Map.entry("lead", String.valueOf(bravoLead)),
                Map.entry("state", B.value()), Map.entry("code", "their-code")));
        // signed, the caller is one of A's (B's caller may well text A too, which would rightly show in A's console)
        Map<String, String> signedForA = new LinkedHashMap<>(theirIds);
        signedForA.put("From", "+16175550488");
        String before = settled(() -> bravoRows(jdbc, bravoCall)); // B's own text-back done
        var account = context.getBean(TwilioAccount.class);
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        var http = HttpClient.newHttpClient();
        var webhooks = new TwilioWebhooks(URI.create("http://localhost:" + port),
                account.publicBaseUrl().toString(), account.authToken());
        List<String> walked = new ArrayList<>();
        var mappings = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        for (var info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                for (String crm : pattern.contains("{crm}") ? List.of("hubspot", "jobber", B.value()) : List.of("")) {
                    String path = pattern.replace("{crm}", crm).replaceAll("\\{[^}]+}", String.valueOf(bravoLead));
                    String query = "?" + formBody(theirIds);
                    boolean get = info.getMethodsCondition().getMethods().contains(RequestMethod.GET);
                    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path
                            + (get ? query : ""))).header("Content-Type", "application/x-www-form-urlencoded");
                    var answer = http.send(get ? request.GET().build()
                                    : request.POST(HttpRequest.BodyPublishers.ofString(formBody(theirIds))).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(answer.statusCode()).as("unsigned %s", path).isBetween(300, 499);
                    assertThat(answer.body() + answer.headers().map()).as(path).doesNotContain(B_SECRETS);
                    if (path.startsWith("/twilio/") && !get) {
                        var signed = webhooks.postSigned(path, signedForA);
                        assertThat(signed.statusCode()).as("signed %s", path).isLessThan(500);
                        assertThat(signed.body()).as(path).doesNotContain(B_SECRETS);
                    }
                    walked.add(path);
                }
            }
        }
        assertThat(walked).contains("/twilio/voice/status", "/twilio/sms/incoming", "/crm/hubspot/oauth/callback");
        assertThat(bravoRows(jdbc, bravoCall)).isEqualTo(before);
    }

    /** What {@code rows} reads once it reads the same twice, half a second apart. */
    private static String settled(java.util.function.Supplier<String> rows) throws InterruptedException {
        String last = rows.get();
        for (int i = 0; i < 40; i++) {
            Thread.sleep(500);
            String now = rows.get();
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        throw new AssertionError("tenant B's rows kept changing: " + last);
    }

    /** B's call as the carrier left it, and how many rows B has in each table that belongs to a tenant. */
    private static String bravoRows(JdbcClient jdbc, String callSid) {
        StringBuilder rows = new StringBuilder(jdbc.sql("SELECT CONCAT_WS('|', from_number, to_number, outcome, outcome_reason)"
                + " FROM calls WHERE call_sid = ?").param(callSid).query(String.class).single());
        for (String table : jdbc.sql("SELECT table_name FROM information_schema.columns WHERE table_schema = DATABASE()"
                + " AND column_name = 'tenant_id' ORDER BY table_name").query(String.class).list()) {
            rows.append('\n').append(table).append(' ').append(jdbc.sql("SELECT COUNT(*) FROM " + table
                    + " WHERE tenant_id = ?").param(B.value()).query(Long.class).single());
        }
        return rows.toString();
    }

    /** A form body as browsers and Twilio send it. */
    private static String formBody(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
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
