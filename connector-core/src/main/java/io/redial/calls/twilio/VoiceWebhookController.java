package io.redial.calls.twilio;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Say;
import io.redial.calls.CallIntake;
import io.redial.calls.DialResult;
import io.redial.shared.PhoneNumber;
import io.redial.shared.twilio.TwilioForm;
import io.redial.shared.twilio.TwilioWebhookSignature;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Twilio's voice webhooks. Each checks the signature, hands a record to {@link CallIntake} and answers TwiML. */
@RestController
@RequestMapping(path = "/twilio/voice", produces = MediaType.APPLICATION_XML_VALUE)
class VoiceWebhookController {

    private final TwilioWebhookSignature signature;
    private final CallIntake intake;

    VoiceWebhookController(TwilioWebhookSignature signature, CallIntake intake) {
        this.signature = signature;
        this.intake = intake;
    }

    /** The {@code <Dial action>}: how ringing the team ended. */
    @PostMapping(path = "/dial-status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> dialStatus(HttpServletRequest request) {
        Map<String, String> form = TwilioForm.bodyOf(request);
        if (!signature.isValid(request, form)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN)
                    .body("invalid Twilio signature");
        }
        DialResult dial = new DialResult(
                TwilioParams.required(form, "CallSid"),
                PhoneNumber.parse(TwilioParams.required(form, "From")),
                PhoneNumber.parse(TwilioParams.required(form, "To")),
                TwilioParams.required(form, "DialCallStatus"),
                TwilioParams.integer(form, "DialCallDuration"),
                TwilioParams.optionalNumber(form, "ForwardedFrom"));
        return switch (intake.dialFinished(dial)) {
            case UNKNOWN_LINE -> twiml(politeHangUp("Sorry, this number is not in service."));
            case NEW, DUPLICATE -> twiml(new VoiceResponse.Builder().hangup(new Hangup.Builder().build()).build());
        };
    }

    private static VoiceResponse politeHangUp(String words) {
        return new VoiceResponse.Builder().say(new Say.Builder(words).build()).hangup(new Hangup.Builder().build())
                .build();
    }

    private static ResponseEntity<String> twiml(VoiceResponse response) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(response.toXml());
    }
}
