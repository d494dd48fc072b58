package io.redial.crm;

import java.net.URI;
import java.time.Instant;

/** Something a person must do, by {@code due}. An emergency is a {@link Priority#HIGH} task. */
public record FollowUpTask(long leadId, String subject, String body, Priority priority, Instant due, URI link) {

    public enum Priority { LOW, NORMAL, HIGH }
}
