package io.redial.admin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import io.redial.admin.ConsoleTest;
import io.redial.admin.calls.ui.CallsView;
import io.redial.calls.CallIntake;
import io.redial.calls.CarrierCall;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.tenants.AdminRole;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Who may see what: strangers nothing, a tenant's user only their own tenant, callbacks without a session. */
class ConsoleSecurityIntegrationTests extends ConsoleTest {

    static final TenantId NORTH = new TenantId("north-plumbing");
    static final TenantId SOUTH = new TenantId("south-electric");

    @LocalServerPort int port;
    @Autowired Provisioner provisioner;
    @Autowired CallIntake intake;
    @Autowired TenantScope scope;
    @Autowired UserDetailsService users;
    @Autowired PasswordEncoder encoder;

    @BeforeEach
    void twoTenantsWithACallEach() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: north-plumbing
                    name: North Plumbing
                    timezone: America/Chicago
                    lines: [{number: "+16125550100", pattern: forwarded}]
                  - id: south-electric
                    name: South Electric
                    timezone: America/New_York
                    lines: [{number: "+13055550100", pattern: forwarded}]
                """));
        intake.incoming(new CarrierCall(sid(), new PhoneNumber("+16125550111"),
                new PhoneNumber("+16125550100"), null, null));
        intake.incoming(new CarrierCall(sid(), new PhoneNumber("+13055550122"),
                new PhoneNumber("+13055550100"), null, null));
    }

    @Test
    void strangersAreSentToSignIn() {
        UI.getCurrent().navigate(CallsView.class);

        LocatorJ._assertOne(LoginView.class);
        LocatorJ._assertNone(CallsView.class);
    }

    @Test
    void theSandboxLoginPageShowsTheDemoAdminsPasswordAndItSignsIn() {
        UI.getCurrent().navigate(LoginView.class);
        String hint = LocatorJ._get(LoginView.class).sandboxHint.getText();

        assertThat(hint).startsWith("Sandbox: sign in as admin with password ");
        String password = hint.substring(hint.lastIndexOf(' ') + 1);
        Authentication signedIn = login("admin", password);
        assertThat(((ConsoleUser) signedIn.getPrincipal()).account().tenant()).isEqualTo(new TenantId("demo-hvac"));
        assertThat(((ConsoleUser) signedIn.getPrincipal()).hasRole(ConsoleUser.OWNER)).isTrue();
        assertThat(((ConsoleUser) signedIn.getPrincipal()).getPassword()).startsWith("{bcrypt}");
        assertThatThrownBy(() -> login("admin", password + "x")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aTenantsUserSeesNothingOfAnotherTenant() {
        signIn(NORTH, "north-office", AdminRole.OFFICE);

        CallsView calls = openCalls();

        assertThat(rows(calls)).contains("(612) 555-0111").doesNotContain("(305) 555-0122");
        assertThat(LocatorJ._find(Select.class)).isEmpty(); // no tenant picker to switch with
        assertThat(scope.choosable()).extracting(t -> t.id()).containsExactly(NORTH);
        assertThatThrownBy(() -> scope.choose(SOUTH)).isInstanceOf(AccessDeniedException.class);
        assertThat(rows(openCalls())).doesNotContain("(305) 555-0122");
    }

    @Test
    void aPlatformAdminPicksTheTenantToLookAt() {
        signIn(null, "platform-root", AdminRole.ADMIN);

        scope.choose(SOUTH);
        CallsView calls = openCalls();

        assertThat(rows(calls)).contains("(305) 555-0122").doesNotContain("(612) 555-0111");
        assertThat(scope.choosable()).extracting(t -> t.id()).contains(NORTH, SOUTH);
    }

    @Test
    void aDeploymentsFirstUserComesFromTheEnvironmentAsAPlatformAdmin() {
        new PlatformAdminFromEnvironment(context.getBean(io.redial.tenants.AdminUsers.class), encoder, "ops-root",
                "correct horse battery").run(null);

        ConsoleUser root = (ConsoleUser) login("ops-root", "correct horse battery").getPrincipal();
        assertThat(root.account().platformAdmin()).isTrue();
        assertThat(root.hasRole(ConsoleUser.PLATFORM)).isTrue();
    }

    @Test
    void overHttpTheConsoleWantsASessionButCallbacksNeedNoneAndNoCsrfToken() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        var console = http.send(HttpRequest.newBuilder(url("/")).build(), HttpResponse.BodyHandlers.ofString());
        var webhook = http.send(HttpRequest.newBuilder(url("/twilio/sms/incoming"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("MessageSid=SM1&From=%2B16125550111&To=%2B16125550100&Body=hi"))
                .build(), HttpResponse.BodyHandlers.ofString());
        var crm = http.send(HttpRequest.newBuilder(url("/crm/hubspot/oauth/callback?code=x&state=y"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        var crmScreen = http.send(HttpRequest.newBuilder(url("/crm")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(console.statusCode()).isEqualTo(302);
        assertThat(console.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        // Unsigned, so our controller refuses it: proof that security let it through without session or CSRF token.
        assertThat(webhook.statusCode()).isEqualTo(403);
        assertThat(webhook.body()).isEqualTo("invalid Twilio signature");
        assertThat(crm.statusCode()).isNotIn(401, 403);
        assertThat(crm.headers().firstValue("Location")).isEmpty();
        // The console's CRM screen shares the prefix but not the callbacks' open door.
        assertThat(crmScreen.statusCode()).isEqualTo(302);
        assertThat(crmScreen.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void withoutAnOidcProviderConfiguredTheLoginPageOffersOnlyThePassword() throws Exception {
        UI.getCurrent().navigate(LoginView.class);
        LoginView login = LocatorJ._get(LoginView.class);

        assertThat(login.oidc.isAttached()).isFalse();
        assertThat(context.getBeanNamesForType(
                org.springframework.security.oauth2.client.registration.ClientRegistrationRepository.class)).isEmpty();
        var start = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url("/oauth2/authorization/oidc")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(start.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    private static String sid() {
        return "CA" + java.util.UUID.randomUUID().toString().replace("-", "");
    }

    private Authentication login(String username, String password) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }

    private static CallsView openCalls() {
        UI.getCurrent().navigate(CallsView.class);
        UI.getCurrent().refreshCurrentRoute(true);
        return LocatorJ._get(CallsView.class);
    }

    private static String rows(CallsView view) {
        var grid = LocatorJ._get(view, com.vaadin.flow.component.grid.Grid.class);
        return String.join("\n", IntStream.range(0, GridKt._size(grid))
                .mapToObj(i -> String.join(" | ", GridKt._getFormattedRow(grid, i)) + " | "
                        + GridKt._getCellComponent(grid, i, "caller").getElement().getTextRecursively()).toList());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
