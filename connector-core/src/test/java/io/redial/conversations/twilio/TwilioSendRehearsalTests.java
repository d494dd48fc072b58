package io.redial.conversations.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redial.shared.PhoneNumber;
import io.redial.shared.twilio.TwilioAccount;
import java.io.IOException;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/**
 * The warm-up's send goes through twilio-java and our transport to a loopback sink that answers as Twilio does:
 * the SDK reads each answer into a message (a malformed answer would throw), and the sink is gone afterwards.
 */
class TwilioSendRehearsalTests {

    // api.twilio.com as the base: the rehearsal must reach its sink, never the configured API.
    final TwilioAccount account = new TwilioAccount("AC11111111111111111111111111111188", "rehearsal-token",
            "https://api.twilio.com", "https://hooks.redial.example");

    @Test
    void textsGoToTheLoopbackSinkAndAreReadBackAsTwilioMessages() throws Exception {
        var rehearsal = new TwilioSendRehearsal(account);
        for (int i = 0; i < 3; i++) {
            rehearsal.rehearseAfterRollback(new PhoneNumber("+15125550700"), new PhoneNumber("+15002000001"));
        }
        assertThat(rehearsal.rehearsed()).isEqualTo(3);
        int port = rehearsal.sinkPort();

        rehearsal.warmUpDone();

        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).as("the sink is closed")
                .isInstanceOf(IOException.class);
    }
}
