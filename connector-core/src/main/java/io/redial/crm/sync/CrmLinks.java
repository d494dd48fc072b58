package io.redial.crm.sync;

import io.redial.crm.CrmId;
import io.redial.crm.CrmRecordRef;
import io.redial.shared.TenantId;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Our things ↔ their records, per CRM: before each write core asks whether it already happened, so a
 * retried or replayed event never writes twice. Also our own phone → contact map, since a CRM's
 * search may not see a contact created seconds ago.
 */
@Repository
public class CrmLinks {

    private static final int MAX_URL = 512; // crm_links.external_url
    private final JdbcClient jdbc;
    private final Clock clock;

    CrmLinks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<CrmRecordRef> find(TenantId tenant, CrmId crm, String itemKey) {
        return jdbc.sql("""
                SELECT external_type, external_id, external_url FROM crm_links
                WHERE tenant_id = ? AND crm_id = ? AND item_key = ? AND external_type <> 'pending'""")
                .params(tenant.value(), crm.value(), itemKey)
                .query((rs, n) -> record(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    /** Every record a lead has in that CRM, as item key → record. */
    public List<Link> ofLead(TenantId tenant, CrmId crm, long leadId) {
        return jdbc.sql("""
                SELECT item_key, external_type, external_id, external_url FROM crm_links
                WHERE tenant_id = ? AND crm_id = ? AND lead_id = ? AND external_type <> 'pending'
                ORDER BY created_at, item_key""")
                .params(tenant.value(), crm.value(), leadId)
                .query((rs, n) -> new Link(rs.getString(1), record(rs.getString(2), rs.getString(3), rs.getString(4)))).list();
    }

    private static CrmRecordRef record(String type, String id, @Nullable String url) {
        return new CrmRecordRef(type, id, url == null ? null : URI.create(url));
    }

    public record Link(String itemKey, CrmRecordRef record) {
    }

    /** How a claim went: taken by other work, first, or over an earlier attempt's (which may have written the record). */
    enum Claim {
        TAKEN, FIRST, AGAIN
    }

    /**
     * Claims the right to write {@code itemKey}, so two workers never create the same record. A claim
     * older than {@code staleBefore} belonged to a worker that died mid-write (or whose answer was lost) and is
     * taken over.
     */
    Claim claimed(TenantId tenant, CrmId crm, String itemKey, @Nullable Long leadId, Instant staleBefore) {
        try {
            jdbc.sql("""
                    INSERT INTO crm_links (tenant_id, crm_id, item_key, lead_id, external_type, external_id, created_at)
                    VALUES (?, ?, ?, ?, 'pending', '', ?)""")
                    .params(tenant.value(), crm.value(), itemKey, leadId, now()).update();
            return Claim.FIRST;
        } catch (DuplicateKeyException taken) {
            return jdbc.sql("""
                    UPDATE crm_links SET created_at = ?
                    WHERE tenant_id = ? AND crm_id = ? AND item_key = ? AND external_type = 'pending' AND created_at < ?""")
                    .params(now(), tenant.value(), crm.value(), itemKey, LocalDateTime.ofInstant(staleBefore, ZoneOffset.UTC))
                    .update() == 1 ? Claim.AGAIN : Claim.TAKEN;
        }
    }

    /**
     * The claimed write's answer was lost (a timeout, a 5xx): the record may exist. The claim stays, to be taken
     * over as {@link Claim#AGAIN} once stale; dating it back to {@code claimedAt} makes that sooner.
     */
    void answerLost(TenantId tenant, CrmId crm, String itemKey, Instant claimedAt) {
        jdbc.sql("""
                UPDATE crm_links SET created_at = ?
                WHERE tenant_id = ? AND crm_id = ? AND item_key = ? AND external_type = 'pending'""")
                .params(LocalDateTime.ofInstant(claimedAt, ZoneOffset.UTC), tenant.value(), crm.value(), itemKey).update();
    }

    /** The claimed write happened: this is its record (with the CRM's link to it, when it fits the column). */
    void complete(TenantId tenant, CrmId crm, String itemKey, CrmRecordRef ref) {
        String url = ref.link() == null || ref.link().toString().length() > MAX_URL ? null : ref.link().toString();
        jdbc.sql("""
                UPDATE crm_links SET external_type = ?, external_id = ?, external_url = ?, created_at = ?
                WHERE tenant_id = ? AND crm_id = ? AND item_key = ?""")
                .params(ref.type(), ref.id(), url, now(), tenant.value(), crm.value(), itemKey).update();
    }

    /** The claimed write failed; someone may try again. */
    void release(TenantId tenant, CrmId crm, String itemKey) {
        jdbc.sql("DELETE FROM crm_links WHERE tenant_id = ? AND crm_id = ? AND item_key = ? AND external_type = 'pending'")
                .params(tenant.value(), crm.value(), itemKey).update();
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
