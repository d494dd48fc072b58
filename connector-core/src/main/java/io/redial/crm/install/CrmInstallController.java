package io.redial.crm.install;

import io.redial.crm.CrmCatalog;
import io.redial.crm.CrmException;
import io.redial.crm.CrmId;
import io.redial.crm.CrmOAuth;
import io.redial.crm.CrmProvider;
import io.redial.shared.TenantId;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The marketplace's install link ({@code /crm/{crm}/install}) sends the browser to the CRM's consent
 * page; the CRM sends it back to {@code /crm/{crm}/oauth/callback} with a code, which becomes stored,
 * encrypted tokens, and the browser lands in the console's onboarding for that tenant.
 */
@RestController
class CrmInstallController {

    private static final Logger log = LoggerFactory.getLogger(CrmInstallController.class);

    private final CrmCatalog catalog;
    private final InstallState states;
    private final CrmInstall install;
    private final String publicBaseUrl;
    private final String onboardingPath;

    CrmInstallController(CrmCatalog catalog, InstallState states, CrmInstall install,
            @Value("${redial.public-base-url:http://localhost:8080}") String publicBaseUrl,
            @Value("${redial.crm.install.onboarding-path:/onboarding}") String onboardingPath) {
        this.catalog = catalog;
        this.states = states;
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
        return redirect(oauth.authorizeUrl(states.issue(id), callback(id)));
    }

    @GetMapping("/crm/{crm}/oauth/callback")
    ResponseEntity<String> callback(@PathVariable String crm, @RequestParam(required = false) String code,
            @RequestParam(required = false) String state, @RequestParam(required = false) String error) {
        CrmId id = new CrmId(crm);
        CrmProvider provider = catalog.find(id).orElse(null);
        if (!(provider instanceof CrmOAuth oauth)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body("No CRM named " + crm + " is installed here.");
        }
        if (state == null || !states.valid(state, id)) {
            return ResponseEntity.badRequest().body("This install link has expired or was not issued by Redial. Start again.");
        }
        if (code == null || error != null) {
            return ResponseEntity.badRequest().body("The install was not approved in " + provider.displayName() + ".");
        }
        try {
            TenantId tenant = install.complete(id, oauth.exchange(code, callback(id)));
            log.info("{} installed for tenant {}", id, tenant);
            return redirect(UriComponentsBuilder.fromUriString(publicBaseUrl + onboardingPath)
                    .queryParam("tenant", tenant.value()).queryParam("crm", id.value()).build().toUri());
        } catch (CrmException e) {
            log.warn("{} install failed: {}", id, e.getMessage());
            return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
                    .body(provider.displayName() + " did not complete the install. Please try again.");
        }
    }

    private URI callback(CrmId id) {
        return URI.create(publicBaseUrl + "/crm/" + id.value() + "/oauth/callback");
    }

    private static ResponseEntity<String> redirect(URI location) {
        return ResponseEntity.status(HttpStatus.FOUND).location(location).build();
    }
}
