package io.redial.shared.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import io.redial.testing.FakeTwilio;
import io.redial.testing.TwilioWebhooks;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Jazzer against every Twilio webhook of the running app, over real HTTP on loopback. Each input names an
 * endpoint, how the request is signed, and the parameters laid over a Twilio-shaped form for that endpoint:
 * <pre>
 *   byte 0: the endpoint (mod 8), byte 1: how it is sent (mod 6), then lines "Name=value" (set) or "Name" (drop)
 * </pre>
 * (a rest starting with {@code &} is raw bytes appended to the body instead; so the stored inputs are readable text: {@code 60From=+15125550143\nBody='); DROP TABLE leads;--}). Sent
 * signed as Twilio signs, unsigned, signed with another token, signed and then altered, signed and sent twice,
 * or padded past the size limit; or, for the raw way, the bytes after the first two are the body itself.
 * Whatever comes: never a 5xx; a request that is not Twilio's own (unsigned, forged, altered) answers 4xx and
 * changes nothing of calls, callers or inbound texts; a replay changes nothing the first one did not; a body past
 * the limit is a 413; and the app answers a genuine webhook afterwards.
 * In {@code ./mvnw verify} the stored inputs run once; to fuzz for five minutes:
 * {@code JAZZER_FUZZ=1 ./redial test -pl connector-core -Dtest=TwilioWebhookHttpFuzzTests -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(classes = CoreTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TwilioWebhookHttpFuzzTests {

    static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    static final String TOKEN = "fuzz-auth-token-0123456789abcdef0";
    static final String LINE = "+15125550700";
    static final FakeTwilio twilio = new FakeTwilio(ACCOUNT, TOKEN);

    private static final List<String> ENDPOINTS = List.of("/twilio/voice/incoming", "/twilio/voice/dial-status",
            "/twilio/voice/screen", "/twilio/voice/screen-result", "/twilio/voice/status", "/twilio/voice/voicemail",
            "/twilio/sms/incoming", "/twilio/sms/status");
    private static final int SIGNED = 0, UNSIGNED = 1, FORGED = 2, ALTERED = 3, REPLAYED = 4, HUGE = 5;
    private static final int MAX_BODY = 65_536;
    private static final java.util.Set<String> LOOPBACK = java.util.Set.of("localhost", "127.0.0.1", "::1", "0:0:0:0:0:0:0:1");
    /** Each input gets SIDs of its own, so what it stores can be told apart from what earlier inputs did. */
    private static final AtomicLong inputs = new AtomicLong();

    @LocalServerPort int port;
    @Autowired Provisioner provisioner;
    @Autowired JdbcClient jdbc;
    final HttpClient http = HttpClient.newHttpClient();
    TwilioWebhooks webhooks;

    @BeforeEach
    void provision() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: fuzz-hvac
                    name: Fuzz Heating
                    timezone: America/Chicago
                    lines:
                      - number: "%s"
                        pattern: dial
                        ring: ["+15125550799"]
                """.formatted(LINE)));
        webhooks = twilio.webhooks(port);
    }

    @FuzzTest(maxDuration = "5m")
    void anyWebhookOverHttpIsAnsweredBelow500AndOnlyTwilioSignedOnesStore(byte[] input) throws Exception {
        // Jazzer's SSRF detector (loaded once fuzzing starts) stops any connection; everything here is on loopback.
        BugDetectors.allowNetworkConnections((host, port) -> LOOPBACK.contains(host));
        if (input.length < 2) {
            return;
        }
        String endpoint = ENDPOINTS.get(Math.floorMod(input[0], ENDPOINTS.size()));
        int way = Math.floorMod(input[1], 6);
        long n = inputs.incrementAndGet();
        byte[] rest = java.util.Arrays.copyOfRange(input, 2, input.length);
        String path = endpoint.endsWith("screen-result") ? endpoint + "?parent=" + sid("CA", n) : endpoint;
        // A rest starting with '&' is raw bytes put after the Twilio-shaped body (broken percent-encoding, bytes
        // that are no UTF-8, repeated names): the signature covers only the form before it.
        boolean rawTail = rest.length > 0 && rest[0] == '&';
        Map<String, String> form = rawTail ? baseForm(endpoint, n)
                : overlay(baseForm(endpoint, n), new String(rest, StandardCharsets.UTF_8));

        byte[] body = rawTail ? concat(encode(form), rest) : encode(form);
        Fingerprint before = fingerprint();
        HttpResponse<String> answer;
        switch (way) {
            case UNSIGNED -> answer = send(path, encode(form), null);
            case FORGED -> answer = send(path, encode(form),
                    TwilioWebhooks.sign("not-" + TOKEN, FakeTwilio.PUBLIC_BASE + path, form));
            case ALTERED -> {
                String signature = TwilioWebhooks.sign(TOKEN, FakeTwilio.PUBLIC_BASE + path, form);
                Map<String, String> altered = new LinkedHashMap<>(form);
                altered.merge("From", "0", String::concat); // what was signed is not what arrives
                answer = send(path, encode(altered), signature);
            }
            case HUGE -> {
                form.put("Padding", "x".repeat(MAX_BODY));
                answer = send(path, encode(form), TwilioWebhooks.sign(TOKEN, FakeTwilio.PUBLIC_BASE + path, form));
                assertThat(answer.statusCode()).as("a body past %d bytes", MAX_BODY).isEqualTo(413);
            }
            default -> answer = send(path, body, TwilioWebhooks.sign(TOKEN, FakeTwilio.PUBLIC_BASE + path, form));
        }
        assertThat(answer.statusCode()).as("%s %s answered %s", endpoint, way, answer.body()).isLessThan(500);

        if (way == UNSIGNED || way == FORGED || way == ALTERED || answer.statusCode() >= 400) {
            assertThat(answer.statusCode()).isBetween(400, 499);
            assertThat(fingerprint()).as("%s refused (%d) changed nothing", endpoint, answer.statusCode()).isEqualTo(before);
        }
        if (endpoint.equals("/twilio/sms/incoming") && !rawTail && answer.statusCode() == 200 && LINE.equals(form.get("To"))) {
            // A caller's text is kept as they wrote it (markup and SQL are escaped where shown, not here).
            assertThat(jdbc.sql("SELECT body FROM messages WHERE carrier_sid = ?").param(form.get("MessageSid"))
                    .query(String.class).optional()).as("the text as sent").hasValue(form.getOrDefault("Body", ""));
        }
        if (way == REPLAYED) {
            Fingerprint afterFirst = fingerprint();
            HttpResponse<String> again = send(path, body, TwilioWebhooks.sign(TOKEN, FakeTwilio.PUBLIC_BASE + path, form));
            assertThat(again.statusCode()).as("the replay of %s", endpoint).isLessThan(500);
            assertThat(fingerprint().rows()).as("a replay stores no new row").isEqualTo(afterFirst.rows());
        }
        stillAnswers(n);
    }

    /** A genuine delivery report for a text we never sent: answered, and nothing to store. */
    private void stillAnswers(long n) {
        var answer = webhooks.postSigned("/twilio/sms/status", Map.of("MessageSid", sid("SM", n + 1_000_000_000L),
                "MessageStatus", "delivered"));
        assertThat(answer.statusCode()).as("the app still answers").isLessThan(300);
    }

    private static Map<String, String> baseForm(String endpoint, long n) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", ACCOUNT);
        form.put("ApiVersion", "2010-04-01");
        if (endpoint.startsWith("/twilio/sms")) {
            form.put("MessageSid", sid("SM", n));
            if (endpoint.endsWith("status")) {
                form.put("MessageStatus", "delivered");
            } else {
                form.put("From", "+15125550143");
                form.put("To", LINE);
                form.put("Body", "my furnace is out");
            }
            return form;
        }
        form.put("CallSid", sid("CA", n));
        form.put("From", "+15125550143");
        form.put("To", LINE);
        switch (endpoint) {
            case "/twilio/voice/incoming" -> form.put("CallStatus", "ringing");
            case "/twilio/voice/dial-status" -> {
                form.put("DialCallStatus", "no-answer");
                form.put("DialCallDuration", "0");
            }
            case "/twilio/voice/screen" -> form.put("ParentCallSid", sid("CA", n + 500_000_000L));
            case "/twilio/voice/screen-result" -> form.put("Digits", "1");
            case "/twilio/voice/status" -> {
                form.put("CallStatus", "completed");
                form.put("CallDuration", "12");
            }
            case "/twilio/voice/voicemail" -> form.put("RecordingUrl", "https://api.twilio.com/recordings/RE1");
            default -> throw new IllegalArgumentException(endpoint);
        }
        return form;
    }

    /** "Name=value" sets, a bare "Name" drops; at most 16 lines, so an input cannot make a form Twilio never would. */
    private static Map<String, String> overlay(Map<String, String> form, String lines) {
        lines.lines().limit(16).forEach(line -> {
            int eq = line.indexOf('=');
            if (eq < 0) {
                form.remove(line);
            } else {
                form.put(line.substring(0, eq), line.substring(eq + 1));
            }
        });
        return form;
    }

    private HttpResponse<String> send(String path, byte[] body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static String sid(String prefix, long n) {
        return prefix + HexFormat.of().toHexDigits(n) + "0".repeat(16);
    }

    /**
     * Row counts of what only webhooks write, and a checksum of the columns only Twilio's callbacks change (a call's
     * outcome is left out: a status callback has it decided a few seconds later, by a task).
     */
    record Fingerprint(List<Long> rows, List<Long> states) {
    }

    private Fingerprint fingerprint() {
        return new Fingerprint(List.of(count("SELECT COUNT(*) FROM calls"), count("SELECT COUNT(*) FROM callers"),
                count("SELECT COUNT(*) FROM messages WHERE direction = 'in'")),
                List.of(count("SELECT COALESCE(SUM(CRC32(CONCAT_WS('|', call_sid, carrier_status, dial_status, answered_by, ring_index,"
                        + " screen_accepted, voicemail_url))), 0) FROM calls"),
                        count("SELECT COALESCE(SUM(CRC32(CONCAT_WS('|', phone, opted_out_at, blocked))), 0) FROM callers")));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
