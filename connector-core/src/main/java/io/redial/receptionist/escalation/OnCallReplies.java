package io.redial.receptionist.escalation;

import io.redial.conversations.StaffTextReceived;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A text from a staff or on-call number may acknowledge a page ("1" or "YES"); it is not a caller's turn. */
@Component
public class OnCallReplies {

    private final OnCallPaging paging;

    OnCallReplies(OnCallPaging paging) {
        this.paging = paging;
    }

    @EventListener
    void on(StaffTextReceived text) {
        paging.acknowledge(text.tenant(), text.from(), text.body());
    }
}
