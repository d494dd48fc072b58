package io.redial.receptionist;

/**
 * The port both receptionists implement: given the conversation so far and the caller's new text, propose
 * a reply, the details learned and an action. Our code checks and disposes of the proposal.
 */
public interface ReceptionistAgent {

    ReceptionistReply reply(TurnContext turn);

    /** A short name stored with each turn ("offline", "llm"). */
    String name();
}
