package io.redial.conversations;

import java.time.Instant;

/** One text of a conversation, as a transcript shows it. {@code author}: caller, receptionist, staff or system. */
public record TranscriptLine(Instant at, String author, String body) {
}
