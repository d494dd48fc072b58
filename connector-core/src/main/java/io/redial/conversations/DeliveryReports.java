package io.redial.conversations;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import io.redial.shared.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The carrier's delivery callbacks. They arrive late, twice, or out of order, so a message only ever moves
 * forward (queued → sent → delivered); a stale callback changes nothing. A text that ends undelivered or failed
 * is announced ({@link TextNotDelivered}), so its caller is called back instead.
 */
@Service
public class DeliveryReports {

    private static final Map<String, Integer> RANK = Map.ofEntries(
            Map.entry("accepted", 1), Map.entry("scheduled", 1), Map.entry("queued", 1), Map.entry("sending", 2),
            Map.entry("sent", 3), Map.entry("delivered", 4), Map.entry("read", 5), Map.entry("undelivered", 4),
            Map.entry("failed", 4), Map.entry("canceled", 4));
    /** Landline or unreachable carrier: never text this number again. */
    private static final Set<String> NOT_TEXTABLE = Set.of("30006");

    private static final Set<String> NOT_DELIVERED = Set.of("undelivered", "failed");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeliveryReports(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** @return true when the message's state moved forward */
    @Transactional
    public boolean report(String messageSid, String status, @Nullable String errorCode) {
        var row = jdbc.sql("SELECT id, tenant_id, to_number, carrier_status FROM messages WHERE carrier_sid = ?"
                        + " AND direction = 'out' FOR UPDATE")
                .param(messageSid).query().listOfRows();
        if (row.isEmpty()) {
            // a callback for a text we never sent, not yet recorded, or a caller's text (received, never reported)
            return false;
        }
        var message = row.getFirst();
        String carrierStatus = (String) message.get("carrier_status");
        int current = carrierStatus == null ? 0 : RANK.getOrDefault(carrierStatus, 0);
        if (RANK.getOrDefault(status, 0) <= current) {
            return false;
        }
        jdbc.sql("UPDATE messages SET carrier_status = ?, error_code = COALESCE(?, error_code), updated_at = ? WHERE id = ?")
                .params(status, errorCode, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), message.get("id"))
                .update();
        if (errorCode != null && NOT_TEXTABLE.contains(errorCode)) {
            jdbc.sql("UPDATE callers SET sms_capable = FALSE WHERE tenant_id = ? AND phone = ?")
                    .params(message.get("tenant_id"), message.get("to_number")).update();
        }
        if (NOT_DELIVERED.contains(status)) {
            events.publishEvent(new TextNotDelivered(new TenantId((String) message.get("tenant_id")),
                    ((Number) message.get("id")).longValue(), errorCode));
        }
        return true;
    }
}
