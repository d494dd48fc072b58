package io.redial.admin.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import io.redial.admin.ConsoleTest;
import io.redial.shared.TenantId;
import io.redial.tenants.AdminRole;
import io.redial.tenants.AdminUsers;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in through an OpenID Connect provider faked on loopback: discovery document, a JWKS with a key made here,
 * and a token endpoint that checks the client's credentials and the code, then returns an id_token signed with
 * that key. A verified email that names a console user signs in; anything else is refused and creates nothing.
 */
@Import(OidcSignInIntegrationTests.Probe.class)
class OidcSignInIntegrationTests extends ConsoleTest {

    /** Lets the test-only {@link WhoAmI} probe answer a signed-in session (the console chain denies unknown paths). */
    static class Probe {
        @Bean
        @Order(0)
        SecurityFilterChain probe(HttpSecurity http) throws Exception {
            return http.securityMatcher("/test-only/**")
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                    .build();
        }
    }

    static final String CLIENT_ID = "redial-console";
    static final String CLIENT_SECRET = "s3cret-for-tests";
    static final WireMockServer PROVIDER = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
            .dynamicPort());
    static final RSAKey KEY;
    static final TenantId TENANT = new TenantId("oidc-hvac");

    static {
        try {
            KEY = new RSAKeyGenerator(2048).keyID("test-key").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        PROVIDER.start();
        PROVIDER.stubFor(get("/realms/redial/.well-known/openid-configuration").willReturn(okJson("""
                {"issuer": "%1$s", "authorization_endpoint": "%1$s/authorize", "token_endpoint": "%1$s/token",
                 "jwks_uri": "%1$s/jwks", "response_types_supported": ["code"], "subject_types_supported": ["public"],
                 "id_token_signing_alg_values_supported": ["RS256"],
                 "token_endpoint_auth_methods_supported": ["client_secret_basic"]}""".formatted(issuer()))));
        PROVIDER.stubFor(get("/realms/redial/jwks").willReturn(okJson(new JWKSet(KEY.toPublicJWK()).toString())));
    }

    static String issuer() {
        return "http://127.0.0.1:" + PROVIDER.port() + "/realms/redial";
    }

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        registry.add("redial.oidc.issuer-uri", OidcSignInIntegrationTests::issuer);
        registry.add("redial.oidc.client-id", () -> CLIENT_ID);
        registry.add("redial.oidc.client-secret", () -> CLIENT_SECRET);
        registry.add("redial.oidc.provider-name", () -> "Example ID");
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.stop();
    }

    @LocalServerPort int port;
    @Autowired Provisioner provisioner;
    @Autowired AdminUsers users;

    @BeforeEach
    void aTenantWithAnInvitedUser() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: oidc-hvac
                    name: OIDC Heating
                    timezone: America/Chicago
                    lines: [{number: "+13125550700", pattern: forwarded}]
                """));
        if (users.byUsername("pat@oidc-heating.test").isEmpty()) {
            users.create(TENANT, "pat@oidc-heating.test", "{noop}unused-password-hash", AdminRole.ADMIN);
        }
        PROVIDER.resetRequests();
    }

    @Test
    void aVerifiedEmailOfAConsoleUserSignsIn() throws Exception {
        HttpClient browser = browser();

        HttpResponse<String> landed = signInAtProvider(browser, "Pat@oidc-heating.test", true);

        assertThat(landed.statusCode()).isEqualTo(302);
        assertThat(landed.headers().firstValue("Location").orElseThrow()).doesNotContain("login");
        HttpResponse<String> me = browser.send(request("/test-only/whoami"), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).isEqualTo("pat@oidc-heating.test ADMIN oidc-hvac");
        PROVIDER.verify(postRequestedFor(urlEqualTo("/realms/redial/token"))
                .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials(CLIENT_ID, CLIENT_SECRET)));
    }

    @Test
    void anEmailWithoutAConsoleUserIsRefusedAndNothingIsCreated() throws Exception {
        HttpClient browser = browser();

        HttpResponse<String> landed = signInAtProvider(browser, "stranger@elsewhere.test", true);

        assertThat(landed.headers().firstValue("Location").orElseThrow()).endsWith("/login?oidc-refused");
        assertThat(browser.send(request("/test-only/whoami"), HttpResponse.BodyHandlers.ofString()).headers()
                .firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(users.byUsername("stranger@elsewhere.test")).isEmpty();
    }

    @Test
    void anUnverifiedEmailIsRefusedEvenWhenAConsoleUserHasIt() throws Exception {
        HttpClient browser = browser();

        HttpResponse<String> landed = signInAtProvider(browser, "pat@oidc-heating.test", false);

        assertThat(landed.headers().firstValue("Location").orElseThrow()).endsWith("/login?oidc-refused");
        assertThat(browser.send(request("/test-only/whoami"), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(302);
    }

    @Test
    void theLoginPageOffersTheProviderAndSaysWhyASignInWasRefused() {
        UI.getCurrent().navigate(LoginView.class);
        LoginView login = LocatorJ._get(LoginView.class);
        assertThat(login.oidc.getText()).isEqualTo("Sign in with Example ID");
        assertThat(login.oidc.getHref()).isEqualTo("oauth2/authorization/oidc");

        String why = "No console user has the address stranger@elsewhere.test. Ask an owner of your business to invite it.";
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION,
                new OAuth2AuthenticationException(new OAuth2Error(OidcConsoleUsers.REFUSED, why, null), why));
        UI.getCurrent().navigate("login", com.vaadin.flow.router.QueryParameters.simple(Map.of("oidc-refused", "")));

        assertThat(LocatorJ._get(LoginView.class).oidcRefused.getText()).isEqualTo(why);
    }

    /** The browser's part: start at the console, "log in" at the provider, come back with the code. */
    private HttpResponse<String> signInAtProvider(HttpClient browser, String email, boolean verified) throws Exception {
        HttpResponse<String> toProvider = browser.send(request("/oauth2/authorization/oidc"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(toProvider.statusCode()).isEqualTo(302);
        URI authorize = URI.create(toProvider.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.toString()).startsWith(issuer() + "/authorize");
        Map<String, String> asked = query(authorize);
        assertThat(asked).containsEntry("client_id", CLIENT_ID).containsEntry("response_type", "code");
        assertThat(asked.get("scope")).contains("openid", "email");

        String code = "code-" + System.nanoTime();
        PROVIDER.stubFor(post("/realms/redial/token")
                .withBasicAuth(CLIENT_ID, CLIENT_SECRET)
                .withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(containing("code=" + code))
                .withRequestBody(containing("redirect_uri=" + java.net.URLEncoder.encode(asked.get("redirect_uri"),
                        StandardCharsets.UTF_8)))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"access_token": "at-%s", "token_type": "Bearer", "expires_in": 300,
                         "scope": "openid email profile", "id_token": "%s"}"""
                        .formatted(code, idToken(email, verified, asked.get("nonce"))))));
        return browser.send(HttpRequest.newBuilder(URI.create(asked.get("redirect_uri") + "?code=" + code + "&state="
                + java.net.URLEncoder.encode(asked.get("state"), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String idToken(String email, boolean verified, String nonce) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer()).subject("user-" + email.hashCode())
                .audience(List.of(CLIENT_ID)).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", nonce).claim("email", email).claim("email_verified", verified).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(KEY));
        return jwt.serialize();
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2)).collect(Collectors.toMap(
                p -> p[0], p -> URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8)));
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
    }
}
