package io.redial.calls.twilio;

import io.redial.calls.CallIntake;
import io.redial.calls.CallIntake.AfterDial;
import io.redial.calls.CallIntake.Incoming;
import io.redial.calls.CallOutcome;
import io.redial.calls.CarrierCall;
import io.redial.shared.LockConflicts;
import io.redial.shared.twilio.TwilioForm;
import io.redial.shared.twilio.TwilioParams;
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
 * Twilio's voice webhooks. Each checks the signature (a forged request gets 403 and stores nothing), then every
 * parameter it uses (a bad one gets 400 naming it, before anything is stored), hands the facts to
 * {@link CallIntake}, and answers TwiML at once.
 */
@RestController
@RequestMapping(path = "/twilio/voice", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
class VoiceWebhookController {

    /** A day: no call lasts longer, and the figure fits every column it lands in. */
    private static final int MAX_CALL_SECONDS = 86_400;

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
        return signed(request, form -> {
            CarrierCall call = call(form);
            String dialStatus = TwilioParams.oneOf(form, "DialCallStatus", TwilioParams.DIAL_CALL_STATUSES);
            int seconds = TwilioParams.count(form, "DialCallDuration", MAX_CALL_SECONDS);
            String answeredBy = TwilioParams.optionalOneOf(form, "AnsweredBy", TwilioParams.ANSWERED_BY);
            return switch (intake.dialFinished(call, dialStatus, seconds, answeredBy)) {
                case AfterDial.UnknownLine u -> twiml.notInService();
                case AfterDial.RingNext next -> twiml.ring(next.line(), next.number());
                case AfterDial.Finished done -> done.outcome() == CallOutcome.MISSED
                        ? twiml.offerVoicemail(done.tenant()) : twiml.hangUp();
            };
        });
    }

    /** The team member's leg, before it is bridged: ask them to press 1 (a voicemail never can). */
    @PostMapping("/screen")
    ResponseEntity<String> screen(HttpServletRequest request) {
        return signed(request, form -> twiml.screen(TwilioParams.sid(form, "ParentCallSid", "CA")));
    }

    @PostMapping("/screen-result")
    ResponseEntity<String> screenResult(HttpServletRequest request) {
        return signed(request, form -> {
            String digits = TwilioParams.optionalToken(form, "Digits", 20, "*#");
            String parent = request.getParameter("parent"); // our own query parameter, covered by the signature
            if (parent == null || parent.isBlank()) {
                throw new IllegalArgumentException("missing parent call in the screening callback URL");
            }
            TwilioParams.checkedSid("parent", parent, "CA");
            if (!"1".equals(digits)) {
                return twiml.hangUp(); // this leg ends; the caller keeps ringing the others
            }
            intake.screenAccepted(parent);
            return twiml.connect();
        });
    }

    /** The caller's own leg changed state (the number's status callback). */
    @PostMapping("/status")
    ResponseEntity<String> status(HttpServletRequest request) {
        return signed(request, form -> {
            CarrierCall call = call(form);
            String status = TwilioParams.oneOf(form, "CallStatus", TwilioParams.CALL_STATUSES);
            Integer seconds = form.containsKey("CallDuration") ? TwilioParams.count(form, "CallDuration", MAX_CALL_SECONDS) : null;
            intake.statusChanged(call, status, seconds);
            return twiml.empty();
        });
    }

    /** The caller finished leaving a voicemail. */
    @PostMapping("/voicemail")
    ResponseEntity<String> voicemail(HttpServletRequest request) {
        return signed(request, form -> {
            String callSid = TwilioParams.sid(form, "CallSid", "CA");
            String recording = TwilioParams.optionalUrl(form, "RecordingUrl", 500);
            if (recording != null) {
                intake.voicemailLeft(callSid, recording);
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
        return new CarrierCall(TwilioParams.sid(form, "CallSid", "CA"),
                TwilioParams.caller(form, "From"), // a caller who withheld their number is still a missed caller
                TwilioParams.number(form, "To"),
                TwilioParams.optionalNumber(form, "ForwardedFrom"),
                TwilioParams.optionalToken(form, "StirVerstat", 60, "-"));
    }
}
