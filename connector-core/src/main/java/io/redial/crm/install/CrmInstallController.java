package io.redial.crm.install;

import io.redial.crm.CrmCatalog;
import io.redial.crm.CrmException;
import io.redial.crm.CrmId;
import io.redial.crm.CrmOAuth;
import io.redial.crm.CrmProvider;
import io.redial.crm.sync.OAuthGrants;
import io.redial.shared.TenantId;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The marketplace's install link ({@code /crm/{crm}/install}) sends the browser to the CRM's consent
 * page with an authorization request built by Spring Security's OAuth2 client from the CRM's
 * {@link ClientRegistration}; the CRM sends it back to {@code /crm/{crm}/oauth/callback} with a code and
 * the single-use state, Spring's token client exchanges the code, the tokens are stored encrypted, and
 * the browser lands in the console's onboarding for that tenant.
 */
@RestController
class CrmInstallController {

    private static final Logger log = LoggerFactory.getLogger(CrmInstallController.class);

    private final CrmCatalog catalog;
    private final InstallStates states;
    private final OAuthGrants grants;
    private final CrmInstall install;
    private final String publicBaseUrl;
    private final String onboardingPath;

    CrmInstallController(CrmCatalog catalog, InstallStates states, OAuthGrants grants, CrmInstall install,
            @Value("${redial.public-base-url:http://localhost:8080}") String publicBaseUrl,
            @Value("${redial.crm.install.onboarding-path:/onboarding}") String onboardingPath) {
        this.catalog = catalog;
        this.states = states;
        this.grants = grants;
        this.install = install;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        this.onboardingPath = onboardingPath;
    }

    @GetMapping("/crm/{crm}/install")
    ResponseEntity<String> start(@PathVariable String crm) {
        CrmId id = new CrmId(crm);
        if (!(catalog.find(id).orElse(null) instanceof CrmOAuth oauth)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body("No CRM named " + crm + " is installed here.");
        }
        ClientRegistration registration = oauth.clientRegistration();
        String redirectUri = redirectUri(registration);
        OAuth2AuthorizationRequest request = authorizationRequest(registration, redirectUri, states.issue(id, redirectUri));
        return redirect(URI.create(request.getAuthorizationRequestUri()));
    }

    @GetMapping("/crm/{crm}/oauth/callback")
    ResponseEntity<String> callback(@PathVariable String crm, @RequestParam(required = false) String code,
            @RequestParam(required = false) String state, @RequestParam(required = false) String error) {
        CrmId id = new CrmId(crm);
        CrmProvider provider = catalog.find(id).orElse(null);
        if (!(provider instanceof CrmOAuth oauth)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body("No CRM named " + crm + " is installed here.");
        }
        if (state == null && oauth.installStartsAtCrm() && code != null) {
            // The CRM's marketplace began this install, so no state of ours comes back: issue one now for the
            // registration's redirect URI, which the CRM sent the code to.
            state = states.issue(id, redirectUri(oauth.clientRegistration()));
        }
        Optional<String> redirectUri = state == null ? Optional.empty() : states.consume(state, id);
        if (redirectUri.isEmpty()) {
            return ResponseEntity.badRequest().body("This install link has expired, was already used or was not issued by Redial. Start again.");
        }
        if (code == null || error != null) {
            return ResponseEntity.badRequest().body("The install was not approved in " + provider.displayName() + ".");
        }
        try {
            OAuth2AuthorizationRequest request = authorizationRequest(oauth.clientRegistration(), redirectUri.get(), state);
            TenantId tenant = install.complete(id, grants.exchange(oauth, request, code));
            log.info("{} installed for tenant {}", id, tenant);
            return redirect(UriComponentsBuilder.fromUriString(publicBaseUrl + onboardingPath)
                    .queryParam("tenant", tenant.value()).queryParam("crm", id.value()).build().toUri());
        } catch (CrmException e) {
            log.warn("{} install failed: {}", id, e.getMessage());
            return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
                    .body(provider.displayName() + " did not complete the install. Please try again.");
        }
    }

    private static OAuth2AuthorizationRequest authorizationRequest(ClientRegistration registration, String redirectUri,
            String state) {
        return OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(registration.getProviderDetails().getAuthorizationUri())
                .clientId(registration.getClientId())
                .redirectUri(redirectUri)
                .scopes(registration.getScopes())
                .state(state)
                .attributes(attributes -> attributes.put(OAuth2ParameterNames.REGISTRATION_ID, registration.getRegistrationId()))
                .build();
    }

    /** The registration's redirect URI template, on our public address. */
    private String redirectUri(ClientRegistration registration) {
        return UriComponentsBuilder.fromUriString(registration.getRedirectUri())
                .buildAndExpand(Map.of("baseUrl", publicBaseUrl, "registrationId", registration.getRegistrationId()))
                .toUriString();
    }

    private static ResponseEntity<String> redirect(URI location) {
        return ResponseEntity.status(HttpStatus.FOUND).location(location).build();
    }
}
