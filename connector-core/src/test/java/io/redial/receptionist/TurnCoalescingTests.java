package io.redial.receptionist;

import static org.assertj.core.api.Assertions.assertThat;

import io.redial.receptionist.ConversationStates.PendingTurn;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which of a conversation's waiting texts one turn reads. */
class TurnCoalescingTests {

    @Test
    void aDifferentTextInAFloodIsReadAmongTheRepeats() {
        List<PendingTurn> pending = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            pending.add(new PendingTurn(i, "where are you??"));
        }
        pending.add(new PendingTurn(30, "I smell gas in the basement"));
        for (int i = 31; i < 60; i++) {
            pending.add(new PendingTurn(i, i % 2 == 0 ? "where are you??" : "WHERE ARE YOU?? "));
        }

        List<PendingTurn> read = ReceptionistTurns.readTogether(pending);

        assertThat(read).extracting(PendingTurn::body).containsExactly("I smell gas in the basement", "WHERE ARE YOU?? ");
        assertThat(read.getLast().messageId()).isEqualTo(59); // the newest text is always read
    }

    @Test
    void atMostTheNewestTenDifferentTextsAreReadOldestFirst() {
        List<PendingTurn> pending = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            pending.add(new PendingTurn(i, "text " + i));
        }

        assertThat(ReceptionistTurns.readTogether(pending)).extracting(PendingTurn::messageId)
                .containsExactly(5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L);
    }
}
