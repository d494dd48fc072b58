package io.redial.calls.twilio;

import io.redial.calls.CallIntake;
import io.redial.calls.CallIntake.AfterDial;
import io.redial.calls.CallIntake.Incoming;
import io.redial.calls.CallOutcome;
import io.redial.calls.CarrierCall;
import io.redial.shared.LockConflicts;
import io.redial.shared.PhoneNumber;
import io.redial.shared.twilio.TwilioForm;
import io.redial.shared.twilio.TwilioWebhookSignature;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's voice webhooks. Each checks the signature (a forged request gets 403 and stores nothing),
 * hands the facts to {@link CallIntake}, and answers TwiML at once.
 */
@RestController
@RequestMapping(path = "/twilio/voice", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
class VoiceWebhookController {

    private final TwilioWebhookSignature signature;
    private final CallIntake intake;
    private final VoiceTwiml twiml;

    VoiceWebhookController(TwilioWebhookSignature signature, CallIntake intake, VoiceTwiml twiml) {
        this.signature = signature;
        this.intake = intake;
        this.twiml = twiml;
    }

    /** The call comes in: ring the team (pattern a) or greet and offer voicemail (pattern b). */
    @PostMapping("/incoming")
    ResponseEntity<String> incoming(HttpServletRequest request) {
        return signed(request, form -> switch (intake.incoming(call(form))) {
            case Incoming.UnknownLine u -> twiml.notInService();
            case Incoming.RingTeam ring -> twiml.ringTeam(ring.line(), ring.tenant(), ring.allAtOnce());
            case Incoming.AlreadyMissed missed -> twiml.offerVoicemail(missed.tenant());
        });
    }

    /** The {@code <Dial action>}: how ringing the team ended. */
    @PostMapping("/dial-status")
    ResponseEntity<String> dialStatus(HttpServletRequest request) {
        return signed(request, form -> switch (intake.dialFinished(call(form), TwilioParams.required(form, "DialCallStatus"),
                TwilioParams.integer(form, "DialCallDuration"), form.get("AnsweredBy"))) {
            case AfterDial.UnknownLine u -> twiml.notInService();
            case AfterDial.RingNext next -> twiml.ring(next.line(), next.number());
            case AfterDial.Finished done -> done.outcome() == CallOutcome.MISSED
                    ? twiml.offerVoicemail(done.tenant()) : twiml.hangUp();
        });
    }

    /** The team member's leg, before it is bridged: ask them to press 1 (a voicemail never can). */
    @PostMapping("/screen")
    ResponseEntity<String> screen(HttpServletRequest request) {
        return signed(request, form -> twiml.screen(TwilioParams.required(form, "ParentCallSid")));
    }

    @PostMapping("/screen-result")
    ResponseEntity<String> screenResult(HttpServletRequest request) {
        return signed(request, form -> {
            if (!"1".equals(form.get("Digits"))) {
                return twiml.hangUp(); // this leg ends; the caller keeps ringing the others
            }
            String parent = request.getParameter("parent"); // our own query parameter, covered by the signature
            if (parent == null || parent.isBlank()) {
                throw new IllegalArgumentException("missing parent call in the screening callback URL");
            }
            intake.screenAccepted(parent);
            return twiml.connect();
        });
    }

    /** The caller's own leg changed state (the number's status callback). */
    @PostMapping("/status")
    ResponseEntity<String> status(HttpServletRequest request) {
        return signed(request, form -> {
            intake.statusChanged(call(form), TwilioParams.required(form, "CallStatus"),
                    form.containsKey("CallDuration") ? TwilioParams.integer(form, "CallDuration") : null);
            return twiml.empty();
        });
    }

    /** The caller finished leaving a voicemail. */
    @PostMapping("/voicemail")
    ResponseEntity<String> voicemail(HttpServletRequest request) {
        return signed(request, form -> {
            String recording = form.get("RecordingUrl");
            if (recording != null && !recording.isBlank()) {
                intake.voicemailLeft(TwilioParams.required(form, "CallSid"), recording);
            }
            return twiml.goodbye();
        });
    }

    private ResponseEntity<String> signed(HttpServletRequest request, Function<Map<String, String>, String> handler) {
        Map<String, String> form = TwilioForm.bodyOf(request);
        if (!signature.isValid(request, form)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN)
                    .body("invalid Twilio signature");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .body(LockConflicts.retry(() -> handler.apply(form)));
    }

    private static CarrierCall call(Map<String, String> form) {
        return new CarrierCall(TwilioParams.required(form, "CallSid"),
                PhoneNumber.parse(TwilioParams.required(form, "From")),
                PhoneNumber.parse(TwilioParams.required(form, "To")),
                TwilioParams.optionalNumber(form, "ForwardedFrom"),
                form.get("StirVerstat"));
    }
}
