package io.redial.receptionist;

import io.redial.conversations.Conversation;
import io.redial.conversations.Conversations;
import io.redial.conversations.InboundTextReceived;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.tenants.Tenants;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plays the texting module until its inbound-SMS webhook lands: stores a caller's text as an inbound
 * message and publishes {@link InboundTextReceived} in the same transaction, as the webhook will.
 */
@Component
public class AnnaFixture {

    public static final String TENANT_YAML = """
            tenants:
              - id: %s
                name: Lone Star Home Services
                timezone: America/Chicago
                trades: [hvac, plumbing, roofing, electrical]
                hours: {mon-sun: "08:00-17:00"}
                service_area: {zips: ["78701-78759", "78610"]}
                prices: {diagnostic_visit: 89, after_hours_fee: 149}
                on_call: ["+15125550911", "+15125550912"]
                on_call_ack_minutes: 5
                staff: ["+15125550199"]
                lines:
                  - number: "%s"
                    pattern: forwarded
            """;

    private final Provisioner provisioner;
    private final Tenants tenants;
    private final Conversations conversations;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    AnnaFixture(Provisioner provisioner, Tenants tenants, Conversations conversations, JdbcClient jdbc,
            ApplicationEventPublisher events, PlatformTransactionManager txm) {
        this.provisioner = provisioner;
        this.tenants = tenants;
        this.conversations = conversations;
        this.jdbc = jdbc;
        this.events = events;
        this.tx = new TransactionTemplate(txm);
    }

    /** A tenant like the DESIGN example, open every day 08:00-17:00, with one line. */
    public TenantId tenant(String id, String lineNumber) {
        provisioner.apply(ProvisioningFile.parse(TENANT_YAML.formatted(id, lineNumber)));
        return new TenantId(id);
    }

    public Conversation conversation(TenantId tenant, String callerPhone) {
        return tx.execute(s -> {
            jdbc.sql("""
                    INSERT INTO callers (tenant_id, phone, created_at) VALUES (?, ?, ?)
                    ON DUPLICATE KEY UPDATE phone = phone""").params(tenant.value(), callerPhone, now()).update();
            long callerId = jdbc.sql("SELECT id FROM callers WHERE tenant_id = ? AND phone = ?")
                    .params(tenant.value(), callerPhone).query(Long.class).single();
            long lineId = tenants.lines(tenant).getFirst().id();
            return conversations.openFor(tenant, callerId, lineId);
        });
    }

    /** The caller texts {@code body}: message row plus event, in one transaction. @return the message id */
    public long texts(Conversation c, String body) {
        return tx.execute(s -> {
            long id = storeText(c, body);
            events.publishEvent(new InboundTextReceived(c.tenant(), c.id(), c.callerId(), id, c.caller(), c.line(), body,
                    Instant.now()));
            return id;
        });
    }

    /** Only the inbound message row, for harnesses that run the turn themselves. @return the message id */
    public long storeText(Conversation c, String body) {
        return tx.execute(s -> {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    INSERT INTO messages (tenant_id, conversation_id, direction, purpose, from_number, to_number, body,
                                          send_state, created_at, updated_at)
                    VALUES (?, ?, 'in', 'inbound', ?, ?, ?, 'RECEIVED', ?, ?)""")
                    .params(c.tenant().value(), c.id(), c.caller().e164(), c.line().e164(), body, now(), now()).update(keys);
            return keys.getKey().longValue();
        });
    }

    /** Anna's texts to the caller, oldest first. */
    public List<String> repliesTo(Conversation c) {
        return jdbc.sql("""
                SELECT body FROM messages WHERE tenant_id = ? AND conversation_id = ? AND direction = 'out' AND to_number = ?
                ORDER BY id""").params(c.tenant().value(), c.id(), c.caller().e164()).query(String.class).list();
    }

    public List<String> textsTo(TenantId tenant, PhoneNumber to) {
        return jdbc.sql("SELECT body FROM messages WHERE tenant_id = ? AND direction = 'out' AND to_number = ? ORDER BY id")
                .params(tenant.value(), to.e164()).query(String.class).list();
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }
}
