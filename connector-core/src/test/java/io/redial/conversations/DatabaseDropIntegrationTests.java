package io.redial.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import io.redial.testing.FakeTwilio;
import io.redial.testing.TwilioWebhooks;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The database drops every connection of the app in the middle of a burst of missed calls, as a restart of the
 * server does: the app reconnects, and every call is still texted back exactly once. Webhooks that failed
 * meanwhile are posted again, as Twilio retries them.
 */
@SpringBootTest(classes = CoreTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DatabaseDropIntegrationTests {

    static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    static final String TOKEN = "test-auth-token-0123456789abcdef";
    static final String LINE = "+15125550780";
    static final FakeTwilio twilio = new FakeTwilio(ACCOUNT, TOKEN);

    @LocalServerPort int port;
    @Autowired Provisioner provisioner;
    @Autowired JdbcClient jdbc;
    @Autowired Environment environment;

    @Test
    void everyCallOfABurstIsTextedOnceThoughTheDatabaseDroppedTheAppMidway() throws Exception {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: drop-plumbing
                    name: Drop Plumbing
                    timezone: America/Chicago
                    lines:
                      - number: "%s"
                        pattern: dial
                        ring: ["+15125550789"]
                """.formatted(LINE)));
        var webhooks = twilio.webhooks(port);
        int calls = 40;
        List<String> callers = new ArrayList<>();
        List<Future<?>> posted = new ArrayList<>();
        try (var twilioRetries = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < calls; i++) {
                String caller = "+1737555%04d".formatted(780 + i);
                String sid = "CA%032x".formatted(0x780 + i);
                callers.add(caller);
                if (i == calls / 2) {
                    dropEveryConnectionOfTheApp();
                }
                posted.add(twilioRetries.submit(() -> postUntilAnswered(webhooks, sid, caller)));
                Thread.sleep(50);
            }
            for (Future<?> post : posted) {
                post.get();
            }
        }

        // A send cut off between Twilio's answer and our commit is sorted out after its lease, from Twilio's log.
        await().atMost(Duration.ofSeconds(120)).until(() -> callers.stream().allMatch(c -> sentTo(c) >= 1));
        Thread.sleep(2_000); // a late duplicate shows up now, not never
        assertThat(callers).allMatch(c -> sentTo(c) == 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM calls WHERE tenant_id = 'drop-plumbing' AND outcome = 'MISSED'")
                .query(Long.class).single()).isEqualTo(calls);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM leads WHERE tenant_id = 'drop-plumbing'").query(Long.class).single())
                .isEqualTo(calls);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
                SELECT COUNT(*) FROM messages WHERE tenant_id = 'drop-plumbing' AND purpose = 'textback' AND send_state = 'SENT'""")
                .query(Long.class).single() == calls);
    }

    /** What a restart of the server does to the app: every one of its connections is gone at once. */
    private void dropEveryConnectionOfTheApp() throws Exception {
        String url = environment.getRequiredProperty("spring.datasource.url");
        try (var admin = DriverManager.getConnection(url, environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password", ""))) {
            List<Long> ids = new ArrayList<>();
            try (var rows = admin.createStatement().executeQuery(
                    "SELECT id FROM information_schema.processlist WHERE db = DATABASE() AND id <> CONNECTION_ID()")) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            assertThat(ids).isNotEmpty();
            for (long id : ids) {
                try {
                    admin.createStatement().execute("KILL " + id);
                } catch (java.sql.SQLException gone) {
                    // it closed on its own meanwhile
                }
            }
        }
    }

    private static void postUntilAnswered(TwilioWebhooks webhooks, String sid, String caller) {
        Map<String, String> form = Map.of("CallSid", sid, "AccountSid", ACCOUNT, "From", caller, "To", LINE,
                "CallStatus", "in-progress", "DialCallStatus", "no-answer", "DialCallDuration", "0");
        for (int attempt = 0; attempt < 10; attempt++) {
            if (webhooks.postSigned("/twilio/voice/dial-status", form).statusCode() == 200) {
                return;
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("the dial-status webhook of " + sid + " never got a 200");
    }

    private static long sentTo(String caller) {
        return twilio.sent().stream().filter(m -> m.to().equals(caller)).count();
    }
}
