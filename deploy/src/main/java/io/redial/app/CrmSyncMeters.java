package io.redial.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.redial.crm.CrmProvider;
import io.redial.shared.TtlCache;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each CRM's sync backlog (work waiting, {@code redial.crm.sync.backlog}) and lag (how long the oldest has
 * waited, {@code redial.crm.sync.lag}), read from the shared queue at most every few seconds. The queue is the
 * cluster's, so every node reports the same figure: take the max across nodes, not the sum.
 */
@Component
class CrmSyncMeters {

    private static final String WAITING = """
            SELECT c.crm_id, COUNT(*) AS backlog,
                   COALESCE(TIMESTAMPDIFF(MICROSECOND, MIN(w.created_at), UTC_TIMESTAMP(6)), 0) AS lag_us
            FROM crm_sync_work w JOIN crm_connections c ON c.id = w.connection_id
            WHERE w.state = 'PENDING' GROUP BY c.crm_id""";

    record Waiting(long backlog, double lagSeconds) {
    }

    private final JdbcClient jdbc;
    private final TtlCache<String, Map<String, Waiting>> cache;

    CrmSyncMeters(JdbcClient jdbc, MeterRegistry meters, List<CrmProvider> providers) {
        this.jdbc = jdbc;
        this.cache = new TtlCache<>(Duration.ofSeconds(5), Clock.systemUTC());
        for (CrmProvider provider : providers) {
            String crm = provider.id().value();
            Gauge.builder("redial.crm.sync.backlog", this, m -> m.waiting(crm).backlog()).tag("crm", crm)
                    .description("CRM sync work waiting to be done").register(meters);
            Gauge.builder("redial.crm.sync.lag", this, m -> m.waiting(crm).lagSeconds()).tag("crm", crm)
                    .baseUnit("seconds").description("how long the oldest waiting CRM sync work has waited")
                    .register(meters);
        }
    }

    Waiting waiting(String crm) {
        return cache.get("all", k -> jdbc.sql(WAITING).query((rs, n) -> Map.entry(rs.getString(1),
                new Waiting(rs.getLong(2), Math.max(0, rs.getLong(3)) / 1e6))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))
                .getOrDefault(crm, new Waiting(0, 0));
    }
}
