package io.redial.simulator;

import io.redial.conversations.OutboundTexts;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.shared.twilio.TwilioAccount;
import io.redial.tenants.CallPattern;
import io.redial.tenants.PhoneLine;
import io.redial.tenants.Tenants;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A phone in the console, for sandbox mode only (with a real Twilio account a "simulated" caller would get a
 * real text). Calls and texts go through the production webhooks; the caller's screen is read back from the
 * ledger the sandbox carrier writes.
 */
@org.springframework.stereotype.Service
public class SandboxPhone {

    private final TwilioAccount twilio;
    private final Tenants tenants;
    private final LoopbackWebhooks webhooks;
    private final SimulatorRecords records;
    private final OutboundTexts texts;

    SandboxPhone(TwilioAccount twilio, Tenants tenants, LoopbackWebhooks webhooks, SimulatorRecords records,
            OutboundTexts texts) {
        this.twilio = twilio;
        this.tenants = tenants;
        this.webhooks = webhooks;
        this.records = records;
        this.texts = texts;
    }

    public boolean available() {
        return twilio.sandbox();
    }

    public List<PhoneLine> lines(TenantId tenant) {
        return tenants.lines(tenant);
    }

    /** Rings the line and lets it go unanswered, as a caller who gives up would. */
    public void missedCall(TenantId tenant, PhoneNumber line, PhoneNumber caller) {
        PhoneLine owned = ownLine(tenant, line);
        Map<String, String> call = form("CallSid", sid("CA"), "AccountSid", twilio.accountSid(),
                "From", caller.e164(), "To", line.e164(), "CallStatus", "ringing", "Direction", "inbound");
        expectOk(webhooks.post("/twilio/voice/incoming", call).statusCode(), "incoming call");
        if (owned.pattern() == CallPattern.DIAL) {
            Map<String, String> dial = new LinkedHashMap<>(call);
            dial.put("DialCallStatus", "no-answer");
            dial.put("DialCallDuration", "0");
            dial.put("CallStatus", "in-progress");
            int rings = tenants.ringsInOrder(owned.id()) ? Math.max(1, owned.ringList().size()) : 1;
            for (int ring = 0; ring < rings; ring++) { // a sequential line reports each phone it rang
                expectOk(webhooks.post("/twilio/voice/dial-status", dial).statusCode(), "dial result");
            }
        }
    }

    /** The caller texts the line. */
    public void textFromCaller(TenantId tenant, PhoneNumber line, PhoneNumber caller, String body) {
        ownLine(tenant, line);
        expectOk(webhooks.post("/twilio/sms/incoming", form("MessageSid", sid("SM"), "AccountSid", twilio.accountSid(),
                "From", caller.e164(), "To", line.e164(), "Body", body)).statusCode(), "incoming text");
    }

    /** Sends {@code body} from the line to the simulated caller, as a template test; it appears on the phone. */
    public void sendTest(TenantId tenant, PhoneNumber line, PhoneNumber caller, String body) {
        ownLine(tenant, line);
        texts.queue(new OutboundTexts.Request(tenant, null, null, "test", "test:" + sid("TX"), line, caller, body,
                OutboundTexts.CONVERSATION));
    }

    public List<PhoneText> thread(TenantId tenant, PhoneNumber caller) {
        return records.thread(tenant, caller);
    }

    public Optional<LeadSeen> lead(TenantId tenant, PhoneNumber caller) {
        return records.lead(tenant, caller);
    }

    /**
     * A fictional number (555-01xx) in the line's area that this tenant has never heard from and that is not
     * one of its staff or on-call phones: a fresh caller gets the first-contact text, not a repeat-call note.
     */
    public PhoneNumber newCaller(TenantId tenant, PhoneNumber line) {
        String e = line.e164();
        String area = e.startsWith("+1") && e.length() == 12 ? e.substring(2, 5) : "512";
        var owner = tenants.find(tenant);
        for (int attempt = 0; attempt < 200; attempt++) {
            PhoneNumber candidate = new PhoneNumber("+1" + area + "55501"
                    + String.format("%02d", ThreadLocalRandom.current().nextInt(100)));
            boolean team = owner.map(t -> t.staff().contains(candidate) || t.onCall().contains(candidate)).orElse(false);
            if (!team && !records.known(tenant, candidate)) {
                return candidate;
            }
        }
        throw new SimulatorUnavailable("every fictional 555-01xx number has called already; type another number", null);
    }

    private PhoneLine ownLine(TenantId tenant, PhoneNumber number) {
        if (!available()) {
            throw new SimulatorUnavailable("the simulator works in sandbox mode only, where no text leaves the machine", null);
        }
        return tenants.lines(tenant).stream().filter(l -> l.number().equals(number)).findFirst()
                .orElseThrow(() -> new SimulatorUnavailable("that line is not one of yours", null));
    }

    private static void expectOk(int status, String what) {
        if (status != 200) {
            throw new SimulatorUnavailable("the " + what + " webhook answered HTTP " + status, null);
        }
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private static String sid(String prefix) {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }
}
