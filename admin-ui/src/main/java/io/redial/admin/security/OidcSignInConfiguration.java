package io.redial.admin.security;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;

/**
 * Sign-in with an external OpenID Connect provider, only when {@code REDIAL_OIDC_ISSUER_URI} (with
 * {@code _CLIENT_ID} and {@code _CLIENT_SECRET}) is set. The provider's discovery document supplies the
 * endpoints and keys; {@code REDIAL_OIDC_PROVIDER_NAME} names it on the login page (default: the issuer's host).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "redial.oidc", name = "issuer-uri")
class OidcSignInConfiguration {

    static final String REGISTRATION = "oidc";

    /** What the login page offers. */
    record OidcProvider(String name, String authorizationPath) {
    }

    @Bean
    ClientRegistrationRepository oidcClientRegistrations(@Value("${redial.oidc.issuer-uri}") String issuer,
            @Value("${redial.oidc.client-id}") String clientId, @Value("${redial.oidc.client-secret}") String secret,
            @Value("${redial.oidc.provider-name:}") String name) {
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(issuer.trim())
                .registrationId(REGISTRATION).clientId(clientId).clientSecret(secret)
                .scope("openid", "email", "profile").clientName(displayName(name, issuer)).build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    @Bean
    OidcProvider oidcProvider(@Value("${redial.oidc.issuer-uri}") String issuer,
            @Value("${redial.oidc.provider-name:}") String name) {
        return new OidcProvider(displayName(name, issuer), "oauth2/authorization/" + REGISTRATION);
    }

    private static String displayName(String configured, String issuer) {
        if (!configured.isBlank()) {
            return configured.trim();
        }
        String host = URI.create(issuer.trim()).getHost();
        return host == null ? "your identity provider" : host;
    }
}
