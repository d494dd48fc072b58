package io.redial.calls.twilio;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Say;
import io.redial.shared.PhoneNumber;
import io.redial.shared.twilio.JdkXmlFactories;
import io.redial.shared.twilio.TwilioAccount;
import io.redial.tenants.PhoneLine;
import io.redial.tenants.Tenant;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The TwiML Redial answers with. Every callback URL is absolute, on the public base URL. */
@Component
class VoiceTwiml {

    private static final int SCREEN_SECONDS = 6;
    private static final int VOICEMAIL_MAX_SECONDS = 120;

    private final TwilioAccount account;
    /**
     * The answer to every missed call depends on the business name alone, and twilio-java builds and prints a
     * DOM for each: rendered once per name instead (a handful of entries per tenant, however many calls).
     */
    private final Map<String, String> voicemailOffers = new ConcurrentHashMap<>();
    private final String hangUp;

    VoiceTwiml(TwilioAccount account) {
        JdkXmlFactories.pin();
        this.account = account;
        this.hangUp = new VoiceResponse.Builder().hangup(new Hangup.Builder().build()).build().toXml();
    }

    /** Rings every phone on the line at once, or only the first when they ring in order. */
    String ringTeam(PhoneLine line, Tenant tenant, boolean allAtOnce) {
        Dial.Builder dial = dial(line);
        var numbers = allAtOnce ? line.ringList() : line.ringList().subList(0, 1);
        numbers.forEach(n -> dial.number(number(line, n)));
        return new VoiceResponse.Builder().dial(dial.build()).build().toXml();
    }

    /** The next phone in order, after the previous one did not answer. */
    String ring(PhoneLine line, PhoneNumber next) {
        return new VoiceResponse.Builder().dial(dial(line).number(number(line, next)).build()).build().toXml();
    }

    /** Pattern (b), or nobody took the call: apologise, promise the text, offer voicemail. */
    String offerVoicemail(Tenant tenant) {
        return voicemailOffers.computeIfAbsent(tenant.name(), this::renderVoicemailOffer);
    }

    private String renderVoicemailOffer(String businessName) {
        return new VoiceResponse.Builder()
                .say(say("Thanks for calling " + businessName + ". Sorry we couldn't pick up. We're texting you "
                        + "right now, so you can reply there. Or leave a message after the tone."))
                .record(new com.twilio.twiml.voice.Record.Builder().maxLength(VOICEMAIL_MAX_SECONDS).playBeep(true)
                        .action(account.publicUrl("/twilio/voice/voicemail")).build())
                .hangup(new Hangup.Builder().build())
                .build().toXml();
    }

    /** Played to the team member who picked up; a voicemail greeting cannot press 1. */
    String screen(String parentCallSid) {
        Gather gather = new Gather.Builder().numDigits(1).timeout(SCREEN_SECONDS)
                .action(account.publicUrl("/twilio/voice/screen-result?parent="
                        + URLEncoder.encode(parentCallSid, StandardCharsets.UTF_8)))
                .say(say("Customer call. Press 1 to take it."))
                .build();
        return new VoiceResponse.Builder().gather(gather).hangup(new Hangup.Builder().build()).build().toXml();
    }

    String connect() {
        return new VoiceResponse.Builder().build().toXml();
    }

    String notInService() {
        return new VoiceResponse.Builder().say(say("Sorry, this number is not in service. Goodbye."))
                .hangup(new Hangup.Builder().build()).build().toXml();
    }

    String goodbye() {
        return new VoiceResponse.Builder().say(say("Thank you. We'll be in touch soon. Goodbye."))
                .hangup(new Hangup.Builder().build()).build().toXml();
    }

    String hangUp() {
        return hangUp;
    }

    String empty() {
        return new VoiceResponse.Builder().build().toXml();
    }

    private Dial.Builder dial(PhoneLine line) {
        return new Dial.Builder().action(account.publicUrl("/twilio/voice/dial-status"))
                .timeout(line.ringTimeoutSeconds()).answerOnBridge(true);
    }

    private com.twilio.twiml.voice.Number number(PhoneLine line, PhoneNumber n) {
        var builder = new com.twilio.twiml.voice.Number.Builder(n.e164());
        if (line.screening()) {
            builder.url(account.publicUrl("/twilio/voice/screen"));
        }
        return builder.build();
    }

    private static Say say(String words) {
        return new Say.Builder(words).build();
    }
}
