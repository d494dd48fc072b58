package io.redial.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import io.redial.testing.FakeTwilio;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * DESIGN decision 2: a send that died after Twilio took the text must not text the caller again. The
 * "crash" is staged exactly as it happens: the text reached Twilio, the ledger row still says SENDING; and an
 * ambiguous answer (a 500 after Twilio queued the text) is settled by Twilio's message log, not by a blind resend.
 */
@SpringBootTest(classes = CoreTestApplication.class, properties = "redial.sandbox.demo-tenant=false")
class SendLedgerRecoveryIntegrationTests {

    static final String ACCOUNT = "AC33333333333333333333333333333333";
    static final String TOKEN = "recovery-test-token";
    static final FakeTwilio twilio = new FakeTwilio(ACCOUNT, TOKEN);
    static final TenantId TENANT = new TenantId("recovery-plumbing");
    static final PhoneNumber LINE = new PhoneNumber("+15125550500");

    @Autowired Provisioner provisioner;
    @Autowired SendLedger ledger;
    @Autowired TextSender sender;
    @Autowired TextMessaging carrier;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void provision() {
        twilio.registrations.service("MG00000000000000000000000000000500", FakeTwilio.POOL_NUMBER); // Twilio refuses a service it does not know
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: recovery-plumbing
                    name: Recovery Plumbing
                    timezone: America/Chicago
                    lines:
                      - {number: "+15125550500", pattern: forwarded}
                      - {number: "+15125550502", pattern: forwarded}
                      - {number: "+15125550503", pattern: forwarded}
                  - id: recovery-pooled
                    name: Pooled Plumbing
                    timezone: America/Chicago
                    messaging_service_sid: MG00000000000000000000000000000500
                    lines: [{number: "+15125550501", pattern: forwarded}]
                """));
    }

    @Test
    void aSendAnswered500AfterTwilioTookTheTextIsNotSentAgain() {
        PhoneNumber caller = new PhoneNumber("+15125550564");
        twilio.acceptThenFail(caller.e164(), 1);
        // Its own line: each sender is paced (one text a second here), and the other tests send from LINE.
        long id = ledger.add(TENANT, null, null, "textback", "recovery:4", new PhoneNumber("+15125550502"), caller,
                "We missed your call!").orElseThrow();

        assertThatThrownBy(() -> sender.send(id)).isInstanceOf(TextSendFailed.class); // queued at Twilio, yet a 500
        assertThat(sender.send(id)).isNull(); // the retry

        assertThat(twilio.attemptsTo(caller.e164())).isOne();
        var entry = ledger.find(id).orElseThrow();
        assertThat(entry.state()).isEqualTo(SendState.SENT);
        assertThat(entry.carrierSid()).isEqualTo(twilio.sent().stream().filter(m -> m.to().equals(caller.e164()))
                .findFirst().orElseThrow().sid());
    }

    @Test
    void anAmbiguousSendThroughAMessagingServiceIsFoundUnderThePoolsNumber() {
        PhoneNumber caller = new PhoneNumber("+15125550565");
        PhoneNumber line = new PhoneNumber("+15125550501");
        twilio.acceptThenFail(caller.e164(), 1);
        long id = ledger.add(new TenantId("recovery-pooled"), null, null, "textback", "recovery:5", line, caller,
                "We missed your call!").orElseThrow();

        assertThatThrownBy(() -> sender.send(id)).isInstanceOf(TextSendFailed.class);
        assertThat(sender.send(id)).isNull();

        assertThat(twilio.attemptsTo(caller.e164())).isOne();
        assertThat(twilio.sent()).filteredOn(m -> m.to().equals(caller.e164())).singleElement()
                .satisfies(m -> assertThat(m.from()).isEqualTo(FakeTwilio.POOL_NUMBER));
        assertThat(ledger.find(id).orElseThrow().state()).isEqualTo(SendState.SENT);
    }

    @Test
    void aSend500BeforeTwilioTookTheTextIsSentOnTheRetry() {
        PhoneNumber caller = new PhoneNumber("+15125550566");
        twilio.refuse(caller.e164(), 20500, 1);
        long id = ledger.add(TENANT, null, null, "textback", "recovery:6", new PhoneNumber("+15125550503"), caller,
                "We missed your call!").orElseThrow();

        assertThatThrownBy(() -> sender.send(id)).isInstanceOf(TextSendFailed.class);
        assertThat(sender.send(id)).isNull();

        assertThat(twilio.attemptsTo(caller.e164())).isEqualTo(2);
        assertThat(twilio.sent()).filteredOn(m -> m.to().equals(caller.e164())).hasSize(1);
        assertThat(ledger.find(id).orElseThrow().state()).isEqualTo(SendState.SENT);
    }

    @Test
    void aSendThatDiedAfterTwilioTookTheTextIsNotSentAgain() {
        PhoneNumber caller = new PhoneNumber("+15125550561");
        long id = ledger.add(TENANT, null, null, "textback", "recovery:1", LINE, caller, "We missed your call!").orElseThrow();
        ledger.markSending(id);
        var delivered = carrier.send(new TextMessaging.OutboundText(LINE, caller, "We missed your call!", null)); // then: crash

        sender.send(id); // the task revived on another node

        assertThat(twilio.attemptsTo(caller.e164())).isOne();
        var entry = ledger.find(id).orElseThrow();
        assertThat(entry.state()).isEqualTo(SendState.SENT);
        assertThat(entry.carrierSid()).isEqualTo(delivered.carrierSid());
    }

    @Test
    void aSendThatDiedBeforeTwilioTookTheTextIsSentOnce() {
        PhoneNumber caller = new PhoneNumber("+15125550562");
        long id = ledger.add(TENANT, null, null, "textback", "recovery:2", LINE, caller, "We missed your call!").orElseThrow();
        ledger.markSending(id); // then: crash before the request left

        sender.send(id);
        sender.send(id); // and a duplicate run changes nothing

        assertThat(twilio.attemptsTo(caller.e164())).isOne();
        assertThat(ledger.find(id).orElseThrow().state()).isEqualTo(SendState.SENT);
    }

    @Test
    void aSecondRunNeverSendsATextAnotherRunIsSendingRightNow() {
        PhoneNumber caller = new PhoneNumber("+15125550563");
        long id = ledger.add(TENANT, null, null, "textback", "recovery:3", LINE, caller, "We missed your call!").orElseThrow();
        long leaseEnd = Instant.now().plusSeconds(40).toEpochMilli();
        // A live run claimed the attempt and is waiting on the carrier (a task revived while it still runs).
        assertThat(ledger.claim(id, 0, Instant.now().toEpochMilli(), leaseEnd)).isTrue();
        assertThat(ledger.claim(id, 0, Instant.now().toEpochMilli(), leaseEnd)).as("the same attempt claimed twice").isFalse();

        Instant later = sender.send(id); // the revived run

        assertThat(later).isEqualTo(Instant.ofEpochMilli(leaseEnd));
        assertThat(twilio.attemptsTo(caller.e164())).isZero();
        // The live run died before the carrier got the text; once its lease is over the text goes, once.
        jdbc.sql("UPDATE messages SET sending_until_ms = ? WHERE id = ?").params(Instant.now().toEpochMilli() - 1, id).update();
        assertThat(sender.send(id)).isNull();
        assertThat(sender.send(id)).isNull();
        assertThat(twilio.attemptsTo(caller.e164())).isOne();
        assertThat(ledger.find(id).orElseThrow().state()).isEqualTo(SendState.SENT);
    }
}
