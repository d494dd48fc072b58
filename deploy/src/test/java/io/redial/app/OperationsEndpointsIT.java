package io.redial.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.app.bench.LeanWebhookPoster;
import io.redial.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged app as a cluster runs it: liveness and readiness groups (readiness with the database and the
 * scheduler) and Prometheus metrics on the management port only; the public port serves none of them. After a
 * missed call (texted by the sandbox carrier), a hidden caller's missed call (not texted) and the caller's reply
 * (one of Anna's turns), the scrape carries Redial's own series for each, and the JSON log lines carry the ids
 * they are about with no phone number or message words in them.
 */
class OperationsEndpointsIT {

    private static final String ACCOUNT = "AC0000000000000000000000000000ops";
    private static final String TOKEN = "ops-token";
    private static final String LINE = "+15125553101", CALLER = "+17375550142";
    private static final String WORDS = "water everywhere under the kitchen sink";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void probesMetricsAndLogFieldsForAnOperator() throws Exception {
        var db = TestDatabase.server();
        String schema = TestDatabase.createSchema();
        Path dataDir = Files.createTempDirectory(Path.of("target"), "redial-ops");
        int port = freePort();
        int management = freePort();
        Path jar = Path.of(System.getProperty("redial.jar", "target/redial.jar"));

        // The sandbox carrier: it takes every text and logs one line for each, so the lines of the text-back (on
        // the fast lane) and of Anna's answer (in her turn's task) show which ids they carry.
        try (RunningApp app = RunningApp.start(jar, dataDir, port, TOKEN, Map.of(
                        "MANAGEMENT_PORT", String.valueOf(management),
                        "SPRING_DATASOURCE_URL", db.urlFor(schema), "SPRING_DATASOURCE_USERNAME", db.user(),
                        "SPRING_DATASOURCE_PASSWORD", db.password(),
                        "REDIAL_PROVISIONING_FILE", provisioning(dataDir).toAbsolutePath().toString(),
                        "REDIAL_CRM_HUBSPOT_CLIENT_ID", "ops-client", "REDIAL_CRM_HUBSPOT_CLIENT_SECRET", "ops-secret",
                        "LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs",
                        // the sandbox carrier's short warm-up made as long as a real node's, to count its rounds
                        "REDIAL_WARM_UP_SANDBOX_MAX_TIME", "PT120S"))) {
            String base = "http://localhost:" + management + "/actuator";

            assertThat(get(base + "/health/liveness")).satisfies(r -> {
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).contains("\"status\":\"UP\"");
            });
            // Ready only after the node's start-up warm-up of the webhook path, which the log reports (a line exists).
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> get(base + "/health/readiness").statusCode() == 200);
            assertThat(app.log()).contains("warmed up the webhook path before taking traffic: 3000 rounds"
                    + " (HTTP, and the call recorded and rolled back)");
            assertThat(get(base + "/health/readiness")).satisfies(r -> {
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).contains("\"db\"", "\"scheduler\"", "\"due\"", "\"status\":\"UP\"");
            });

            var poster = new LeanWebhookPoster("localhost", port, app.url(), TOKEN);
            assertThat(missedCall(poster, "CA00000000000000000000000000000001", CALLER)).isEqualTo(200);
            assertThat(missedCall(poster, "CA00000000000000000000000000000002", "anonymous")).isEqualTo(200);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> get(base + "/prometheus")
                    .body().contains("redial_texts_sent_total{application=\"redial\",purpose=\"textback\"} 1"));
            assertThat(poster.postSigned("/twilio/sms/incoming", Map.of("MessageSid", "SMfeed0000000000000000000000000001",
                    "AccountSid", ACCOUNT, "From", CALLER, "To", LINE, "Body", WORDS, "NumMedia", "0"))).isEqualTo(200);

            // The text-back's time-to-text is read from the ledger a few seconds after it was sent.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(get(base + "/prometheus").body()).contains(
                            "redial_texts_time_to_text_seconds_count{application=\"redial\"} 1",
                            "redial_anna_turn_seconds_count{application=\"redial\"} 1"));
            String scrape = get(base + "/prometheus").body();
            assertThat(scrape).contains(
                    "redial_texts_time_to_text_seconds_bucket{application=\"redial\",le=\"10.0\"} 1",
                    "redial_textbacks_suppressed_total{application=\"redial\",reason=\"hidden\"} 1",
                    "redial_jobs_run_seconds_count{application=\"redial\",result=\"done\",task=\"receptionist-turn\"}",
                    "http_server_requests_seconds_bucket{application=\"redial\",error=\"none\",exception=\"none\",method=\"POST\",outcome=\"SUCCESS\",status=\"200\",uri=\"/twilio/voice/dial-status\"",
                    // per CRM installed (HubSpot here)
                    "redial_crm_sync_backlog{application=\"redial\",crm=\"hubspot\"} 0",
                    "redial_crm_sync_lag_seconds{application=\"redial\",crm=\"hubspot\"} 0",
                    "redial_jobs_due{", "redial_jobs_oldest_due_age_seconds{", "hikaricp_connections_pending{");

            // The public port has no such endpoints: whatever answers there (the console's not-found page), no metrics.
            assertThat(get(app.url() + "/actuator/prometheus").body()).doesNotContain("redial_jobs_due", "jvm_");
            assertThat(get(app.url() + "/actuator/health/readiness").body()).doesNotContain("\"scheduler\"");

            // One JSON object a line; the lines about the call carry its tenant and call ids, and no line the
            // caller's number in full or the words of the text.
            String log = app.log();
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            List<com.fasterxml.jackson.databind.JsonNode> lines = new ArrayList<>();
            for (String line : log.lines().filter(l -> l.startsWith("{")).toList()) {
                lines.add(json.readTree(line));
            }
            assertThat(lines).as("JSON log lines").hasSizeGreaterThan(20)
                    .anySatisfy(l -> {
                        assertThat(l.at("/tenant/id").asText()).isEqualTo("ops-plumbing");
                        assertThat(l.at("/call/id").asText()).isNotBlank();
                    })
                    .anySatisfy(l -> { // Anna's answer, sent by its own task
                        assertThat(l.at("/task/name").asText()).isEqualTo("send-text");
                        assertThat(l.at("/text/id").asText()).isNotBlank();
                    });
            assertThat(log).doesNotContain(CALLER, CALLER.substring(1), WORDS, "failed to append");
        } finally {
            TestDatabase.dropSchema(schema);
        }
    }

    private static int missedCall(LeanWebhookPoster poster, String callSid, String from) {
        return poster.postSigned("/twilio/voice/dial-status", Map.of("CallSid", callSid, "AccountSid", ACCOUNT,
                "From", from, "To", LINE, "CallStatus", "in-progress", "DialCallStatus", "no-answer",
                "DialCallDuration", "0", "Direction", "inbound", "ApiVersion", "2010-04-01"));
    }

    private static Path provisioning(Path dir) throws IOException {
        return Files.writeString(dir.resolve("tenants.yml"), """
                tenants:
                  - id: ops-plumbing
                    name: Ops Plumbing
                    timezone: America/Chicago
                    lines:
                      - number: "%s"
                        pattern: dial
                        ring: ["+15125554101"]
                """.formatted(LINE));
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
