package io.redial.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.calls.MissedCallDetected;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.tenants.Callers;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import io.redial.testing.FakeTwilio;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Issue 27.5: in a line's pace, a missed call's text-back goes ahead of follow-ups and conversation replies.
 * A line paced at two texts a second is saturated by replies (eight seconds' worth); a call missed meanwhile is
 * texted in the next slot, not behind them, and the pace still holds for all.
 */
@SpringBootTest(classes = CoreTestApplication.class, properties = "redial.sandbox.demo-tenant=false")
class FirstTextsFirstIntegrationTests {

    static final String ACCOUNT = "AC27272727272727272727272727272727";
    static final String TOKEN = "first-texts-first-token";
    static final FakeTwilio twilio = new FakeTwilio(ACCOUNT, TOKEN);
    static final TenantId TENANT = new TenantId("storm-roofing");
    static final PhoneNumber LINE = new PhoneNumber("+15125552700");
    static final int REPLIES = 16;
    static final long GAP_MS = 500; // sends_per_minute: 120



    @Autowired Provisioner provisioner;
    @Autowired OutboundTexts texts;
    @Autowired JdbcClient jdbc;
    @Autowired Callers callers;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void aMissedCallsTextBackGoesInTheNextSlotAheadOfWaitingReplies() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: storm-roofing
                    name: Storm Roofing
                    timezone: America/Chicago
                    lines: [{number: "+15125552700", pattern: forwarded, sends_per_minute: 120}]
                """));
        jdbc.sql("DELETE FROM sender_pacing WHERE sender = ?").param(LINE.e164()).update();
        for (int i = 0; i < REPLIES; i++) {
            PhoneNumber to = new PhoneNumber("+151255527%02d".formatted(10 + i));
            texts.queue(new OutboundTexts.Request(TENANT, null, null, i % 2 == 0 ? "turn" : "follow-up",
                    "storm-reply:" + i, LINE, to, "Thanks, we'll be there", OutboundTexts.CONVERSATION));
        }
        // The pace is saturated: one reply went, the others wait their turns, seconds ahead.
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                SELECT COUNT(*) FROM messages WHERE from_number = ? AND purpose IN ('turn', 'follow-up')
                AND send_state = 'PENDING' AND send_after_ms IS NOT NULL""").param(LINE.e164()).query(Long.class)
                .single() >= REPLIES - 3);
        int sentBefore = twilio.sent().size();
        long lastReplysTurn = jdbc.sql("SELECT MAX(send_after_ms) FROM messages WHERE from_number = ?")
                .param(LINE.e164()).query(Long.class).single();

        PhoneNumber caller = new PhoneNumber("+15125552799");
        String callSid = "CA27272727272727272727272727272799";
        new TransactionTemplate(transactions).executeWithoutResult(tx -> missedCall(callSid, caller));

        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(stateOfTextBackTo(caller)));
        long slot = jdbc.sql("SELECT send_after_ms FROM messages WHERE to_number = ? AND purpose = 'textback'")
                .param(caller.e164()).query(Long.class).single();
        assertThat(slot).as("the text-back's slot, seconds before the last waiting reply's turn")
                .isLessThan(lastReplysTurn - 6 * GAP_MS);
        List<String> order = twilio.sent().stream().filter(m -> m.from().equals(LINE.e164())).map(FakeTwilio.Sent::to)
                .toList();
        assertThat(order.indexOf(caller.e164()) - sentBefore).as("replies that went between the call and its text")
                .isLessThanOrEqualTo(2);

        // Every reply still goes, once, and the line's pace held for all of them.
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                SELECT COUNT(*) FROM messages WHERE from_number = ? AND send_state = 'SENT'""").param(LINE.e164())
                .query(Long.class).single() == REPLIES + 1);
        var fromLine = twilio.sent().stream().filter(m -> m.from().equals(LINE.e164())).toList();
        assertThat(fromLine).hasSize(REPLIES + 1);
        assertThat(fromLine.stream().map(FakeTwilio.Sent::to).distinct()).hasSize(REPLIES + 1);
        long spanMs = (fromLine.getLast().receivedNanos() - fromLine.getFirst().receivedNanos()) / 1_000_000;
        assertThat(spanMs).as("17 texts at two a second").isGreaterThanOrEqualTo(REPLIES * GAP_MS - 100);
    }

    private void missedCall(String callSid, PhoneNumber caller) {
        long lineId = jdbc.sql("SELECT id FROM phone_lines WHERE number = ?").param(LINE.e164()).query(Long.class).single();
        long callerId = callers.idOf(TENANT, caller);
        var keys = new GeneratedKeyHolder();
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO calls (tenant_id, line_id, caller_id, call_sid, from_number, to_number, pattern, received_at,
                                   outcome, outcome_reason, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, 'forwarded', ?, 'MISSED', 'forwarded: missed by definition', ?)""")
                .params(TENANT.value(), lineId, callerId, callSid, caller.e164(), LINE.e164(), now, now).update(keys);
        events.publishEvent(new MissedCallDetected(TENANT, keys.getKey().longValue(), callSid, null, lineId, callerId,
                caller, LINE));
    }

    private String stateOfTextBackTo(PhoneNumber caller) {
        return jdbc.sql("SELECT send_state FROM messages WHERE to_number = ? AND purpose = 'textback'")
                .param(caller.e164()).query(String.class).optional().orElse(null);
    }
}
