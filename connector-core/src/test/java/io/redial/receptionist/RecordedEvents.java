package io.redial.receptionist;

import io.redial.conversations.ConversationClosed;
import io.redial.leads.EmergencyEscalated;
import io.redial.leads.JobBooked;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Collects the receptionist's events from any thread (scheduler threads included), for assertions. */
@Component
public class RecordedEvents {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @EventListener
    void booked(JobBooked e) {
        events.add(e);
    }

    @EventListener
    void escalated(EmergencyEscalated e) {
        events.add(e);
    }

    @EventListener
    void closed(ConversationClosed e) {
        events.add(e);
    }

    public <T> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
