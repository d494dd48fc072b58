package io.redial.crm;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** A closed SMS conversation, line by line. {@code author} is caller, receptionist, staff or system. */
public record Transcript(long conversationId, List<Line> lines, URI link) {

    public record Line(Instant at, String author, String body) {
    }

    /** Plain text, one line per text, each with its time as the office reads it ("Tue Dec 8, 1:05 PM CST"). */
    public String asText(java.time.ZoneId zone) {
        StringBuilder out = new StringBuilder();
        for (Line line : lines) {
            out.append('[').append(RecordText.at(line.at(), zone)).append("] ").append(line.author()).append(": ")
                    .append(line.body()).append('\n');
        }
        return out.toString();
    }

    /** Plain text, one line per text, as most CRMs show notes. */
    public String asText() {
        StringBuilder out = new StringBuilder();
        for (Line line : lines) {
            out.append('[').append(line.at()).append("] ").append(line.author()).append(": ").append(line.body())
                    .append('\n');
        }
        return out.toString();
    }
}
