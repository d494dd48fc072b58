package io.redial.tenants;

import io.redial.shared.TenantId;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saving a tenant's text templates. A template is checked before it is stored: known merge fields only,
 * values that exist, and at most two segments for a long name (GSM-7 versus UCS-2 counted properly).
 */
@Service
public class Templates {

    /** Why a template was not saved, in words for the admin. */
    public static class TemplateRejected extends RuntimeException {
        public TemplateRejected(String message) {
            super(message);
        }
    }

    private final JdbcClient jdbc;
    private final Tenants tenants;
    private final Clock clock;

    Templates(JdbcClient jdbc, Tenants tenants, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** A template as the console previews it: sample values filled in, its cost, and why it would be refused. */
    public record Preview(String text, SmsSegments segments, @Nullable String problem) {
    }

    /** The tenant's own template of this kind, else the built-in one it would get ("" for an unset Spanish one). */
    public String current(TenantId tenant, String kind) {
        return tenants.template(tenant, null, kind)
                .orElseGet(() -> TextBackTemplates.isSpanish(kind) ? "" : TextBackTemplates.defaultFor(kind));
    }

    /**
     * Fills the template with what a caller would get now ("there" for an unknown first name, today's hours);
     * the problem is the one {@link #save} would refuse it for.
     */
    public Preview preview(TenantId tenant, String kind, String body) {
        Tenant owner = tenants.find(tenant).orElseThrow(() -> new TemplateRejected("no tenant " + tenant));
        PhoneLine line = tenants.lines(tenant).stream().findFirst().orElse(null);
        String callback = line == null ? "(your number)" : TextBackTemplates.national(line.number());
        String bookingLink = tenants.policy(tenant).bookingLink();
        String text = TextBackTemplates.preview(body, new TextBackTemplates.Fields(owner.name(), null, bookingLink,
                callback, tenants.hours(owner).todayText(clock.instant())));
        String problem = line == null || unset(kind, body) ? null : TextBackTemplates.problem(kind, body,
                TextBackTemplates.worstCase(owner.name(), bookingLink, line.number()));
        return new Preview(text, SmsSegments.of(text), problem);
    }

    /** @throws TemplateRejected when the template could not be sent as written */
    @Transactional
    public void save(TenantId tenant, @Nullable Long lineId, String kind, String body) {
        if (!TextBackTemplates.known(kind)) {
            throw new TemplateRejected("unknown template kind " + kind);
        }
        if (unset(kind, body)) { // an empty Spanish text: Spanish-speaking callers get the English one again
            jdbc.sql("DELETE FROM message_templates WHERE tenant_id = ? AND kind = ? AND (line_id = ? OR (? IS NULL AND line_id IS NULL))")
                    .params(tenant.value(), kind, lineId, lineId).update();
            tenants.configurationChanged();
            return;
        }
        Tenant owner = tenants.find(tenant).orElseThrow(() -> new TemplateRejected("no tenant " + tenant));
        PhoneLine line = lineId == null ? tenants.lines(tenant).stream().findFirst().orElse(null)
                : tenants.line(lineId).filter(l -> l.tenantId().equals(tenant))
                        .orElseThrow(() -> new TemplateRejected("no line " + lineId + " for " + tenant));
        String problem = line == null ? null : TextBackTemplates.problem(kind, body, TextBackTemplates.worstCase(owner.name(),
                tenants.policy(tenant).bookingLink(), line.number()));
        if (problem != null) {
            throw new TemplateRejected(problem);
        }
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int updated = jdbc.sql("""
                UPDATE message_templates SET body = ?, updated_at = ?
                WHERE tenant_id = ? AND kind = ? AND (line_id = ? OR (? IS NULL AND line_id IS NULL))""")
                .params(body, now, tenant.value(), kind, lineId, lineId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO message_templates (tenant_id, line_id, kind, body, updated_at) VALUES (?, ?, ?, ?, ?)")
                    .params(tenant.value(), lineId, kind, body, now).update();
        }
        tenants.configurationChanged();
    }

    private static boolean unset(String kind, String body) {
        return TextBackTemplates.isSpanish(kind) && body.isBlank();
    }
}
