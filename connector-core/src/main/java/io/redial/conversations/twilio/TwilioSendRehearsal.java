package io.redial.conversations.twilio;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.twilio.http.TwilioRestClient;
import io.redial.calls.WarmUpRehearsal;
import io.redial.conversations.TextMessaging;
import io.redial.shared.PhoneNumber;
import io.redial.shared.twilio.TwilioAccount;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * twilio-java's send, rehearsed by the start-up warm-up: the text-back goes through the same {@link
 * TwilioTextMessaging} and transport as real texts, to a sink on loopback that answers as Twilio's Messages API
 * does (201 and the message resource). The request built and encoded, the HTTP exchange, the answer read into a
 * {@code Message}: a new node's first real texts then run that code compiled, not interpreted. The sink sends
 * nothing and is closed when the warm-up ends.
 */
@Component
@ConditionalOnExpression("'${twilio.account-sid:}' != ''")
class TwilioSendRehearsal implements WarmUpRehearsal {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TwilioSendRehearsal.class);
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final TwilioAccount account;
    private final AtomicLong sent = new AtomicLong();
    private @Nullable HttpServer sink;
    private @Nullable ExecutorService sinkThreads;
    private @Nullable TwilioTextMessaging messaging;

    TwilioSendRehearsal(TwilioAccount account) {
        this.account = account;
    }

    @Override
    public void rehearseAfterRollback(PhoneNumber line, PhoneNumber caller) {
        messaging().send(new TextMessaging.OutboundText(line, caller,
                "Sorry we missed your call! This is a start-up rehearsal and is never sent.", null));
    }

    @Override
    public synchronized void warmUpDone() {
        HttpServer server = sink;
        ExecutorService threads = sinkThreads;
        if (server != null && threads != null) {
            server.stop(0);
            threads.shutdown();
            log.info("rehearsed {} text-backs through twilio-java against a loopback sink", sent.get());
        }
        sink = null;
        sinkThreads = null;
        messaging = null;
    }

    /** How many texts the sink took: for tests. */
    long rehearsed() {
        return sent.get();
    }

    /** The sink's port while the warm-up runs: for tests. */
    synchronized int sinkPort() {
        HttpServer server = sink;
        return server == null ? -1 : server.getAddress().getPort();
    }

    private synchronized TwilioTextMessaging messaging() {
        TwilioTextMessaging ready = messaging;
        if (ready != null) {
            return ready;
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ExecutorService threads = Executors.newFixedThreadPool(2,
                Thread.ofPlatform().name("twilio-rehearsal-sink-", 1).daemon().factory());
        server.setExecutor(threads);
        server.createContext("/", this::answerAsTwilio);
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        var client = new TwilioRestClient.Builder(account.accountSid(), account.authToken())
                .httpClient(new SingleShotHttpClient(base, Duration.ofSeconds(5)))
                .build();
        sink = server;
        sinkThreads = threads;
        messaging = new TwilioTextMessaging(client, account);
        return messaging;
    }

    /** Twilio's answer to a created message, with the fields its SDK reads; anything else answers 404. */
    private void answerAsTwilio(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (!"POST".equals(exchange.getRequestMethod()) || !path.endsWith("/Messages.json")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String sid = "SM%032x".formatted(sent.incrementAndGet());
            String now = ZonedDateTime.now(ZoneOffset.UTC).format(RFC_2822);
            byte[] json = """
                    {"sid": "%s", "account_sid": "%s", "status": "queued", "direction": "outbound-api",
                     "body": "rehearsal", "num_segments": "1", "num_media": "0", "price": null, "price_unit": "USD",
                     "date_created": "%s", "date_updated": "%s", "date_sent": null, "error_code": null,
                     "error_message": null, "api_version": "2010-04-01", "uri": "%s/%s.json"}"""
                    .formatted(sid, account.accountSid(), now, now, path.substring(0, path.length() - ".json".length()), sid)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, json.length);
            exchange.getResponseBody().write(json);
        }
    }
}
