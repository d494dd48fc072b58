package io.redial.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * Twilio's Messages API on loopback (WireMock), checking what the real one checks: Basic auth with the
 * account SID and token, the account in the path, To / From-or-MessagingServiceSid / Body present, a
 * Messaging Service that exists and has numbers, and Twilio's error shapes. Numbers in {@link #refusals} are
 * answered with that Twilio error code. {@link #registrations} answers the Messaging Service, A2P campaign, brand
 * and toll-free verification resources; {@link #report} sends a delivery callback signed as Twilio signs it.
 */
public final class FakeTwilio implements FakeService {

    /** One accepted text; {@code receivedNanos} is {@link System#nanoTime()} when the fake got it. */
    public record Sent(String sid, String from, String to, String body, String statusCallback, long receivedNanos,
            String messagingServiceSid) {
    }

    /** Where the app says it is reached, which Twilio signs its webhooks over. */
    public static final String PUBLIC_BASE = "https://redial.example.com";

    private final String accountSid;
    private final String authToken;
    private final String publicBase;
    /** Twilio's own date format ("Thu, 26 Nov 2026 06:11:21 +0000"), which twilio-java parses. */
    private static final DateTimeFormatter TWILIO_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    /** {@code acceptedFirst}: Twilio took the text and then answered the error anyway (an ambiguous 5xx). */
    private record Refusal(int code, int times, boolean acceptedFirst) {
    }
    /** The number a Messaging Service picks from its pool when a text names no {@code From}. */
    public static final String POOL_NUMBER = "+15005550006";

    private final Map<String, Refusal> refusals = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Integer> attempts = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, String> lineTypes = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();
    private final WireMockServer server;
    private volatile boolean unreachable;
    private final Map<String, Integer> lateAnswers = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile java.time.Duration lateBy = java.time.Duration.ZERO;
    /** The account's Messaging Services, campaigns, brands and toll-free verifications. */
    public final FakeTwilioRegistrations registrations;

    public FakeTwilio(String accountSid, String authToken) {
        this(accountSid, authToken, PUBLIC_BASE);
    }

    public FakeTwilio(String accountSid, String authToken, String publicBase) {
        this.accountSid = accountSid;
        this.authToken = authToken;
        this.publicBase = publicBase;
        this.registrations = new FakeTwilioRegistrations(accountSid);
        this.server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .extensions(new MessagesApi()));
        server.start();
        server.stubFor(any(urlPathMatching("/2010-04-01/Accounts/.*")).willReturn(aResponse()
                .withTransformers(MessagesApi.NAME)));
        server.stubFor(any(urlPathMatching("/v2/PhoneNumbers/.*")).willReturn(aResponse()
                .withTransformers(MessagesApi.NAME)));
        server.stubFor(any(urlPathMatching("/v1/.*")).willReturn(aResponse()
                .withTransformers(MessagesApi.NAME)));
    }

    /**
     * Twilio's status callback for a text it took: the parameters Twilio posts ({@code ErrorCode} only when
     * undelivered or failed), signed with the auth token over the callback URL the app gave, posted to the app.
     */
    public java.net.http.HttpResponse<String> report(Sent message, String status, @org.jspecify.annotations.Nullable String errorCode,
            TwilioWebhooks app) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("SmsSid", message.sid());
        form.put("SmsStatus", status);
        form.put("MessageStatus", status);
        form.put("To", message.to());
        form.put("MessageSid", message.sid());
        form.put("AccountSid", accountSid);
        form.put("From", message.from());
        form.put("ApiVersion", "2010-04-01");
        if (message.messagingServiceSid() != null) {
            form.put("MessagingServiceSid", message.messagingServiceSid());
        }
        if (errorCode != null) {
            form.put("ErrorCode", errorCode);
        }
        return app.postSigned(java.net.URI.create(message.statusCallback()).getPath(), form);
    }

    /** The platform account, its auth token, the REST base URL and the public URL Twilio signs webhooks over. */
    @Override
    public Map<String, String> appProperties() {
        return Map.of("twilio.account-sid", accountSid, "twilio.auth-token", authToken,
                "redial.twilio.api-base-url", baseUrl(), "redial.public-base-url", publicBase);
    }

    /** Posts webhooks to the app on {@code port} signed as this account's Twilio signs them. */
    public TwilioWebhooks webhooks(int port) {
        return new TwilioWebhooks(java.net.URI.create("http://localhost:" + port), publicBase, authToken);
    }

    public String baseUrl() {
        return "http://localhost:" + server.port();
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** Every request that reached the fake, valid or not. */
    public int requestCount() {
        return server.getAllServeEvents().size();
    }

    /** Every send to {@code to} gets Twilio error {@code twilioCode} (429 for 20429, 500 for 20500, else 400). */
    public void refuse(String to, int twilioCode) {
        refuse(to, twilioCode, Integer.MAX_VALUE);
    }

    /** The next {@code times} sends to {@code to} are refused; later ones go through. */
    public void refuse(String to, int twilioCode, int times) {
        refusals.put(to, new Refusal(twilioCode, times, false));
    }

    /** The next {@code times} sends to {@code to} are taken (and later listed) but answered 500, as Twilio sometimes does. */
    public void acceptThenFail(String to, int times) {
        refusals.put(to, new Refusal(20500, times, true));
    }

    /** While true, every request's connection is dropped before an answer: Twilio unreachable, as the app sees it. */
    public void unreachable(boolean down) {
        this.unreachable = down;
    }

    /** The next {@code times} sends to {@code to} are taken (and later listed), but answered only after {@code delay}. */
    public void answerLate(String to, int times, java.time.Duration delay) {
        lateAnswers.put(to, times);
        lateBy = delay;
    }

    /** What the Lookup API answers for {@code number}'s line type (default "mobile"). */
    public void lineType(String number, String type) {
        lineTypes.put(number, type);
    }

    public int lookups() {
        return lookups.get();
    }

    /** Create-message requests for {@code to}, refused or not. */
    public int attemptsTo(String to) {
        return attempts.getOrDefault(to, 0);
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class MessagesApi implements ResponseDefinitionTransformerV2 {
        static final String NAME = "twilio-messages-api";

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            var request = event.getRequest();
            if (unreachable) {
                return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition()
                        .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER).build();
            }
            String expectedAuth = "Basic " + Base64.getEncoder()
                    .encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
            if (!expectedAuth.equals(request.getHeader("Authorization"))) {
                return error(401, 20003, "Authenticate");
            }
            if (request.getUrl().startsWith("/v2/PhoneNumbers/")) {
                String number = request.getUrl().substring("/v2/PhoneNumbers/".length()).split("\\?")[0];
                return lookup(decode(number.replace("+", "%2B"))); // a raw '+' in a path is a plus, not a space
            }
            String[] registration = registrations.answer(request.getMethod().getName(), request.getUrl().split("\\?")[0],
                    query(request.getUrl()));
            if (registration != null) {
                return json(Integer.parseInt(registration[0]), registration[1]);
            }
            String messagesPath = "/2010-04-01/Accounts/" + accountSid + "/Messages.json";
            if (!request.getUrl().startsWith(messagesPath)) {
                return error(404, 20404, "The requested resource was not found");
            }
            if (request.getMethod().getName().equals("GET")) {
                return list(query(request.getUrl()));
            }
            Map<String, String> form = parse(request.getBodyAsString());
            if (form.get("To") == null) {
                return error(400, 21604, "A 'To' phone number is required.");
            }
            if (form.get("From") == null && form.get("MessagingServiceSid") == null) {
                return error(400, 21603, "A 'From' phone number is required.");
            }
            if (form.get("Body") == null && form.get("MediaUrl") == null) {
                return error(400, 21602, "Message body is required.");
            }
            String service = form.get("MessagingServiceSid");
            if (service != null && !registrations.knowsService(service)) {
                // Twilio's code for a Messaging Service SID it does not know (its 217xx Messaging Service family)
                return error(400, 21705, "The Messaging Service " + service + " is invalid");
            }
            if (service != null && registrations.poolIsEmpty(service)) {
                return error(400, 21704, "The Messaging Service contains no phone numbers");
            }
            attempts.merge(form.get("To"), 1, Integer::sum);
            Refusal refusal = refusals.computeIfPresent(form.get("To"),
                    (to, r) -> r.times() <= 0 ? null : new Refusal(r.code(), r.times() - 1, r.acceptedFirst()));
            if (refusal != null && refusal.acceptedFirst()) {
                accept(form);
                return error(500, refusal.code(), "internal error after the message was queued");
            }
            if (refusal != null) {
                int status = refusal.code() == 20429 ? 429 : refusal.code() == 20500 ? 500 : 400;
                return error(status, refusal.code(), "refused by the fake for " + form.get("To"));
            }
            var answersLate = new java.util.concurrent.atomic.AtomicBoolean();
            lateAnswers.computeIfPresent(form.get("To"), (to, n) -> {
                answersLate.set(true);
                return n <= 1 ? null : n - 1;
            });
            ResponseDefinition created = json(201, messageJson(accept(form)));
            return answersLate.get() ? com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.like(created)
                    .withFixedDelay((int) lateBy.toMillis()).build() : created;
        }

        private Sent accept(Map<String, String> form) {
            String sid = "SM" + HexFormat.of().formatHex(randomBytes());
            String from = form.get("From") != null ? form.get("From") : POOL_NUMBER;
            Sent message = new Sent(sid, from, form.get("To"), form.get("Body"), form.get("StatusCallback"),
                    System.nanoTime(), form.get("MessagingServiceSid"));
            sent.add(message);
            return message;
        }

        private ResponseDefinition lookup(String number) {
            lookups.incrementAndGet();
            String type = lineTypes.getOrDefault(number, "mobile");
            return json(200, "{\"calling_country_code\":\"1\",\"country_code\":\"US\",\"phone_number\":\"" + number
                    + "\",\"national_format\":null,\"valid\":true,\"validation_errors\":[],\"line_type_intelligence\":"
                    + "{\"carrier_name\":\"Fake Carrier\",\"error_code\":null,\"mobile_country_code\":\"310\","
                    + "\"mobile_network_code\":\"000\",\"type\":\"" + type + "\"},\"url\":\"https://lookups.twilio.com/v2/PhoneNumbers/"
                    + number + "\"}");
        }

        private ResponseDefinition list(Map<String, String> query) {
            // Every text here is still "queued", so its date_sent is null, and Twilio's DateSent filters
            // (DateSent, DateSent<, DateSent>) leave such texts out.
            boolean dateSentFilter = query.keySet().stream().anyMatch(k -> k.startsWith("DateSent"));
            int pageSize = Integer.parseInt(query.getOrDefault("PageSize", "50"));
            String items = sent.stream()
                    .filter(m -> !dateSentFilter)
                    .filter(m -> query.get("To") == null || query.get("To").equals(m.to()))
                    .filter(m -> query.get("From") == null || query.get("From").equals(m.from()))
                    .sorted(java.util.Comparator.comparingLong(Sent::receivedNanos).reversed()) // newest first
                    .limit(pageSize)
                    .map(FakeTwilio.this::messageJson)
                    .collect(Collectors.joining(","));
            return json(200, "{\"messages\":[" + items + "],\"end\":0,\"first_page_uri\":null,\"next_page_uri\":null,"
                    + "\"page\":0,\"page_size\":50,\"previous_page_uri\":null,\"start\":0,\"uri\":null}");
        }
    }

    private String messageJson(Sent m) {
        String now = TWILIO_DATE.format(ZonedDateTime.now(java.time.ZoneOffset.UTC));
        return "{\"sid\":\"" + m.sid() + "\",\"account_sid\":\"" + accountSid + "\",\"from\":\"" + m.from()
                + "\",\"to\":\"" + m.to() + "\",\"body\":" + quote(m.body()) + ",\"status\":\""
                + (m.messagingServiceSid() == null ? "queued" : "accepted") + "\","
                + "\"direction\":\"outbound-api\",\"num_segments\":\"1\",\"num_media\":\"0\",\"error_code\":null,"
                + "\"error_message\":null,\"messaging_service_sid\":" + (m.messagingServiceSid() == null ? "null"
                : quote(m.messagingServiceSid())) + ",\"price\":null,\"price_unit\":\"USD\",\"api_version\":\"2010-04-01\","
                + "\"date_created\":\"" + now + "\",\"date_updated\":\"" + now + "\",\"date_sent\":null,"
                + "\"subresource_uris\":{},\"uri\":\"/2010-04-01/Accounts/" + accountSid + "/Messages/" + m.sid() + ".json\"}";
    }

    private static ResponseDefinition error(int status, int code, String message) {
        return json(status, "{\"code\":" + code + ",\"message\":" + quote(message)
                + ",\"more_info\":\"https://www.twilio.com/docs/errors/" + code + "\",\"status\":" + status + "}");
    }

    private static ResponseDefinition json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body).build();
    }

    private static Map<String, String> query(String url) {
        int q = url.indexOf('?');
        return q < 0 ? Map.of() : parse(url.substring(q + 1));
    }

    private static Map<String, String> parse(String form) {
        return FormBody.parse(form);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[16];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }
}
