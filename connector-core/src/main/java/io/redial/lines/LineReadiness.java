package io.redial.lines;

import io.redial.lines.Registration.SenderKind;
import io.redial.lines.Registration.State;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.shared.notices.AdminNotices;
import io.redial.tenants.Tenants;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Whether each line may text US phones, as last checked, with the next step in plain words. A check that
 * finds a line's state changed tells the admin; a carrier that cannot be asked leaves the last known state.
 */
@Service
public class LineReadiness {

    private static final Logger log = LoggerFactory.getLogger(LineReadiness.class);
    private static final Pattern SERVICE_SID = Pattern.compile("MG[0-9a-fA-F]{32}");

    /** One line as the Lines screen, onboarding and dashboard show it. */
    public record LineState(long lineId, TenantId tenant, PhoneNumber number, @Nullable String messagingServiceSid,
            Registration registration, @Nullable Instant checkedAt) {

        /** A line is live when it can take calls and its texts can reach US phones. */
        public boolean live() {
            return registration.state().maySend();
        }

        public String nextStep() {
            return LineReadiness.nextStep(registration);
        }
    }

    private final JdbcClient jdbc;
    private final CarrierRegistry carrier;
    private final AdminNotices notices;
    private final Tenants tenants;
    private final Clock clock;

    LineReadiness(JdbcClient jdbc, CarrierRegistry carrier, AdminNotices notices, Tenants tenants, Clock clock) {
        this.jdbc = jdbc;
        this.carrier = carrier;
        this.notices = notices;
        this.tenants = tenants;
        this.clock = clock;
    }

    private static final String SELECT = """
            SELECT l.id, l.tenant_id, l.number, l.simulated_readiness,
                   COALESCE(l.messaging_service_sid, t.messaging_service_sid) AS service_sid,
                   r.state, r.sender_kind, r.detail, r.messages_per_second, r.checked_at
            FROM phone_lines l JOIN tenants t ON t.id = l.tenant_id LEFT JOIN line_readiness r ON r.line_id = l.id""";

    public List<LineState> of(TenantId tenant) {
        return jdbc.sql(SELECT + " WHERE l.tenant_id = ? ORDER BY l.number").param(tenant.value()).query(LineReadiness::state).list();
    }

    public Optional<LineState> line(TenantId tenant, long lineId) {
        return jdbc.sql(SELECT + " WHERE l.tenant_id = ? AND l.id = ?").params(tenant.value(), lineId)
                .query(LineReadiness::state).optional();
    }

    /** Lines that cannot send, with why: what the dashboard warns about. */
    public List<LineState> blocked(TenantId tenant) {
        return of(tenant).stream().filter(l -> !l.live()).toList();
    }

    /** Asks the carrier about one line now (the Lines screen's "Check now"). */
    public LineState checkNow(TenantId tenant, long lineId) {
        LineState line = line(tenant, lineId).orElseThrow(() -> new IllegalArgumentException("No such line."));
        check(line);
        return line(tenant, lineId).orElseThrow();
    }

    /** Every line of every tenant: the recurring check. One line's failure does not stop the others. */
    public int checkAll() {
        List<LineState> lines = jdbc.sql(SELECT + " ORDER BY l.id").query(LineReadiness::state).list();
        int checked = 0;
        for (LineState line : lines) {
            try {
                check(line);
                checked++;
            } catch (RuntimeException e) {
                log.warn("registration of line {} could not be checked now: {}", line.lineId(), e.toString());
            }
        }
        return checked;
    }

    /** The Messaging Service the line sends through (and whose campaign makes it registered); blank clears it. */
    public void useMessagingService(TenantId tenant, long lineId, @Nullable String sid) {
        String service = sid == null || sid.isBlank() ? null : sid.strip();
        if (service != null && !SERVICE_SID.matcher(service).matches()) {
            throw new IllegalArgumentException("A Messaging Service SID is MG followed by 32 letters and digits (0-9, a-f).");
        }
        int updated = jdbc.sql("UPDATE phone_lines SET messaging_service_sid = ? WHERE tenant_id = ? AND id = ?")
                .params(service, tenant.value(), lineId).update();
        if (updated == 0) {
            throw new IllegalArgumentException("No such line.");
        }
        tenants.configurationChanged();
    }

    /** Sandbox only: the state the sandbox carrier reports for this line from now on. */
    public void simulate(TenantId tenant, long lineId, State state) {
        jdbc.sql("UPDATE phone_lines SET simulated_readiness = ? WHERE tenant_id = ? AND id = ?")
                .params(state.name(), tenant.value(), lineId).update();
        line(tenant, lineId).ifPresent(this::check);
    }

    private void check(LineState line) {
        String simulated = jdbc.sql("SELECT simulated_readiness FROM phone_lines WHERE id = ?").param(line.lineId())
                .query(String.class).optional().orElse(null);
        Registration found = carrier.check(line.number(), line.messagingServiceSid(), simulated == null ? null : State.valueOf(simulated));
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        State before = line.checkedAt() == null ? null : line.registration().state();
        jdbc.sql("""
                INSERT INTO line_readiness (line_id, tenant_id, state, sender_kind, detail, messages_per_second, checked_at, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE changed_at = IF(state = VALUES(state), changed_at, VALUES(changed_at)),
                    state = VALUES(state), sender_kind = VALUES(sender_kind), detail = VALUES(detail),
                    messages_per_second = VALUES(messages_per_second), checked_at = VALUES(checked_at)""")
                .params(line.lineId(), line.tenant().value(), found.state().name(), found.kind().name(),
                        clip(found.detail()), found.messagesPerSecond(), now, now)
                .update();
        if (found.state() != before && (before != null || !found.state().maySend())) {
            notices.tell(line.tenant(), "line-readiness", announce(line.number(), found));
        }
    }

    static String announce(PhoneNumber number, Registration found) {
        String line = "Line " + number.display(number);
        String what = found.kind() == SenderKind.TOLL_FREE ? "toll-free verification" : "texting registration (A2P 10DLC)";
        return switch (found.state()) {
            case APPROVED -> line + ": " + what + " approved. Its text-backs now reach US phones.";
            case PENDING -> line + ": " + what + " is under review. Until it is approved, carriers block or filter its texts.";
            case REJECTED -> line + ": " + what + " rejected (" + found.detail() + "). " + nextStep(found);
            case NOT_REGISTERED -> line + " is not registered for texting, so carriers block its texts. " + nextStep(found);
            case UNKNOWN -> line + ": its texting registration could not be read (" + found.detail() + ").";
        };
    }

    /** What the owner does next, in words for someone who has never heard of 10DLC. */
    public static String nextStep(Registration r) {
        boolean tollFree = r.kind() == SenderKind.TOLL_FREE;
        return switch (r.state()) {
            case APPROVED -> "Nothing to do: carriers accept this line's texts.";
            case PENDING -> "Nothing to do but wait: the carriers' review usually takes a few days, sometimes two to three weeks."
                    + " Until then missed callers whose text does not arrive are flagged for a call back.";
            case REJECTED -> "Read the reason, correct it in Twilio (business details, sample texts or how callers agree to"
                    + " texts) and resubmit; Redial checks again on its own.";
            case NOT_REGISTERED -> tollFree
                    ? "Submit a toll-free verification in Twilio: your business details, what you text and how callers"
                            + " agree to it. Review takes a few days to a few weeks."
                    : "Register in Twilio: a brand (your legal business name and EIN, or sole proprietor without one) and"
                            + " an A2P campaign \"customers call, we text back\" on a Messaging Service that holds this"
                            + " number; then enter that service's SID here.";
            case UNKNOWN -> "Check now, or wait for the next automatic check.";
        };
    }

    private static LineState state(ResultSet rs, int n) throws SQLException {
        PhoneNumber number = new PhoneNumber(rs.getString("number"));
        String state = rs.getString("state");
        Registration registration = state == null
                ? new Registration(State.UNKNOWN, CarrierRegistry.tollFree(number) ? SenderKind.TOLL_FREE : SenderKind.LOCAL, "Not checked yet.", null)
                : new Registration(State.valueOf(state), SenderKind.valueOf(rs.getString("sender_kind")), rs.getString("detail"),
                        rs.getObject("messages_per_second", Integer.class));
        LocalDateTime checked = rs.getObject("checked_at", LocalDateTime.class);
        return new LineState(rs.getLong("id"), new TenantId(rs.getString("tenant_id")), number, rs.getString("service_sid"),
                registration, checked == null ? null : checked.toInstant(ZoneOffset.UTC));
    }

    private static @Nullable String clip(@Nullable String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }
}
