package io.redial.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import io.redial.testing.TwilioWebhooks;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Starts the packaged app the way the README says ({@code java -jar deploy/target/redial.jar}) on the
 * embedded default and walks the console in headless Debian Chromium: sign in with the sandbox password the
 * login page shows, edit a template, simulate a missed call, see the text and the lead, reply, open the lead's
 * page; then a second
 * start still has the data. Screenshots land in {@code deploy/target/screenshots/}, or in the folder named by
 * {@code -Dredial.screenshots.dir} (docs/console.md refreshes {@code docs/screenshots/} that way).
 */
class ConsoleBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String TOKEN = "browser-test-token";
    private static final Path SCREENSHOTS = Path.of(System.getProperty("redial.screenshots.dir", "target/screenshots"));
    private static final String NEW_TEXT = "Thanks for calling {business}! Sorry we missed you. Reply here and we'll help "
            + "right away, or call {callback_number}.";
    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void launchBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM), "Debian's chromium is not installed (.ci/run installs it)");
        Files.createDirectories(SCREENSHOTS);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    static void closeBrowser() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void signInEditATemplateSimulateAMissedCallChatToABookingAndSeeTheLead() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "redial-data");
        int port = freePort();

        // the three CRMs installed, as an operator who offers them would (nothing here talks to them)
        Map<String, String> crms = Map.of("REDIAL_CRM_HUBSPOT_CLIENT_ID", "browser-hubspot",
                "REDIAL_CRM_HUBSPOT_CLIENT_SECRET", "browser-hubspot-secret", "REDIAL_CRM_JOBBER_CLIENT_ID", "browser-jobber",
                "REDIAL_CRM_JOBBER_CLIENT_SECRET", "browser-jobber-secret", "REDIAL_CRM_SERVICETITAN_CLIENT_ID", "browser-st",
                "REDIAL_CRM_SERVICETITAN_CLIENT_SECRET", "browser-st-secret", "REDIAL_CRM_SERVICETITAN_APP_KEY", "browser-st-key");
        try (RunningApp app = RunningApp.start(jar(), dataDir, port, TOKEN, crms)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(app.log())
                    .contains("Redial is ready (sandbox mode): open the console at http://localhost:" + port));
            // the embedded database installs itself quietly: none of its start-up notes in the default log
            assertThat(app.log().lines()).noneMatch(line -> line.contains(" INFO ") && line.contains("ch.vorburger"))
                    .noneMatch(line -> line.contains("AtmosphereFramework") || line.contains("Failed to detect GPU count"));
            var webhooks = new TwilioWebhooks(URI.create(app.url()), app.url(), TOKEN);
            var answer = webhooks.postSigned("/twilio/voice/dial-status", Map.of(
                    "CallSid", "CA0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "From", "+15125550143",
                    "To", "+15125550100", "DialCallStatus", "no-answer", "DialCallDuration", "0"));
            assertThat(answer.statusCode()).isEqualTo(200);

            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 800));
            signIn(page, app.url(), "console-sign-in.png");
            page.navigate(app.url() + "/calls");
            page.getByText("(512) 555-0143").waitFor();
            assertThat(page.locator("#tenant-name").textContent()).contains("Demo Heating & Air");
            assertThat(page.getByText("Sandbox: texts stay on this machine").isVisible()).isTrue();
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-first-run.png")));

            editTemplate(page, app.url());
            editTheHours(page, app.url());
            simulateAMissedCall(page, app.url());
            refuseABadValueBesideItsFieldAndAskBeforeLeavingUnsaved(page, app.url());
            seeTheDashboard(page, app.url());
            startTheGuidedSetup(page, app.url());
            inviteSomeoneWhoJoinsByTheLink(page, app.url());
            atPhoneWidth(app.url());
        }

        try (RunningApp again = RunningApp.start(jar(), dataDir, port, TOKEN)) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 800));
            signIn(page, again.url(), "console-sign-in-again.png");
            page.navigate(again.url() + "/calls");
            page.getByText("(512) 555-0143").waitFor();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Calls")).isVisible()).isTrue();
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-second-start.png")));
            page.navigate(again.url() + "/templates"); // the demo tenant is seeded once: edits survive a restart
            assertThat(page.locator("#business-hours textarea").inputValue()).isEqualTo(NEW_TEXT);
        }
    }

    /** A stranger lands on the login page; in sandbox mode it names the demo admin's password. */
    private static void signIn(Page page, String url, String screenshot) {
        page.navigate(url);
        page.waitForURL("**/login");
        String hint = page.locator("#sandbox-sign-in").textContent();
        assertThat(hint).startsWith("Sandbox: sign in as admin with password ");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(screenshot)));
        page.locator("vaadin-login-form input[name=username]").fill("admin");
        page.locator("vaadin-login-form input[name=password]").fill(hint.substring(hint.lastIndexOf(' ') + 1));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Last 30 days")).waitFor(); // lands on the dashboard
    }

    /** Both texts get the same new wording, so the check below holds in and after business hours. */
    private static void editTemplate(Page page, String url) {
        page.navigate(url + "/templates");
        for (String form : List.of("#business-hours", "#after-hours")) {
            page.locator(form + " textarea").fill(NEW_TEXT);
            page.locator(form + " .preview").getByText("Thanks for calling Demo Heating & Air!").waitFor();
            page.locator(form + " vaadin-button").getByText("Save").click();
            page.getByText("Saved. The next missed caller gets this text.").first().waitFor();
        }
        assertThat(page.locator("#after-hours .segments").textContent()).startsWith("1 segment");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-templates.png")));
    }

    private static void simulateAMissedCall(Page page, String url) {
        page.navigate(url + "/simulator");
        page.locator("#caller input").fill("+15125550177"); // a caller the demo tenant has not seen
        page.locator("#caller input").press("Tab");
        page.locator("#simulate-call").click();
        page.locator("#phone").getByText("Thanks for calling Demo Heating & Air!").waitFor();
        page.locator("#lead").getByText("call missed").waitFor();
        page.locator("#reply input").fill("My AC is blowing warm air, can you come today?");
        page.locator("#send").click();
        page.locator("#phone").getByText("My AC is blowing warm air").waitFor();
        assertThat(page.locator("#lead").textContent()).startsWith("Open the lead: ");
        // Anna carries the conversation to a booking, as a caller would on a real phone.
        // several facts in one text, as people really write: Anna takes them all and asks for none of them again
        say(page, "Got it. What's your name?", "Dana Whitfield, 1200 Barton Springs Rd, Austin TX 78704");
        say(page, "Reply with the number that works for you.", "1");
        page.locator("#phone").getByText("You're booked for").waitFor();
        page.locator("#lead").getByText("booked").waitFor();
        assertThat(page.locator("#phone").getByText("What's the service address").count()).isZero();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-simulator.png")));

        page.locator("#lead").click(); // the simulator's lead badge opens the lead
        page.locator("#lead-call").getByText("missed").waitFor();
        page.locator("#lead-timeline").getByText("Thanks for calling Demo Heating & Air!").waitFor();
        page.locator("#lead-timeline").getByText("You're booked for").waitFor();
        page.locator("h2").getByText("Dana Whitfield").waitFor();
        assertThat(page.locator("#lead-status").textContent()).isEqualTo("booked");
        // the job card at the top says what was captured
        assertThat(page.locator("#card-caller").textContent()).isEqualTo("Dana Whitfield · (512) 555-0177");
        assertThat(page.locator("#card-address").textContent()).startsWith("1200 Barton Springs Rd");
        assertThat(page.locator("#card-map").getAttribute("href")).startsWith("https://www.google.com/maps/search/");
        assertThat(page.locator("#card-problem").textContent()).contains("My AC is blowing warm air");
        assertThat(page.locator("#card-booked").textContent()).endsWith("(America/Chicago time)");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-lead.png")));

        page.navigate(url + "/leads");
        page.locator("#leads").getByText("Dana Whitfield · (512) 555-0177").waitFor();
    }

    /** Sundays change (open if closed, closed if open) and the week is saved; the screen says where things stand now. */
    private static void editTheHours(Page page, String url) {
        page.navigate(url + "/hours");
        page.locator("#open-now").getByText("Right now: we're").waitFor();
        page.locator("#day-sunday vaadin-checkbox").click();
        page.locator("vaadin-button").getByText("Save hours").click();
        page.getByText("Hours saved.").first().waitFor();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-hours.png")));
    }

    /**
     * A template that would read wrong is refused beside the text, with Save and the test disabled; a bad number
     * on the on-call ladder is refused beside its field; leaving the ladder with a change not saved asks first.
     */
    private static void refuseABadValueBesideItsFieldAndAskBeforeLeavingUnsaved(Page page, String url) {
        page.navigate(url + "/templates");
        page.locator("#after-hours textarea").fill("We're open {hours_today}.");
        page.locator("#after-hours vaadin-text-area[invalid]").waitFor();
        assertThat(page.locator("#after-hours vaadin-text-area [slot=error-message]").textContent())
                .startsWith("{hours_today} goes right after \"We're\"");
        assertThat(page.locator("#after-hours vaadin-button").getByText("Save").isDisabled()).isTrue();
        page.locator("#after-hours textarea").fill(NEW_TEXT);
        page.locator("#after-hours .preview").getByText("Thanks for calling Demo Heating & Air!").waitFor();

        page.navigate(url + "/on-call");
        page.locator("vaadin-text-field[placeholder='(512) 555-0100'] input").fill("nobody");
        page.getByText("Add to ladder").click();
        page.locator("vaadin-text-field[invalid]").getByText("is not a phone number").waitFor();
        page.locator("vaadin-text-field[placeholder='(512) 555-0100'] input").fill("(512) 555-0933");
        page.getByText("Add to ladder").click();
        page.locator("#ladder").getByText("(512) 555-0933").waitFor();
        page.locator("vaadin-side-nav-item").getByText("Dashboard").click();
        page.getByText("Leave without saving?").waitFor();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-unsaved-changes.png")));
        page.getByText("Leave without saving", new Page.GetByTextOptions().setExact(true)).click();
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Last 30 days")).waitFor();

        page.navigate(url + "/hours");
        page.locator("#day-monday vaadin-time-picker").last().locator("input").fill("6:00 AM");
        page.locator("#day-monday vaadin-time-picker").last().locator("input").press("Enter");
        page.locator("vaadin-button").getByText("Save hours").click();
        page.locator("vaadin-time-picker[invalid]").first().waitFor();
        leaveWithoutSaving(page);

        page.navigate(url + "/triage");
        page.locator("#add-example").click();
        page.locator("vaadin-text-field[invalid]").getByText("Type a text as a caller would write it.").waitFor();
        page.locator("#limits vaadin-integer-field input").first().fill("300");
        page.locator("#save-limits").click();
        page.locator("#limits vaadin-integer-field[invalid]").getByText("Give a temperature between 30 and 75 °F.").waitFor();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-triage-refused.png")));
        leaveWithoutSaving(page);

        page.navigate(url + "/compliance");
        page.locator("#keyword input").fill("no more");
        page.locator("#add-keyword").click();
        page.locator("vaadin-text-field[invalid]").getByText("One word of 2 to 30 letters").waitFor();
        page.locator("#keyword input").fill("basta");
        page.locator("#add-keyword").click();
        page.locator("#opt-out-words").getByText("BASTA").waitFor();
        page.locator("vaadin-text-field[placeholder='(512) 555-0100'] input").first().fill("call me maybe");
        page.getByText("Opt out", new Page.GetByTextOptions().setExact(true)).click();
        page.locator("vaadin-text-field[invalid]").getByText("is not a phone number").waitFor();
        leaveWithoutSaving(page);

        page.navigate(url + "/team");
        page.locator("#invite-email input").fill("kim at demo heating");
        page.getByText("Create invitation link").click();
        page.locator("vaadin-email-field[invalid]").getByText("That is not an email address").waitFor();
        leaveWithoutSaving(page);
    }

    /** Leaves by the menu: the console asks first, and the answer is to leave. */
    private static void leaveWithoutSaving(Page page) {
        page.locator("vaadin-side-nav-item").getByText("Dashboard").click();
        page.getByText("Leave without saving?").waitFor();
        page.getByText("Leave without saving", new Page.GetByTextOptions().setExact(true)).click();
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Last 30 days")).waitFor();
    }

    /**
     * At 390 px the menu folds into the drawer; the simulator places a call and chats to a booking; the lead's
     * job card shows what was captured; every screen fits, its lists included.
     */
    private static void atPhoneWidth(String url) {
        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setIsMobile(true).setHasTouch(true))) {
            Page page = phone.newPage();
            page.navigate(url);
            page.waitForURL("**/login");
            String hint = page.locator("#sandbox-sign-in").textContent();
            page.locator("vaadin-login-form input[name=username]").fill("admin");
            page.locator("vaadin-login-form input[name=password]").fill(hint.substring(hint.lastIndexOf(' ') + 1));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
            page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Last 30 days")).waitFor();
            assertFitsTheWidth(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-phone-dashboard.png")));

            page.locator("vaadin-drawer-toggle").click();
            page.locator("vaadin-side-nav-item").getByText("Simulator").click();
            page.locator("#caller input").fill("+15125550188");
            page.locator("#caller input").press("Tab");
            assertThat(page.locator("#simulate-call").boundingBox().x + page.locator("#simulate-call").boundingBox().width)
                    .isLessThanOrEqualTo(390);
            page.locator("#simulate-call").click();
            page.locator("#phone").getByText("Thanks for calling Demo Heating & Air!").waitFor();
            // the same chat to a booking as at desktop width, typed on the phone-sized screen
            page.locator("#reply input").fill("My AC makes a rattling noise, can someone take a look?");
            page.locator("#send").click();
            say(page, "What's your name?", "Sam Ortega, 48 Oak Hill Dr, Austin TX 78704");
            say(page, "Reply with the number that works for you.", "1");
            page.locator("#phone").getByText("You're booked for").waitFor();
            assertFitsTheWidth(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-phone-simulator.png")));

            page.locator("#lead").click();
            page.locator("#job-card").waitFor();
            assertThat(page.locator("#card-caller").textContent()).isEqualTo("Sam Ortega · (512) 555-0188");
            assertThat(page.locator("#card-address").textContent()).startsWith("48 Oak Hill Dr");
            assertFitsTheWidth(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-phone-lead.png")));

            // every other screen fits too, and its menu is behind the toggle
            for (String screen : List.of("calls", "leads", "conversations", "templates", "hours", "triage", "on-call",
                    "lines", "compliance", "crm", "team", "onboarding")) {
                page.navigate(url + "/" + screen);
                page.locator("h2").first().waitFor();
                page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
                assertThat(page.locator("vaadin-side-nav").isVisible()).as(screen + "'s menu is folded").isFalse();
                assertFitsTheWidth(page, screen);
                // and the wide lists do not scroll sideways inside themselves: they turn into a column of short rows
                page.waitForFunction("() => [...document.querySelectorAll('#calls, #leads, #threads, #members, #invitations')]"
                        + ".every(g => { const t = g.shadowRoot && g.shadowRoot.querySelector('#table');"
                        + " return !t || t.scrollWidth <= t.clientWidth + 1; })");
                // docs/console.md shows the Calls list (named in full so the docs check finds who writes it)
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve(
                        screen.equals("calls") ? "console-phone-calls.png" : "console-phone-" + screen + ".png")));
            }
        }
    }

    /** Nothing sticks out sideways: the page never needs a horizontal scrollbar. */
    private static void assertFitsTheWidth(Page page) {
        assertFitsTheWidth(page, page.url());
    }

    /** As above, and names what sticks out: the widest element past the right edge. */
    private static void assertFitsTheWidth(Page page, String screen) {
        Object wider = page.evaluate("""
                () => { const w = window.innerWidth; let worst = null;
                  const walk = (root) => root.querySelectorAll('*').forEach(e => {
                    const r = e.getBoundingClientRect();
                    if (r.right > w + 1 && r.width > 0 && (!worst || r.right > worst.right))
                      worst = {right: Math.round(r.right), tag: e.tagName.toLowerCase(), id: e.id, text: (e.textContent || '').trim().slice(0, 40)};
                    if (e.shadowRoot) walk(e.shadowRoot); });
                  walk(document); return worst ? JSON.stringify(worst) : null; }""");
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
                .as(screen + " is wider than the phone: " + wider)
                .isLessThanOrEqualTo((Integer) page.evaluate("window.innerWidth"));
    }

    /** Waits for Anna's question on the simulated phone, then answers it. */
    private static void say(Page page, String anna, String caller) {
        page.locator("#phone").getByText(anna).waitFor();
        page.locator("#reply input").fill(caller);
        page.locator("#send").click();
        page.locator("#phone").getByText(caller).first().waitFor();
    }

    /** The two missed calls of this journey are on the dashboard, each texted back. */
    private static void seeTheDashboard(Page page, String url) {
        page.navigate(url + "/dashboard");
        page.locator("#tile-missed .value").getByText("2").waitFor();
        assertThat(page.locator("#tile-texted .value").textContent()).isEqualTo("100%");
        assertThat(page.locator("#tile-booked").textContent()).contains("1").contains("value unknown: no job values set");
        assertThat(page.locator("#by-day [data-value='2']").count()).isEqualTo(1);
        page.setViewportSize(1280, 960);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-dashboard.png")));
        page.setViewportSize(1280, 800);
    }

    /** The setup resumes at its first step; the line step shows the carrier codes for forwarded calls. */
    private static void startTheGuidedSetup(Page page, String url) {
        page.navigate(url + "/onboarding");
        page.locator("#setup-progress").getByText("1. Business").waitFor();
        page.locator("#setup-next").click(); // the demo business as it stands
        page.locator("#day-monday").waitFor();
        page.locator("#setup-next").click(); // its hours as they stand
        page.getByText("(b) Keep your number; your carrier forwards the calls you miss to Redial").click();
        page.locator("#forwarding-steps").getByText("Dial *71").waitFor();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-onboarding-line.png")));

        page.navigate(url + "/onboarding"); // resumes at the line, as stored
        page.locator("#setup-progress").getByText("3. Phone line").waitFor();
        page.locator("#setup-next").click();
        page.locator("#first-template").waitFor();
        page.locator("#setup-next").click();
        page.getByText("On-call ladder").waitFor();
        page.locator("#setup-next").click();
        // the CRM step offers every CRM Redial ships with
        page.locator("#setup-connect-hubspot").getByText("Connect HubSpot").waitFor();
        assertThat(page.locator("#setup-connect-jobber").textContent()).isEqualTo("Connect Jobber");
        assertThat(page.locator("#setup-connect-servicetitan").textContent()).startsWith("Connect ServiceTitan");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-onboarding-crm.png")));
    }

    /** An owner invites by link; the invitee, in a browser of their own, joins and lands signed in. */
    private static void inviteSomeoneWhoJoinsByTheLink(Page page, String url) {
        page.navigate(url + "/team");
        page.locator("#invite-email input").fill("kim@demo-heating.test");
        page.getByText("Create invitation link").click();
        page.locator("#invitations").getByText("kim@demo-heating.test").waitFor();
        String link = page.locator("#invite-link input").inputValue();
        assertThat(link).contains("/invite/");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-team.png")));

        try (BrowserContext invitee = browser.newContext()) {
            Page joining = invitee.newPage();
            joining.navigate(url + link.substring(link.indexOf("/invite/")));
            joining.locator("#invitation-offer").getByText("Demo Heating & Air as office").waitFor();
            joining.locator("#invitee-name input").fill("Kim Lee");
            joining.locator("#invitee-password input").fill("kim's long password");
            joining.locator("#invitee-repeat input").fill("kim's long password");
            joining.locator("#invitee-join").click();
            joining.waitForURL("**/dashboard");
            joining.getByText("Sign out kim@demo-heating.test").waitFor();
            assertThat(joining.locator("#tenant-name").textContent()).isEqualTo("Demo Heating & Air");
            assertThat(joining.getByText("Team", new Page.GetByTextOptions().setExact(true)).count()).isZero(); // the office role has no settings
        }
    }

    private static Path jar() {
        return Path.of(System.getProperty("redial.jar", "target/redial.jar"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
