package io.redial.app.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.redial.testing.FormBody;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The load harness's Twilio: the Messages API (create and list) on the JDK's own HTTP server. The tests' fake
 * (WireMock, with refusals and look-ups) costs several times the CPU per request, and in the harness every
 * cycle it spends is taken from the app on this two-core machine. It still checks what Twilio checks: Basic
 * auth with the account's token (401, code 20003), the account in the path (404, 20404), and To, From or
 * MessagingServiceSid, and Body (400, 21604 / 21603 / 21602), in Twilio's error shape.
 */
public final class LeanTwilio implements AutoCloseable {

    /** One text Twilio took; {@code host} is the Host header it came with (two nodes may be told two names). */
    public record Sent(String sid, String from, String to, String body, long receivedNanos, String host) {
    }

    private static final DateTimeFormatter TWILIO_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);

    private final String accountSid;
    private final String expectedAuth;
    private final String messagesPath;
    private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
    private final AtomicLong sids = new AtomicLong();
    private final HttpServer server;

    public LeanTwilio(String accountSid, String authToken) throws IOException {
        this.accountSid = accountSid;
        this.expectedAuth = "Basic " + Base64.getEncoder()
                .encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        this.messagesPath = "/2010-04-01/Accounts/" + accountSid + "/Messages.json";
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public String baseUrl() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** The same server under another name, so the texts of a node given this URL can be told apart. */
    public String baseUrlByAddress() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] requestBody = exchange.getRequestBody().readAllBytes();
            if (!expectedAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                error(exchange, 401, 20003, "Authenticate");
                return;
            }
            if (!exchange.getRequestURI().getPath().equals(messagesPath)) {
                error(exchange, 404, 20404, "The requested resource was not found");
                return;
            }
            if (exchange.getRequestMethod().equals("GET")) { // the app's carrier-log check after a restart
                String query = exchange.getRequestURI().getRawQuery();
                Map<String, String> filter = query == null ? Map.of() : FormBody.parse(query);
                String items = sent.stream()
                        .filter(m -> filter.get("To") == null || filter.get("To").equals(m.to()))
                        .filter(m -> filter.get("From") == null || filter.get("From").equals(m.from()))
                        .map(this::json).collect(Collectors.joining(","));
                respond(exchange, 200, "{\"messages\":[" + items + "],\"end\":0,\"first_page_uri\":null,"
                        + "\"next_page_uri\":null,\"page\":0,\"page_size\":50,\"previous_page_uri\":null,\"start\":0,\"uri\":null}");
                return;
            }
            Map<String, String> form = FormBody.parse(new String(requestBody, StandardCharsets.UTF_8));
            if (form.get("To") == null) {
                error(exchange, 400, 21604, "A 'To' phone number is required.");
            } else if (form.get("From") == null && form.get("MessagingServiceSid") == null) {
                error(exchange, 400, 21603, "A 'From' phone number is required.");
            } else if (form.get("Body") == null) {
                error(exchange, 400, 21602, "Message body is required.");
            } else {
                Sent message = new Sent("SM%032x".formatted(sids.incrementAndGet()), form.get("From"), form.get("To"),
                        form.get("Body"), System.nanoTime(),
                        String.valueOf(exchange.getRequestHeaders().getFirst("Host")));
                sent.add(message);
                respond(exchange, 201, json(message));
            }
        }
    }

    private String json(Sent m) {
        String now = TWILIO_DATE.format(ZonedDateTime.now(ZoneOffset.UTC));
        return "{\"sid\":\"" + m.sid() + "\",\"account_sid\":\"" + accountSid + "\",\"from\":\"" + m.from()
                + "\",\"to\":\"" + m.to() + "\",\"body\":" + quote(m.body()) + ",\"status\":\"queued\","
                + "\"direction\":\"outbound-api\",\"num_segments\":\"1\",\"num_media\":\"0\",\"error_code\":null,"
                + "\"error_message\":null,\"price\":null,\"price_unit\":\"USD\",\"api_version\":\"2010-04-01\","
                + "\"date_created\":\"" + now + "\",\"date_updated\":\"" + now + "\",\"date_sent\":null,"
                + "\"subresource_uris\":{},\"uri\":\"" + messagesPath.replace(".json", "/" + m.sid() + ".json") + "\"}";
    }

    private static void error(HttpExchange exchange, int status, int code, String message) throws IOException {
        respond(exchange, status, "{\"code\":" + code + ",\"message\":" + quote(message)
                + ",\"more_info\":\"https://www.twilio.com/docs/errors/" + code + "\",\"status\":" + status + "}");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
