package io.redial.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.calls.MissedCallDetected;
import io.redial.jobs.DurableJobs;
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
import java.util.Optional;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The text-back task decides, writes the ledger row and makes the first send attempt itself. A run that
 * dies anywhere in between is run again by the scheduler; these stage each death exactly as it leaves the
 * database and check the caller still gets exactly one text (DESIGN decision 2). And the decision's cost
 * must not grow with the ledger.
 */
// The lease of a dead run's attempt long enough to look inside it (a live one is renewed, see SendLeases).
@SpringBootTest(classes = CoreTestApplication.class, properties = {"redial.sandbox.demo-tenant=false",
        "redial.texts.send-lease=PT45S"})
class TextBackTaskRecoveryIntegrationTests {

    static final String ACCOUNT = "AC44444444444444444444444444444444";
    static final String TOKEN = "task-recovery-test-token";
    static final FakeTwilio twilio = new FakeTwilio(ACCOUNT, TOKEN);
    static final TenantId TENANT = new TenantId("revived-plumbing");
    static final PhoneNumber LINE = new PhoneNumber("+15125550600");

    @Autowired Provisioner provisioner;
    @Autowired JdbcClient jdbc;
    @Autowired Callers callers;
    @Autowired TextBackDecision decision;
    @Autowired DurableJobs jobs;
    @Autowired DataSource dataSource;
    @Autowired PlatformTransactionManager transactions;
    @Autowired ApplicationEventPublisher events;

    @BeforeEach
    void provision() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: revived-plumbing
                    name: Revived Plumbing
                    timezone: America/Chicago
                    lines: [{number: "+15125550600", pattern: forwarded}]
                """));
        // Each test's text is due at once, whatever an earlier test left of the line's pace.
        jdbc.sql("DELETE FROM sender_pacing WHERE sender = ?").param(LINE.e164()).update();
    }

    /**
     * A text due now is written with its first attempt claimed (no statement of its own before the carrier is
     * asked): a run that died after deciding leaves it claimed, and nobody sends it until that lease is over.
     */
    @Test
    void aRunThatDiedAfterDecidingButBeforeSendingTextsOnceWhenRevived() {
        PhoneNumber caller = new PhoneNumber("+15125550661");
        long callId = missedCall("CA00000000000000000000000000000661", caller);
        // The first run decided and committed the ledger row, then died before its send attempt.
        long before = System.currentTimeMillis();
        decision.decideAndQueue(callId, decision.load(callId), Optional.empty()).orElseThrow();
        assertThat(stateOfTextTo(caller)).isEqualTo("SENDING");
        assertThat(jdbc.sql("SELECT attempts FROM messages WHERE call_id = ?").param(callId).query(Integer.class).single())
                .isOne();
        assertThat(leaseOfTextTo(caller)).as("leased for one attempt").isBetween(before + 40_000, before + 50_000);

        jobs.runOnce(TextBack.instance(callId)); // the scheduler revives the task while the lease still runs
        // The revived run hands the text to the send task, which finds it leased and looks again at the lease's end.
        String textTask = String.valueOf(jdbc.sql("SELECT id FROM messages WHERE call_id = ?").param(callId)
                .query(Long.class).single());
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                SELECT COUNT(*) FROM scheduled_tasks
                WHERE task_name = 'send-text' AND task_instance = ? AND picked = FALSE AND execution_time > ?""")
                .params(textTask, now().plusSeconds(30)).query(Long.class).single() == 1);
        assertThat(twilio.attemptsTo(caller.e164())).as("nothing sent inside the dead run's lease").isZero();

        // The lease runs out: the send task asks the carrier's log, finds nothing, and sends.
        jdbc.sql("UPDATE messages SET sending_until_ms = ? WHERE call_id = ?").params(System.currentTimeMillis() - 1, callId)
                .update();
        jdbc.sql("UPDATE scheduled_tasks SET execution_time = ? WHERE task_name = 'send-text' AND task_instance = ?")
                .params(now(), textTask).update();

        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(stateOfTextTo(caller)));
        sleepALittle(); // a second text would show up now, not never
        assertThat(twilio.attemptsTo(caller.e164())).isOne();
        assertThat(rowsOfCall("messages", callId)).isOne();
    }

    @Test
    void aRunThatDiedAfterTwilioTookTheTextDoesNotTextAgainWhenRevived() {
        PhoneNumber caller = new PhoneNumber("+15125550662");
        long callId = missedCall("CA00000000000000000000000000000662", caller);
        jobs.runOnce(TextBack.instance(callId));
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(stateOfTextTo(caller)));
        // Staged: Twilio took the text, then the run died before it could write SENT (and before it completed);
        // by the time the task is revived, that run's lease on the attempt has run out.
        jdbc.sql("UPDATE messages SET send_state = 'SENDING', carrier_sid = NULL, sending_until_ms = ? WHERE call_id = ?")
                .params(System.currentTimeMillis() - 1, callId).update();

        jobs.runOnce(TextBack.instance(callId));

        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(stateOfTextTo(caller)));
        sleepALittle();
        assertThat(twilio.attemptsTo(caller.e164())).isOne();
        assertThat(jdbc.sql("SELECT carrier_sid FROM messages WHERE call_id = ?").param(callId).query(String.class).single())
                .isEqualTo(twilio.sent().stream().filter(s -> s.to().equals(caller.e164())).findFirst().orElseThrow().sid());
    }

    /** A second run holding the same (now stale) view of the call finds it decided: one text, one lead. */
    @Test
    void aSecondRunWithAStaleViewOfTheCallDecidesNothing() {
        PhoneNumber caller = new PhoneNumber("+15125550668");
        long callId = missedCall("CA00000000000000000000000000000668", caller);
        var loaded = decision.load(callId);

        assertThat(decision.decideAndQueue(callId, loaded, Optional.empty())).isPresent();
        assertThat(decision.decideAndQueue(callId, loaded, Optional.empty())).isEmpty();

        assertThat(rowsOfCall("messages", callId)).isOne();
        assertThat(rowsOfCall("leads", callId)).isOne();
    }

    /**
     * The decision reserves the text's pace slot in its own transaction and keeps it on the ledger row, so the
     * send needs no statement (and no commit) of its own for it; rolled back, the slot goes back too.
     */
    @Test
    void theDecisionReservesThePaceSlotWithTheText() {
        PhoneNumber caller = new PhoneNumber("+15125550667");
        long callId = missedCall("CA00000000000000000000000000000667", caller);
        Long paceBefore = nextSlotOf(LINE);

        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            decision.decideAndQueue(callId, decision.load(callId), Optional.empty()).orElseThrow();
            tx.setRollbackOnly();
        });
        assertThat(nextSlotOf(LINE)).isEqualTo(paceBefore);

        decision.decideAndQueue(callId, decision.load(callId), Optional.empty()).orElseThrow();
        Long slot = jdbc.sql("SELECT send_after_ms FROM messages WHERE call_id = ?").param(callId)
                .query(Long.class).optional().orElse(null);
        assertThat(slot).as("the slot kept on the ledger row").isNotNull();
        assertThat(nextSlotOf(LINE)).as("the sender's pace moved on").isNotEqualTo(paceBefore).isGreaterThan(slot);
    }

    /** A text whose pace slot is later is written unclaimed: its attempt is claimed when the slot comes. */
    @Test
    void aTextPacedForLaterIsNotClaimedByTheDecision() {
        PhoneNumber caller = new PhoneNumber("+15125550669");
        long callId = missedCall("CA00000000000000000000000000000669", caller);
        long later = System.currentTimeMillis() + 20_000;
        jdbc.sql("""
                INSERT INTO sender_pacing (sender, next_slot_ms) VALUES (?, ?)
                ON DUPLICATE KEY UPDATE next_slot_ms = VALUES(next_slot_ms)""").params(LINE.e164(), later).update();

        decision.decideAndQueue(callId, decision.load(callId), Optional.empty()).orElseThrow();

        assertThat(stateOfTextTo(caller)).isEqualTo("PENDING");
        assertThat(leaseOfTextTo(caller)).isNull();
        assertThat(jdbc.sql("SELECT send_after_ms FROM messages WHERE call_id = ?").param(callId).query(Long.class)
                .single()).isGreaterThanOrEqualTo(later);
    }

    /**
     * The call's own transaction only schedules the text-back (DESIGN decision 1): nothing is decided or put in the
     * ledger before it commits, and a transaction that rolls back leaves nothing to text.
     */
    @Test
    void theCallsTransactionOnlySchedulesTheTextBackAndARollbackLeavesNothing() {
        PhoneNumber caller = new PhoneNumber("+15125550664");
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            long callId = missedCall("CA00000000000000000000000000000664", caller);
            announce(callId, "CA00000000000000000000000000000664", caller, lineOf(callId));

            assertThat(jdbc.sql("SELECT text_decision IS NULL FROM calls WHERE id = ?").param(callId).query(Boolean.class)
                    .single()).as("undecided until the call commits").isTrue();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'text-back' AND task_instance = ?")
                    .param(String.valueOf(callId)).query(Long.class).single()).isOne();
            assertThat(stateOfTextTo(caller)).isNull();
            tx.setRollbackOnly(); // the webhook's transaction fails after all
        });
        sleepALittle();
        assertThat(stateOfTextTo(caller)).isNull();
        assertThat(twilio.attemptsTo(caller.e164())).isZero();
    }

    /** Once the call commits, the fast lane decides and texts it, once. */
    @Test
    void onceTheCallCommitsItIsDecidedAndTextedOnce() {
        PhoneNumber caller = new PhoneNumber("+15125550666");
        String callSid = "CA00000000000000000000000000000666";
        long callId = new TransactionTemplate(transactions).execute(tx -> {
            long id = missedCall(callSid, caller);
            announce(id, callSid, caller, lineOf(id));
            return id;
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(stateOfTextTo(caller)));
        assertThat(jdbc.sql("SELECT text_decision FROM calls WHERE id = ?").param(callId).query(String.class).single())
                .isEqualTo("texted: first contact");
        sleepALittle();
        assertThat(twilio.attemptsTo(caller.e164())).isOne();
    }

    /** A fast-lane run that fails is left to the scheduler, which decides again from what is stored and texts once. */
    @Test
    void aFastLaneDecisionThatFailsIsRetriedFromTheStoredCallAndTextsOnce() {
        PhoneNumber caller = new PhoneNumber("+15125550665");
        String callSid = "CA00000000000000000000000000000665";
        long callId = new TransactionTemplate(transactions).execute(tx -> {
            long id = missedCall(callSid, caller);
            // A line the decision cannot find: the fast lane's run fails after locking the caller. The stored call
            // has the real one.
            announce(id, callSid, caller, -1);
            return id;
        });

        assertThat(jdbc.sql("SELECT COUNT(*) FROM calls WHERE id = ?").param(callId).query(Long.class).single()).isOne();
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(stateOfTextTo(caller)));
        sleepALittle();
        assertThat(twilio.attemptsTo(caller.e164())).isOne();
    }

    /**
     * "Did we text this caller inside the dedupe window?" is asked for every missed call; it once walked the
     * whole messages table. With thousands of texts to other callers on file, one decision still reads only a
     * handful of index rows (InnoDB's row-read counters, before and after).
     */
    @Test
    void aDecisionReadsTheCallersOwnTextsNotTheWholeLedger() {
        jdbc.sql("DELETE FROM messages WHERE tenant_id = ? AND purpose = 'seeded'").param(TENANT.value()).update();
        LocalDateTime now = now();
        new JdbcTemplate(dataSource).batchUpdate("""
                INSERT INTO messages (tenant_id, direction, purpose, dedupe_key, from_number, to_number, body, send_state,
                                      created_at, updated_at)
                VALUES (?, 'out', 'seeded', ?, ?, ?, 'earlier text', 'SENT', ?, ?)""",
                IntStream.range(0, 3000).mapToObj(i -> new Object[] {TENANT.value(), "seeded:" + i, LINE.e164(),
                        "+1512556%04d".formatted(i), now, now}).toList());
        PhoneNumber caller = new PhoneNumber("+15125550663");
        long callId = missedCall("CA00000000000000000000000000000663", caller);
        var loaded = decision.load(callId);

        long before = rowsRead();
        decision.decideAndQueue(callId, loaded, Optional.empty()).orElseThrow();
        long read = rowsRead() - before;

        assertThat(read).as("index rows read by one text-back decision").isLessThan(500);
    }

    /** Rows stepped through in index order (either way) or scanned, server-wide (MySQL and MariaDB alike). */
    private long rowsRead() {
        return jdbc.sql("SHOW GLOBAL STATUS LIKE 'Handler_read_%'")
                .query((rs, n) -> switch (rs.getString(1).toLowerCase(java.util.Locale.ROOT)) {
                    case "handler_read_next", "handler_read_prev", "handler_read_rnd_next" -> rs.getLong(2);
                    default -> 0L;
                })
                .list().stream().mapToLong(Long::longValue).sum();
    }

    /** A call the engine decided as missed; its own text-back task is what each test runs (or revives). */
    private long missedCall(String callSid, PhoneNumber caller) {
        long lineId = jdbc.sql("SELECT id FROM phone_lines WHERE number = ?").param(LINE.e164()).query(Long.class).single();
        long callerId = callers.idOf(TENANT, caller);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO calls (tenant_id, line_id, caller_id, call_sid, from_number, to_number, pattern, received_at,
                                   outcome, outcome_reason, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, 'forwarded', ?, 'MISSED', 'forwarded: missed by definition', ?)""")
                .params(TENANT.value(), lineId, callerId, callSid, caller.e164(), LINE.e164(), now(), now()).update(keys);
        return keys.getKey().longValue();
    }

    private void announce(long callId, String callSid, PhoneNumber caller, long lineId) {
        events.publishEvent(new MissedCallDetected(TENANT, callId, callSid, null, lineId, callers.idOf(TENANT, caller),
                caller, LINE));
    }

    private long rowsOfCall(String table, long callId) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE call_id = ?").param(callId).query(Long.class).single();
    }

    private Long nextSlotOf(PhoneNumber sender) {
        return jdbc.sql("SELECT next_slot_ms FROM sender_pacing WHERE sender = ?").param(sender.e164())
                .query(Long.class).optional().orElse(null);
    }

    private long lineOf(long callId) {
        return jdbc.sql("SELECT line_id FROM calls WHERE id = ?").param(callId).query(Long.class).single();
    }

    private @Nullable Long leaseOfTextTo(PhoneNumber caller) {
        return jdbc.sql("SELECT sending_until_ms FROM messages WHERE to_number = ? AND purpose = 'textback'")
                .param(caller.e164()).query(Long.class).optional().orElse(null);
    }

    private String stateOfTextTo(PhoneNumber caller) {
        return jdbc.sql("SELECT send_state FROM messages WHERE to_number = ? AND purpose = 'textback'").param(caller.e164())
                .query(String.class).optional().orElse(null);
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }

    private static void sleepALittle() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
