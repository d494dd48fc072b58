package io.redial.conversations.twilio;

import com.twilio.twiml.MessagingResponse;
import io.redial.conversations.DeliveryReports;
import io.redial.conversations.InboundTexts;
import io.redial.shared.LockConflicts;
import io.redial.shared.twilio.JdkXmlFactories;
import io.redial.shared.twilio.TwilioForm;
import io.redial.shared.twilio.TwilioParams;
import io.redial.shared.twilio.TwilioWebhookSignature;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's messaging webhooks: texts from callers, and delivery reports for ours. Replies go by REST, not TwiML.
 * The signature is checked first, then every parameter used (400 naming it, before anything is stored).
 */
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
        var sms = new InboundTexts.InboundSms(TwilioParams.sid(form, "MessageSid", "SM", "MM"),
                TwilioParams.number(form, "From"), TwilioParams.number(form, "To"),
                TwilioParams.text(form, "Body", TwilioParams.MAX_BODY));
        LockConflicts.retry(() -> inbound.receive(sms));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(new MessagingResponse.Builder().build().toXml());
    }

    @PostMapping("/status")
    ResponseEntity<String> status(HttpServletRequest request) {
        Map<String, String> form = TwilioForm.bodyOf(request);
        if (!signature.isValid(request, form)) {
            return forbidden();
        }
        String status = TwilioParams.oneOf(form, form.containsKey("MessageStatus") ? "MessageStatus" : "SmsStatus",
                TwilioParams.MESSAGE_STATUSES);
        String error = TwilioParams.optionalToken(form, "ErrorCode", 10, "");
        String messageSid = TwilioParams.sid(form, "MessageSid", "SM", "MM");
        LockConflicts.retry(() -> reports.report(messageSid, status, error));
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<String> forbidden() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN).body("invalid Twilio signature");
    }
}
