package io.redial.app.bench;

import io.redial.testing.TwilioWebhooks;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Posts Twilio-signed webhooks over plain HTTP/1.1 with kept-alive sockets, one request per socket at a time.
 * The JDK's HttpClient spent a good share of a core at 200 requests a second, taken from the app on this
 * two-core machine; this does the same requests for a fraction of that. The signature is the tests' own
 * ({@link TwilioWebhooks#sign}), so what the app checks is unchanged.
 */
public final class LeanWebhookPoster {

    private final String host;
    private final int port;
    private final String publicBaseUrl;
    private final String authToken;
    /**
     * Most recently used first, as connection pools do: a burst opens many sockets, and taking them in turn
     * afterwards would keep every one of them busy (each with its buffers on both sides) instead of a few.
     */
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();

    /** Longer idle than this, a kept-alive socket may be closed by the app any moment: it is not reused. */
    private static final long MAX_IDLE_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int READ_TIMEOUT_MILLIS = 60_000;

    private record Connection(Socket socket, InputStream in, OutputStream out, long idleSince) {

        Connection idleFromNow() {
            return new Connection(socket, in, out, System.nanoTime());
        }

        boolean stale() {
            return System.nanoTime() - idleSince > MAX_IDLE_NANOS;
        }
    }

    public LeanWebhookPoster(String host, int port, String publicBaseUrl, String authToken) {
        this.host = host;
        this.port = port;
        this.publicBaseUrl = publicBaseUrl;
        this.authToken = authToken;
    }

    /** @return the HTTP status; throws when the app could not be reached or closed the connection mid-answer */
    public int postSigned(String path, Map<String, String> form) {
        String signature = TwilioWebhooks.sign(authToken, publicBaseUrl + path, form);
        byte[] body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&")).getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nContent-Type: application/x-www-form-urlencoded; charset=UTF-8\r\nX-Twilio-Signature: " + signature
                + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        Connection connection = takeIdle();
        try {
            if (connection == null) {
                Socket socket = new Socket();
                socket.connect(new java.net.InetSocketAddress(host, port), 5_000);
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(READ_TIMEOUT_MILLIS); // an answer that never comes fails the request, not the run
                connection = new Connection(socket, new BufferedInputStream(socket.getInputStream()), socket.getOutputStream(), 0);
            }
            connection.out().write(head);
            connection.out().write(body);
            connection.out().flush();
            Response response = readResponse(connection.in());
            if (response.keepAlive()) {
                idle.addFirst(connection.idleFromNow());
            } else {
                close(connection); // Tomcat ends a connection after so many requests, and says so
            }
            return response.status();
        } catch (IOException e) {
            if (connection != null) {
                close(connection);
            }
            throw new UncheckedIOException(e);
        }
    }

    /** The most recently used idle socket, after closing those idle too long (they gather at the far end). */
    private Connection takeIdle() {
        for (Connection oldest = idle.peekLast(); oldest != null && oldest.stale(); oldest = idle.peekLast()) {
            if (idle.removeLastOccurrence(oldest)) {
                close(oldest);
            }
        }
        Connection connection = idle.pollFirst();
        if (connection != null && connection.stale()) {
            close(connection);
            return null;
        }
        return connection;
    }

    private record Response(int status, boolean keepAlive) {
    }

    /** Reads one response: status line, headers, and a Content-Length or chunked body. */
    private static Response readResponse(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        long length = 0;
        boolean chunked = false;
        boolean keepAlive = true;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                keepAlive = false;
            }
        }
        if (!chunked) {
            in.skipNBytes(length);
            return new Response(status, keepAlive);
        }
        for (long chunk = Long.parseLong(line(in).trim(), 16); chunk > 0; chunk = Long.parseLong(line(in).trim(), 16)) {
            in.skipNBytes(chunk);
            line(in); // the CRLF after each chunk
        }
        line(in); // the empty line after the last chunk
        return new Response(status, keepAlive);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the app closed the connection");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static void close(Connection connection) {
        try {
            connection.socket().close();
        } catch (IOException ignored) {
            // already broken
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
