package io.redial.conversations.twilio;

import com.twilio.twiml.MessagingResponse;
import io.redial.conversations.DeliveryReports;
import io.redial.conversations.InboundTexts;
import io.redial.shared.LockConflicts;
import io.redial.shared.PhoneNumber;
import io.redial.shared.twilio.TwilioForm;
import io.redial.shared.twilio.JdkXmlFactories;
import io.redial.shared.twilio.TwilioWebhookSignature;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Twilio's messaging webhooks: texts from callers, and delivery reports for ours. Replies go by REST, not TwiML. */
@RestController
@RequestMapping(path = "/twilio/sms", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
class SmsWebhookController {

    private final TwilioWebhookSignature signature;
    private final InboundTexts inbound;
    private final DeliveryReports reports;

    SmsWebhookController(TwilioWebhookSignature signature, InboundTexts inbound, DeliveryReports reports) {
        JdkXmlFactories.pin();
        this.signature = signature;
        this.inbound = inbound;
        this.reports = reports;
    }

    @PostMapping("/incoming")
    ResponseEntity<String> incoming(HttpServletRequest request) {
        Map<String, String> form = TwilioForm.bodyOf(request);
        if (!signature.isValid(request, form)) {
            return forbidden();
        }
        var sms = new InboundTexts.InboundSms(required(form, "MessageSid"),
                PhoneNumber.parse(required(form, "From")), PhoneNumber.parse(required(form, "To")),
                form.getOrDefault("Body", ""));
        LockConflicts.retry(() -> inbound.receive(sms));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(new MessagingResponse.Builder().build().toXml());
    }

    @PostMapping("/status")
    ResponseEntity<String> status(HttpServletRequest request) {
        Map<String, String> form = TwilioForm.bodyOf(request);
        if (!signature.isValid(request, form)) {
            return forbidden();
        }
        String status = form.getOrDefault("MessageStatus", form.get("SmsStatus"));
        if (status == null) {
            throw new IllegalArgumentException("missing Twilio parameter MessageStatus");
        }
        String error = form.get("ErrorCode");
        String messageSid = required(form, "MessageSid");
        LockConflicts.retry(() -> reports.report(messageSid, status, error == null || error.isBlank() ? null : error));
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<String> forbidden() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN).body("invalid Twilio signature");
    }

    private static String required(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing Twilio parameter " + name);
        }
        return value;
    }
}
