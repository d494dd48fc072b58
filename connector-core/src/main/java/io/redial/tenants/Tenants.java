package io.redial.tenants;

import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import io.redial.shared.TtlCache;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Read access to tenants, their lines, hours and templates. */
@Repository
public class Tenants {

    private final JdbcClient jdbc;
    // Read on every webhook, changed rarely: cached briefly (see TtlCache), cleared by this node's own edits.
    private final TtlCache<TenantId, Optional<Tenant>> tenantCache;
    private final TtlCache<String, Optional<PhoneLine>> lineCache;
    private final TtlCache<Long, Optional<PhoneLine>> lineByIdCache;
    private final TtlCache<TenantId, TenantPolicy> policyCache;
    private final TtlCache<Long, Boolean> ringOrderCache;
    private final TtlCache<String, Sending> sendingCache;
    private final TtlCache<TenantId, WeeklyHours> hoursCache;
    private final TtlCache<String, Optional<String>> templateCache;

    Tenants(JdbcClient jdbc, Clock clock, @Value("${redial.config-cache-ttl:PT10S}") Duration ttl) {
        this.jdbc = jdbc;
        this.tenantCache = new TtlCache<>(ttl, clock);
        this.lineCache = new TtlCache<>(ttl, clock);
        this.lineByIdCache = new TtlCache<>(ttl, clock);
        this.policyCache = new TtlCache<>(ttl, clock);
        this.ringOrderCache = new TtlCache<>(ttl, clock);
        this.sendingCache = new TtlCache<>(ttl, clock);
        this.hoursCache = new TtlCache<>(ttl, clock);
        this.templateCache = new TtlCache<>(ttl, clock);
    }

    /** Forgets cached configuration after this node changed it (again after commit, so no reader re-caches old rows). */
    public void configurationChanged() {
        clearCaches();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    clearCaches();
                }
            });
        }
    }

    private void clearCaches() {
        tenantCache.clear();
        lineCache.clear();
        lineByIdCache.clear();
        policyCache.clear();
        ringOrderCache.clear();
        sendingCache.clear();
        hoursCache.clear();
        templateCache.clear();
    }

    public Optional<Tenant> find(TenantId id) {
        return tenantCache.get(id, key -> jdbc.sql("SELECT * FROM tenants WHERE id = ?").param(key.value())
                .query(Tenants::tenant).optional());
    }

    public List<Tenant> all() {
        return jdbc.sql("SELECT * FROM tenants ORDER BY name").query(Tenants::tenant).list();
    }

    /** The line a carrier webhook's {@code To} names; this is how a webhook finds its tenant. */
    public Optional<PhoneLine> lineByNumber(PhoneNumber number) {
        return lineCache.get(number.e164(), key -> jdbc.sql("SELECT * FROM phone_lines WHERE number = ?").param(key)
                .query(Tenants::line).optional());
    }

    public Optional<PhoneLine> line(long lineId) {
        return lineByIdCache.get(lineId, key -> jdbc.sql("SELECT * FROM phone_lines WHERE id = ?").param(key)
                .query(Tenants::line).optional());
    }

    public List<PhoneLine> lines(TenantId tenant) {
        return jdbc.sql("SELECT * FROM phone_lines WHERE tenant_id = ? ORDER BY number").param(tenant.value())
                .query(Tenants::line).list();
    }

    public WeeklyHours hours(Tenant tenant) {
        // By id: hashing the whole tenant (its staff and on-call lists) cost more than the look-up it keys.
        return hoursCache.get(tenant.id(), id -> loadHours(tenant));
    }

    private WeeklyHours loadHours(Tenant tenant) {
        List<WeeklyHours.Interval> intervals = jdbc.sql("""
                SELECT day_of_week, opens_at, closes_at FROM business_hours
                WHERE tenant_id = ? ORDER BY day_of_week, opens_at""")
                .param(tenant.id().value())
                .query((rs, n) -> new WeeklyHours.Interval(DayOfWeek.of(rs.getInt(1)),
                        rs.getTime(2).toLocalTime(), rs.getTime(3).toLocalTime()))
                .list();
        List<LocalDate> holidays = jdbc.sql("SELECT day FROM holidays WHERE tenant_id = ?")
                .param(tenant.id().value()).query((rs, n) -> rs.getDate(1).toLocalDate()).list();
        return new WeeklyHours(tenant.zone(), intervals, new HashSet<>(holidays));
    }

    /** The line's own template of this kind, else the tenant's. */
    public Optional<String> template(TenantId tenant, @Nullable Long lineId, String kind) {
        return templateCache.get(tenant.value() + "/" + lineId + "/" + kind, key -> loadTemplate(tenant, lineId, kind));
    }

    private Optional<String> loadTemplate(TenantId tenant, @Nullable Long lineId, String kind) {
        return jdbc.sql("""
                SELECT body FROM message_templates
                WHERE tenant_id = ? AND kind = ? AND (line_id = ? OR line_id IS NULL)
                ORDER BY line_id IS NULL LIMIT 1""")
                .params(tenant.value(), kind, lineId).query(String.class).optional();
    }

    public TenantPolicy policy(TenantId tenant) {
        return policyCache.get(tenant, this::loadPolicy);
    }

    private TenantPolicy loadPolicy(TenantId tenant) {
        return jdbc.sql("SELECT * FROM tenants WHERE id = ?").param(tenant.value())
                .query((rs, n) -> new TenantPolicy(rs.getInt("hang_up_threshold_seconds"),
                        Duration.ofHours(rs.getInt("dedupe_window_hours")), rs.getBoolean("reject_failed_caller_id"),
                        Set.copyOf(words(rs.getString("served_countries"))), rs.getString("booking_link"),
                        rs.getString("messaging_service_sid"), rs.getInt("sends_per_minute"),
                        rs.getBoolean("line_type_lookup")))
                .single();
    }

    /** Simultaneous (every phone at once) or sequential (in order, one ring timeout each). */
    public boolean ringsInOrder(long lineId) {
        return ringOrderCache.get(lineId, key -> "sequential".equals(
                jdbc.sql("SELECT ring_strategy FROM phone_lines WHERE id = ?").param(key).query(String.class).single()));
    }

    /**
     * How texts from a line go out: its own Messaging Service when set, else the tenant's; its pace is what its
     * registration grants when Twilio says (the last readiness check), else the configured pace of the Messaging
     * Service it sends through (shared by every line of that service), else the line's configured pace, else the
     * tenant's.
     */
    public record Sending(@Nullable String messagingServiceSid, int sendsPerMinute) {
    }

    public Sending sending(TenantId tenant, PhoneNumber lineNumber) {
        TenantPolicy policy = policy(tenant);
        return sendingCache.get(tenant.value() + lineNumber.e164(), key -> jdbc.sql(
                        """
                        SELECT l.messaging_service_sid,
                               COALESCE(r.messages_per_second * 60, s.sends_per_minute, l.sends_per_minute)
                        FROM phone_lines l LEFT JOIN line_readiness r ON r.line_id = l.id
                        LEFT JOIN messaging_service_paces s ON s.tenant_id = l.tenant_id
                             AND s.messaging_service_sid = COALESCE(l.messaging_service_sid, ?)
                        WHERE l.tenant_id = ? AND l.number = ?""")
                .params(policy.messagingServiceSid(), tenant.value(), lineNumber.e164())
                .query((rs, n) -> new Sending(
                        rs.getString(1) != null ? rs.getString(1) : policy.messagingServiceSid(),
                        rs.getObject(2) != null ? rs.getInt(2) : policy.sendsPerMinute()))
                .optional().orElse(new Sending(policy.messagingServiceSid(), policy.sendsPerMinute())));
    }

    /** The line whose contractor number a carrier named in {@code ForwardedFrom}. */
    public Optional<PhoneLine> lineForwardedFrom(PhoneNumber contractorNumber) {
        return jdbc.sql("SELECT * FROM phone_lines WHERE forwarded_from = ? ORDER BY id LIMIT 1")
                .param(contractorNumber.e164()).query(Tenants::line).optional();
    }

    private static Tenant tenant(ResultSet rs, int n) throws SQLException {
        return new Tenant(new TenantId(rs.getString("id")), rs.getString("name"), ZoneId.of(rs.getString("timezone")),
                words(rs.getString("trades")), numbers(rs.getString("staff")), numbers(rs.getString("on_call")));
    }

    private static PhoneLine line(ResultSet rs, int n) throws SQLException {
        String forwardedFrom = rs.getString("forwarded_from");
        return new PhoneLine(rs.getLong("id"), new TenantId(rs.getString("tenant_id")),
                new PhoneNumber(rs.getString("number")), CallPattern.of(rs.getString("pattern")),
                forwardedFrom == null ? null : new PhoneNumber(forwardedFrom), numbers(rs.getString("ring_list")),
                rs.getInt("ring_timeout_seconds"), rs.getBoolean("screening"));
    }

    static List<String> words(@Nullable String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::trim).toList();
    }

    static List<PhoneNumber> numbers(@Nullable String csv) {
        return words(csv).stream().map(PhoneNumber::new).toList();
    }
}
