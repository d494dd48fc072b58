package io.redial.conversations;

import io.redial.leads.Leads;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.shared.notices.AdminNotices;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * No missed caller is left without an answer: a text-back that did not arrive marks its lead "not reached by
 * text" with the reason, tells staff at once (a console notice and the tenant's alert phone) and, through the
 * lead's event, puts a call-back task in the CRM. Texts the carrier filters or refuses as from an unregistered
 * sender are counted per line; a rise of them raises a notice naming the likely cause.
 */
@Component
class UnreachedCallers {

    private static final Logger log = LoggerFactory.getLogger(UnreachedCallers.class);
    private static final Duration RISE_WINDOW = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final Leads leads;
    private final AdminNotices notices;
    private final OutboundTexts texts;
    private final Clock clock;
    private final int riseThreshold;

    UnreachedCallers(JdbcClient jdbc, Leads leads, AdminNotices notices, OutboundTexts texts, Clock clock,
            @Value("${redial.delivery.line-problem-threshold:3}") int riseThreshold) {
        this.jdbc = jdbc;
        this.leads = leads;
        this.notices = notices;
        this.texts = texts;
        this.clock = clock;
        this.riseThreshold = riseThreshold;
    }

    private record Sent(TenantId tenant, String purpose, PhoneNumber from, PhoneNumber to, @Nullable Long leadId) {
    }

    @EventListener
    @Transactional
    void on(TextNotDelivered event) {
        jdbc.sql("""
                SELECT m.purpose, m.from_number, m.to_number,
                       COALESCE(c.lead_id, (SELECT MAX(l.id) FROM leads l WHERE l.tenant_id = m.tenant_id
                                            AND l.conversation_id = m.conversation_id)) AS lead_id
                FROM messages m LEFT JOIN calls c ON c.id = m.call_id
                WHERE m.id = ? AND m.tenant_id = ?""")
                .params(event.messageId(), event.tenant().value())
                .query((rs, n) -> new Sent(event.tenant(), rs.getString(1), new PhoneNumber(rs.getString(2)),
                        new PhoneNumber(rs.getString(3)), rs.getObject(4, Long.class)))
                .optional()
                .ifPresent(sent -> handle(sent, event.carrierCode()));
    }

    private void handle(Sent sent, @Nullable String code) {
        if ("textback".equals(sent.purpose()) && sent.leadId() != null) {
            callerNotReached(sent, code);
        } else if (DeliveryProblem.of(code) == DeliveryProblem.NOT_HANDED_OVER) {
            notices.tell(sent.tenant(), "text-failed", "A text to " + sent.to().display(sent.from())
                    + " could not be sent after repeated carrier errors: call them back.");
        }
        if (DeliveryProblem.of(code).isTheLines()) {
            watchLine(sent.tenant(), sent.from(), DeliveryProblem.of(code));
        }
    }

    private void callerNotReached(Sent sent, @Nullable String code) {
        String reason = DeliveryProblem.reason(code);
        if (!leads.markNotReachedByText(sent.tenant(), sent.leadId(), reason)) {
            return; // told already
        }
        log.info("text-back to {} not delivered ({}): lead {} needs a call back", sent.to().masked(), code, sent.leadId());
        String who = sent.to().display(sent.from());
        notices.tell(sent.tenant(), "not-reached", "The text-back to " + who + " was not delivered: " + reason
                + ". Call them back.");
        alertPhone(sent.tenant()).filter(alert -> !alert.equals(sent.to())).ifPresent(alert -> texts.queue(
                new OutboundTexts.Request(sent.tenant(), null, null, "alert", "not-reached:" + sent.leadId(),
                        sent.from(), alert, "Redial: our text-back to " + who + " did not arrive (" + reason
                        + "). Please call them back.", OutboundTexts.CONVERSATION)));
    }

    private java.util.Optional<PhoneNumber> alertPhone(TenantId tenant) {
        return jdbc.sql("SELECT unreached_alert_phone FROM tenants WHERE id = ?").param(tenant.value())
                .query((rs, n) -> rs.getString(1)).optional().filter(s -> s != null && !s.isBlank()).map(PhoneNumber::new);
    }

    /** A rise of filtered or unregistered-sender errors on one line: the line, not its callers, needs fixing. */
    private void watchLine(TenantId tenant, PhoneNumber line, DeliveryProblem problem) {
        List<String> codes = problem.codes();
        int recent = jdbc.sql("""
                SELECT COUNT(*) FROM messages WHERE tenant_id = ? AND from_number = ? AND direction = 'out'
                  AND created_at >= ? AND error_code IN (%s)""".formatted(
                        codes.stream().map(c -> "?").collect(Collectors.joining(","))))
                .params(Stream.concat(Stream.of(tenant.value(), line.e164(),
                        LocalDateTime.ofInstant(clock.instant().minus(RISE_WINDOW), ZoneOffset.UTC)), codes.stream()).toList())
                .query(Integer.class).single();
        if (recent >= riseThreshold) {
            notices.tell(tenant, "line-texts-blocked", likelyCause(line, problem));
        }
    }

    static String likelyCause(PhoneNumber line, DeliveryProblem problem) {
        String number = line.display(line);
        return problem == DeliveryProblem.UNREGISTERED_SENDER
                ? "Carriers are blocking texts from " + number + " as an unregistered sender. Likely cause: the line has no"
                        + " approved A2P 10DLC campaign (or, for a toll-free number, no approved verification). See Lines."
                : "Carriers are filtering texts from " + number + " as unwanted. Likely cause: the text-back wording"
                        + " (links, shortened URLs, no business name) or a registration that does not match what is sent."
                        + " Check the templates and the line's registration on Lines.";
    }
}
