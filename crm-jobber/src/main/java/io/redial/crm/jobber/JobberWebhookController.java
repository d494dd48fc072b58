package io.redial.crm.jobber;

import io.redial.crm.CrmUninstalled;
import io.redial.crm.jobber.internal.webhook.JobberHmac;
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
 * Jobber's webhook calls for the app ({@code /crm/jobber/webhooks}), HMAC-signed with the app's client secret.
 * {@code APP_DISCONNECT} (an admin disconnected Redial in Jobber; handling it is a publishing requirement)
 * deletes the account's tokens and marks its connection disconnected, keeping its pending work for a
 * reconnect; core does that on {@link CrmUninstalled}. Forged calls get 401 and change nothing. The answer
 * goes at once: Jobber wants one within a second.
 */
@RestController
// Made by JobberAutoConfiguration; the app's component scan also finds this class, hence the same condition.
@ConditionalOnProperty(prefix = "redial.crm.jobber", name = "client-id")
class JobberWebhookController {

    static final String APP_DISCONNECT = "APP_DISCONNECT";
    private static final Logger log = LoggerFactory.getLogger(JobberWebhookController.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JobberHmac hmac;
    private final ApplicationEventPublisher events;

    JobberWebhookController(JobberHmac hmac, ApplicationEventPublisher events) {
        this.hmac = hmac;
        this.events = events;
    }

    @PostMapping("/crm/jobber/webhooks")
    ResponseEntity<Void> receive(RequestEntity<byte[]> request) {
        byte[] raw = request.getBody() == null ? new byte[0] : request.getBody();
        if (!hmac.valid(raw, request.getHeaders().getFirst(JobberHmac.HEADER))) {
            log.warn("refused a Jobber webhook call without a valid {}", JobberHmac.HEADER);
            return ResponseEntity.status(401).build();
        }
        JsonNode event;
        try {
            event = JSON.readTree(raw).path("data").path("webHookEvent");
        } catch (RuntimeException notJson) {
            return ResponseEntity.badRequest().build();
        }
        // Only strings count: a list or an object where Jobber sends an id is no disconnect, and no error.
        String account = event.path("accountId").isString() ? event.path("accountId").asString() : "";
        String topic = event.path("topic").isString() ? event.path("topic").asString() : "";
        if (APP_DISCONNECT.equals(topic) && !account.isBlank()) {
            log.info("Jobber account {} disconnected the app", account);
            events.publishEvent(new CrmUninstalled(JobberCrmProvider.ID, account));
        }
        return ResponseEntity.ok().build();
    }
}
