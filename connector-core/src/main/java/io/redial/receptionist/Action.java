package io.redial.receptionist;

/** What a receptionist proposes for a turn. */
public enum Action {
    /** Ask the next question (or answer one) and wait. */
    ASK,
    OFFER_SLOTS,
    /** Book the offered slot the caller chose. */
    BOOK,
    ESCALATE,
    HAND_OFF,
    /** End politely: wrong number, spam, out of area, no thanks. */
    CLOSE
}
