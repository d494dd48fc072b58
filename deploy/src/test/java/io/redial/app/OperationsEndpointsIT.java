package io.redial.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged app as a cluster runs it: liveness and readiness groups (readiness with the database and the
 * scheduler) and Prometheus metrics on the management port only; the public port serves none of them.
 */
class OperationsEndpointsIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void probesAndMetricsAnswerOnTheManagementPortOnly() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "redial-ops");
        int port = freePort();
        int management = freePort();
        Path jar = Path.of(System.getProperty("redial.jar", "target/redial.jar"));

        try (RunningApp app = RunningApp.start(jar, dataDir, port, "ops-token",
                Map.of("MANAGEMENT_PORT", String.valueOf(management)))) {
            String base = "http://localhost:" + management + "/actuator";

            assertThat(get(base + "/health/liveness")).satisfies(r -> {
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).contains("\"status\":\"UP\"");
            });
            assertThat(get(base + "/health/readiness")).satisfies(r -> {
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).contains("\"db\"", "\"scheduler\"", "\"due\"", "\"status\":\"UP\"");
            });
            assertThat(get(base + "/prometheus")).satisfies(r -> {
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).contains("redial_jobs_due", "redial_jobs_oldest_due_age_seconds", "hikaricp_connections");
            });
            // The public port has no such endpoints: whatever answers there (the console's not-found page), no metrics.
            assertThat(get(app.url() + "/actuator/prometheus").body()).doesNotContain("redial_jobs_due", "jvm_");
            assertThat(get(app.url() + "/actuator/health/readiness").body()).doesNotContain("\"scheduler\"");
        }
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
