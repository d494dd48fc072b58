package io.redial.crm.hubspot;

import io.redial.crm.CrmUninstalled;
import io.redial.crm.hubspot.internal.webhook.SignatureV3;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HubSpot's webhook calls for the app ({@code /crm/hubspot/webhooks}), signed with signature v3. An
 * uninstall from a portal deletes that portal's tokens and marks the connection disconnected; its
 * pending sync work is kept and resumes when the portal installs again. Unsigned or stale calls are
 * refused with 401 and change nothing. Core does the disconnecting ({@link CrmUninstalled}).
 */
@RestController
// Made by HubSpotAutoConfiguration; the app's component scan also finds this class, so it carries the same
// condition: without HubSpot configured there is no controller (and no signing secret to check against).
@ConditionalOnProperty(prefix = "redial.crm.hubspot", name = "client-id")
class HubSpotWebhookController {

    /**
     * The subscription type of an app uninstall, in HubSpot's usual {@code object.change} form. HubSpot's
     * push payload for it is UNCONFIRMED (CRM-APIS.md 1.4; its webhooks journal knows an
     * {@code APP_LIFECYCLE_EVENT}), so this one name is the thing to correct once seen live. A refused
     * refresh token stays the other signal of an uninstall.
     */
    static final Set<String> UNINSTALL_TYPES = Set.of("app.uninstall");

    private static final Logger log = LoggerFactory.getLogger(HubSpotWebhookController.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SignatureV3 signature;
    private final ApplicationEventPublisher events;
    private final String publicBaseUrl;

    HubSpotWebhookController(SignatureV3 signature, ApplicationEventPublisher events, String publicBaseUrl) {
        this.signature = signature;
        this.events = events;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    @PostMapping("/crm/hubspot/webhooks")
    ResponseEntity<Void> receive(RequestEntity<byte[]> request) {
        byte[] raw = request.getBody() == null ? new byte[0] : request.getBody();
        if (!signature.valid("POST", publicUri(request.getUrl()), raw,
                request.getHeaders().getFirst("X-HubSpot-Request-Timestamp"),
                request.getHeaders().getFirst("X-HubSpot-Signature-v3"))) {
            log.warn("refused a HubSpot webhook call without a valid v3 signature");
            return ResponseEntity.status(401).build();
        }
        Set<String> uninstalledPortals = new LinkedHashSet<>();
        JsonNode batch;
        try {
            batch = JSON.readTree(raw);
        } catch (RuntimeException notJson) {
            return ResponseEntity.badRequest().build();
        }
        for (JsonNode event : batch.isArray() ? batch : JSON.createArrayNode().add(batch)) {
            String type = scalar(event.path("subscriptionType")).toLowerCase(Locale.ROOT);
            String portal = scalar(event.path("portalId"));
            if (UNINSTALL_TYPES.contains(type) && portal.matches("\\d{1,20}")) {
                uninstalledPortals.add(portal);
            }
        }
        for (String portal : uninstalledPortals) {
            log.info("HubSpot portal {} uninstalled the app", portal);
            events.publishEvent(new CrmUninstalled(HubSpotCrmProvider.ID, portal));
        }
        return ResponseEntity.noContent().build();
    }

    /** A string or a whole number as text; anything else (an object, a list, a fraction) as "", never an error. */
    private static String scalar(JsonNode node) {
        return node.isString() || node.isIntegralNumber() ? node.asString() : "";
    }

    /** The URL HubSpot called, as HubSpot signed it: our public address, the path and the query string. */
    private String publicUri(URI received) {
        String query = received.getRawQuery();
        return publicBaseUrl + received.getRawPath() + (query == null ? "" : "?" + query);
    }
}
