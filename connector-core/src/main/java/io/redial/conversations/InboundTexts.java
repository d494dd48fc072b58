package io.redial.conversations;

import io.redial.shared.PhoneNumber;
import io.redial.tenants.Callers;
import io.redial.tenants.PhoneLine;
import io.redial.tenants.Tenant;
import io.redial.tenants.Tenants;
import io.redial.tenants.TextBackTemplates;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A text a caller sent to a tenant line: stored once per carrier message id, then an opt-out, opt-in or
 * help keyword is honoured here, and anything else becomes a turn of the caller's conversation.
 */
@Service
public class InboundTexts {

    public record InboundSms(String messageSid, PhoneNumber from, PhoneNumber to, String body) {
    }

    public enum Handled { UNKNOWN_LINE, DUPLICATE, OPTED_OUT, OPTED_IN, HELPED, STAFF, CONVERSATION }

    private final JdbcClient jdbc;
    private final Tenants tenants;
    private final Callers callers;
    private final Conversations conversations;
    private final OutboundTexts texts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SmsKeywords keywords;

    InboundTexts(JdbcClient jdbc, Tenants tenants, Callers callers, Conversations conversations, OutboundTexts texts,
            ApplicationEventPublisher events, Clock clock, SmsKeywords keywords) {
        this.keywords = keywords;
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.callers = callers;
        this.conversations = conversations;
        this.texts = texts;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Read committed: two first texts of one number race (Twilio posts them at once), and the second waits for the
     * caller's row the first created; it must then see that row and the conversation the first opened, which a
     * repeatable-read snapshot taken before the wait hides (it answered 500, or opened a second conversation).
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Handled receive(InboundSms sms) {
        Optional<PhoneLine> found = tenants.lineByNumber(sms.to());
        if (found.isEmpty()) {
            return Handled.UNKNOWN_LINE;
        }
        PhoneLine line = found.get();
        Tenant tenant = tenants.find(line.tenantId()).orElseThrow();
        long callerId = callers.idOf(tenant.id(), sms.from());
        Optional<Long> messageId = store(tenant, sms, callerId);
        if (messageId.isEmpty()) {
            return Handled.DUPLICATE;
        }
        Optional<SmsKeywords.Word> keyword = keywords.match(tenant.id(), sms.body(), callers.optedOut(tenant.id(), callerId));
        if (keyword.isPresent()) {
            return keyword(keyword.get().kind(), keyword.get().spanish(), tenant, line, callerId, sms);
        }
        if (tenant.staff().contains(sms.from()) || tenant.onCall().contains(sms.from())) {
            events.publishEvent(new StaffTextReceived(tenant.id(), messageId.get(), sms.from(), line.number(), sms.body()));
            return Handled.STAFF;
        }
        Conversation conversation = conversations.openFor(tenant.id(), callerId, line.id());
        jdbc.sql("UPDATE messages SET conversation_id = ? WHERE id = ?").params(conversation.id(), messageId.get()).update();
        conversations.touch(tenant.id(), conversation.id());
        events.publishEvent(new InboundTextReceived(tenant.id(), conversation.id(), callerId, messageId.get(),
                sms.from(), line.number(), sms.body(), clock.instant()));
        return Handled.CONVERSATION;
    }

    private Handled keyword(SmsKeyword keyword, boolean spanish, Tenant tenant, PhoneLine line, long callerId, InboundSms sms) {
        return switch (keyword) {
            case OPT_OUT -> {
                if (callers.optOut(tenant.id(), callerId)) {
                    reply(tenant, line, sms, "opt-out-confirmation", spanish
                            ? "Se dio de baja de los mensajes de " + tenant.name() + " y no recibirá más. Responda START para volver."
                            : "You're unsubscribed from " + tenant.name() + " texts and will get no more. Reply START to resubscribe.");
                }
                yield Handled.OPTED_OUT;
            }
            case OPT_IN -> {
                if (callers.optIn(tenant.id(), callerId)) {
                    reply(tenant, line, sms, "opt-in-confirmation", "You're resubscribed to " + tenant.name()
                            + " texts. Reply STOP to opt out.");
                }
                yield Handled.OPTED_IN;
            }
            case HELP -> {
                reply(tenant, line, sms, "help", spanish
                        ? tenant.name() + ": le escribimos sobre su llamada. Para comunicarse, llame al "
                                + TextBackTemplates.national(line.number()) + ". Responda ALTO para no recibir más mensajes."
                        : tenant.name() + ": we text you back about your call. To reach us, call "
                                + TextBackTemplates.national(line.number()) + ". Reply STOP to opt out.");
                yield Handled.HELPED;
            }
        };
    }

    private void reply(Tenant tenant, PhoneLine line, InboundSms sms, String purpose, String body) {
        texts.queue(new OutboundTexts.Request(tenant.id(), null, null, purpose, purpose + ":" + sms.messageSid(),
                line.number(), sms.from(), body, OutboundTexts.CONVERSATION));
    }

    private Optional<Long> store(Tenant tenant, InboundSms sms, long callerId) {
        var keys = new GeneratedKeyHolder();
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        try {
            jdbc.sql("""
                    INSERT INTO messages (tenant_id, direction, purpose, from_number, to_number, body, send_state,
                                          carrier_sid, created_at, updated_at)
                    VALUES (?, 'in', 'inbound', ?, ?, ?, 'RECEIVED', ?, ?, ?)""")
                    .params(tenant.id().value(), sms.from().e164(), sms.to().e164(), sms.body(), sms.messageSid(), now, now)
                    .update(keys);
        } catch (DuplicateKeyException replay) {
            return Optional.empty();
        }
        return Optional.of(keys.getKey().longValue());
    }
}
