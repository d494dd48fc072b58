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
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 19.1, Twilio's faults, each ending with a check of the database: every missed call texted exactly once,
 * nothing lost. Time runs 60 times faster: retries 1 s apart instead of a minute, the admin told after 2 s, given
 * up after 15 s, Twilio down for 5 s (whole seconds: the scheduler keeps execution times to the second);
 * {@code SendRetriesTests} walks the packaged plan through a real five-minute outage. A Twilio read times out
 * after 1 s instead of 30.5 s. The 500 and 429 cases are in
 * {@code SendLedgerRecoveryIntegrationTests} and {@code TextBackIntegrationTests}.
 */
@SpringBootTest(classes = CoreTestApplication.class, properties = {"redial.sandbox.demo-tenant=false",
        "redial.jobs.polling-interval=PT0.1S", "redial.texts.retry.first=PT1S", "redial.texts.retry.max-backoff=PT1S",
        "redial.texts.retry.give-up-after=PT15S", "redial.texts.retry.notice-after=PT2S",
        "redial.twilio.read-timeout=PT1S"})
class TwilioFaultsIntegrationTests {

    static final String ACCOUNT = "AC19191919191919191919191919191919";
    static final String TOKEN = "twilio-faults-token";
    static final FakeTwilio twilio = new FakeTwilio(ACCOUNT, TOKEN);
    static final TenantId TENANT = new TenantId("outage-hvac");
    static final PhoneNumber LINE = new PhoneNumber("+15125551900");



    @Autowired Provisioner provisioner;
    @Autowired JdbcClient jdbc;
    @Autowired Callers callers;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;
    @Autowired SendLedger ledger;
    @Autowired TextMessaging carrier;
    @Autowired DurableJobs jobs;

    @BeforeEach
    void provision() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: outage-hvac
                    name: Outage HVAC
                    timezone: America/Chicago
                    sends_per_minute: 600
                    lines: [{number: "+15125551900", pattern: forwarded}]
                """));
        jdbc.sql("DELETE FROM admin_notices WHERE tenant_id = ?").param(TENANT.value()).update();
    }

    @AfterEach
    void twilioBack() {
        twilio.unreachable(false);
    }

    @Test
    void callsMissedWhileTwilioIsUnreachableAreTextedOnceWhenItIsBackAndTheAdminIsTold() {
        twilio.unreachable(true);
        long downSince = System.nanoTime();
        List<PhoneNumber> callersInOutage = IntStream.range(0, 5)
                .mapToObj(i -> new PhoneNumber("+151255519%02d".formatted(10 + i))).toList();
        callersInOutage.forEach(c -> missedCall("CA191919191919191919191919191919" + c.e164().substring(10), c));

        // Down for the scaled five minutes, the admin told: nothing given up, nothing sent.
        await().atMost(Duration.ofSeconds(15)).until(() -> notices("twilio-unreachable") >= 1
                && System.nanoTime() - downSince >= Duration.ofSeconds(5).toNanos());
        assertThat(textBackStates(callersInOutage)).hasSize(5).allMatch(s -> s.equals("SENDING") || s.equals("PENDING"));
        assertThat(notices("twilio-unreachable")).as("told once, not once per text").isOne();
        assertThat(twilio.sent()).filteredOn(m -> callersInOutage.stream().anyMatch(c -> c.e164().equals(m.to())))
                .isEmpty();
        assertThat(jdbc.sql("SELECT message FROM admin_notices WHERE tenant_id = ? AND kind = 'twilio-unreachable'")
                .param(TENANT.value()).query(String.class).single()).contains("go as soon as Twilio answers");

        twilio.unreachable(false);
        await().atMost(Duration.ofSeconds(10)).until(() -> textBackStates(callersInOutage).stream().allMatch("SENT"::equals));
        sleep(Duration.ofSeconds(1)); // a late duplicate would show here

        for (PhoneNumber caller : callersInOutage) {
            assertThat(twilio.sent()).filteredOn(m -> m.to().equals(caller.e164())).as("texts to %s", caller).hasSize(1);
        }
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM calls WHERE tenant_id = ? AND text_decision = 'texted: first contact'""")
                .param(TENANT.value()).query(Long.class).single()).isEqualTo(5);
        assertThat(notices("twilio-unreachable")).as("told once, not once per text").isOne();
        assertThat(notices("not-reached") + notices("text-failed")).as("nobody told to call back").isZero();
    }

    @Test
    void anOutageLongerThanTheHorizonFailsTheTextAndAsksForACallBackNeverTextingLate() {
        twilio.unreachable(true);
        PhoneNumber caller = new PhoneNumber("+15125551930");
        missedCall("CA19191919191919191919191919191930", caller);

        await().atMost(Duration.ofSeconds(60)).until(() -> textBackStates(List.of(caller)).equals(List.of("FAILED")));
        assertThat(jdbc.sql("SELECT error_code FROM messages WHERE to_number = ?").param(caller.e164())
                .query(String.class).single()).isEqualTo(TextSender.RETRIES_EXHAUSTED);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(notices("not-reached") + notices("text-failed"))
                .as("staff told to call back").isPositive());

        twilio.unreachable(false);
        sleep(Duration.ofSeconds(1));
        assertThat(twilio.sent()).filteredOn(m -> m.to().equals(caller.e164())).isEmpty();
    }

    /** Twilio took the text and then went silent past the read timeout: its message log settles it, no resend. */
    @Test
    void aSendThatTimesOutAfterTwilioTookTheTextIsSettledByTheLogNotSentAgain() {
        PhoneNumber caller = new PhoneNumber("+15125551940");
        twilio.answerLate(caller.e164(), 1, Duration.ofSeconds(3));
        missedCall("CA19191919191919191919191919191940", caller);

        await().atMost(Duration.ofSeconds(15)).until(() -> textBackStates(List.of(caller)).equals(List.of("SENT")));
        sleep(Duration.ofSeconds(3));

        assertThat(twilio.attemptsTo(caller.e164())).as("create-message requests").isOne();
        var sent = twilio.sent().stream().filter(m -> m.to().equals(caller.e164())).toList();
        assertThat(sent).hasSize(1);
        assertThat(jdbc.sql("SELECT carrier_sid FROM messages WHERE to_number = ?").param(caller.e164())
                .query(String.class).single()).isEqualTo(sent.getFirst().sid());
    }

    /**
     * The app killed mid-send: a node claimed the text, handed it to Twilio and died before writing it down. Its
     * lease runs out, the send task (on this node) takes the text over, finds it in Twilio's log, and sends nothing.
     */
    @Test
    void aTextLeftMidSendByAKilledNodeIsTakenOverAndNotSentAgain() {
        PhoneNumber caller = new PhoneNumber("+15125551950");
        long id = ledger.add(TENANT, null, null, "textback", "killed:1950", LINE, caller, "We missed your call!")
                .orElseThrow();
        long now = System.currentTimeMillis();
        assertThat(ledger.claim(id, 0, now, now + 1500)).isTrue(); // the dead node's lease, never renewed again
        carrier.send(new TextMessaging.OutboundText(LINE, caller, "We missed your call!", null)); // then: kill -9

        jobs.runOnce(SendText.instance(id, OutboundTexts.FIRST_CONTACT));

        await().atMost(Duration.ofSeconds(15)).until(() -> ledger.find(id).orElseThrow().state() == SendState.SENT);
        assertThat(System.currentTimeMillis()).as("not before the lease ended").isGreaterThanOrEqualTo(now + 1500);
        assertThat(twilio.attemptsTo(caller.e164())).isOne();
        assertThat(ledger.find(id).orElseThrow().carrierSid()).isEqualTo(twilio.sent().stream()
                .filter(m -> m.to().equals(caller.e164())).findFirst().orElseThrow().sid());
    }

    private void missedCall(String callSid, PhoneNumber caller) {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            long lineId = jdbc.sql("SELECT id FROM phone_lines WHERE number = ?").param(LINE.e164()).query(Long.class)
                    .single();
            long callerId = callers.idOf(TENANT, caller);
            var keys = new GeneratedKeyHolder();
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            jdbc.sql("""
                    INSERT INTO calls (tenant_id, line_id, caller_id, call_sid, from_number, to_number, pattern,
                                       received_at, outcome, outcome_reason, decided_at)
                    VALUES (?, ?, ?, ?, ?, ?, 'forwarded', ?, 'MISSED', 'forwarded: missed by definition', ?)""")
                    .params(TENANT.value(), lineId, callerId, callSid, caller.e164(), LINE.e164(), now, now).update(keys);
            events.publishEvent(new MissedCallDetected(TENANT, keys.getKey().longValue(), callSid, null, lineId,
                    callerId, caller, LINE));
        });
    }

    private List<String> textBackStates(List<PhoneNumber> to) {
        return to.stream().flatMap(c -> jdbc.sql("SELECT send_state FROM messages WHERE to_number = ? AND purpose = 'textback'")
                .param(c.e164()).query(String.class).list().stream()).toList();
    }

    private long notices(String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM admin_notices WHERE tenant_id = ? AND kind = ?")
                .params(TENANT.value(), kind).query(Long.class).single();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
