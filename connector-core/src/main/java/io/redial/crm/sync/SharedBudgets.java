package io.redial.crm.sync;

import io.redial.crm.CrmRateLimit;
import io.redial.crm.CrmThrottle;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Per-connection {@link RequestBudget}s kept in {@code crm_rate_budgets}, so every node reserves from the
 * same budget: a reservation locks the connection's rows, takes the next slot on the database's clock
 * and commits at once; the caller then waits outside the transaction.
 */
@Repository
class SharedBudgets {

    /** A connection without a general limit still honours the CRM's pauses through this one. */
    private static final CrmRateLimit UNLIMITED = new CrmRateLimit(Integer.MAX_VALUE / 2, Duration.ofSeconds(1));

    /** What a reservation came to: go after {@code waitNanos}, or (when denied) come back after {@code turnNanos}. */
    record Reservation(boolean granted, long waitNanos, long turnNanos) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    SharedBudgets(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW); // short, never a caller's
        this.tx.setTimeout(10);
    }

    /**
     * One request from {@link CrmThrottle#DEFAULT} and, when limited, from {@code bucket} too. Granted when
     * its slot comes within {@code maxBlock}; else denied and queued behind the callers already denied.
     */
    Reservation reserve(long connectionId, Map<String, CrmRateLimit> limits, String bucket, Duration maxBlock) {
        Map<String, CrmRateLimit> used = new LinkedHashMap<>();
        used.put(CrmThrottle.DEFAULT, limits.getOrDefault(CrmThrottle.DEFAULT, UNLIMITED));
        if (!CrmThrottle.DEFAULT.equals(bucket) && limits.containsKey(bucket)) {
            used.put(bucket, limits.get(bucket));
        }
        return tx.execute(status -> reserveLocked(connectionId, used, maxBlock));
    }

    private Reservation reserveLocked(long connectionId, Map<String, CrmRateLimit> used, Duration maxBlock) {
        Map<String, RequestBudget> budgets = lock(connectionId, used);
        long now = databaseNanos();
        long wait = 0;
        for (RequestBudget budget : budgets.values()) {
            wait = Math.max(wait, budget.waitNanos(now));
        }
        Reservation reservation;
        if (wait > maxBlock.toNanos()) {
            long turn = 0;
            for (RequestBudget budget : budgets.values()) {
                turn = Math.max(turn, budget.denyAndQueue(now));
            }
            reservation = new Reservation(false, 0, turn);
        } else {
            for (RequestBudget budget : budgets.values()) {
                budget.take(now, now + wait);
            }
            reservation = new Reservation(true, wait, 0);
        }
        budgets.forEach((name, budget) -> store(connectionId, name, budget));
        return reservation;
    }

    /** The CRM said stop: nothing goes on this connection, from any node, before {@code pause} is over. */
    void pause(long connectionId, Duration pause) {
        try {
            tx.executeWithoutResult(status -> pauseLocked(connectionId, pause));
        } catch (PessimisticLockingFailureException deadlock) {
            tx.executeWithoutResult(status -> pauseLocked(connectionId, pause)); // as in reserve: MySQL chose a victim
        }
    }

    /** The rows exist after the connection's first request: update them, and make them only when there are none. */
    private void pauseLocked(long connectionId, Duration pause) {
        long until = databaseNanos() + pause.toNanos();
        String update = "UPDATE crm_rate_budgets SET paused_until = GREATEST(paused_until, ?) WHERE connection_id = ?";
        if (jdbc.sql(update).params(until, connectionId).update() == 0) {
            ensureRows(connectionId, List.of(CrmThrottle.DEFAULT));
            jdbc.sql(update).params(until, connectionId).update();
        }
    }

    private Map<String, RequestBudget> lock(long connectionId, Map<String, CrmRateLimit> limits) {
        List<String> names = new ArrayList<>(limits.keySet());
        Map<String, RequestBudget> budgets = select(connectionId, limits);
        if (budgets.size() < names.size()) {
            ensureRows(connectionId, names);
            budgets = select(connectionId, limits);
        }
        return budgets;
    }

    private Map<String, RequestBudget> select(long connectionId, Map<String, CrmRateLimit> limits) {
        String in = String.join(",", limits.keySet().stream().map(b -> "?").toList());
        List<Object> params = new ArrayList<>();
        params.add(connectionId);
        params.addAll(limits.keySet());
        Map<String, RequestBudget> budgets = new LinkedHashMap<>();
        // One statement locks the rows in key order, so two nodes never wait on each other crosswise.
        jdbc.sql("SELECT bucket, theoretical_arrival, paused_until, waiting FROM crm_rate_budgets"
                        + " WHERE connection_id = ? AND bucket IN (" + in + ") ORDER BY bucket FOR UPDATE")
                .params(params)
                .query(rs -> {
                    String name = rs.getString(1);
                    budgets.put(name, new RequestBudget(limits.get(name), rs.getLong(2), rs.getLong(3), rs.getInt(4)));
                });
        return budgets;
    }

    private void ensureRows(long connectionId, List<String> buckets) {
        for (String bucket : buckets) {
            jdbc.sql("""
                    INSERT IGNORE INTO crm_rate_budgets (connection_id, bucket, theoretical_arrival, paused_until, waiting)
                    VALUES (?, ?, 0, 0, 0)""").params(connectionId, bucket).update();
        }
    }

    private void store(long connectionId, String bucket, RequestBudget budget) {
        jdbc.sql("""
                UPDATE crm_rate_budgets SET theoretical_arrival = ?, paused_until = ?, waiting = ?
                WHERE connection_id = ? AND bucket = ?""")
                .params(budget.theoreticalArrival(), budget.pausedUntil(), budget.waiting(), connectionId, bucket).update();
    }

    /** Now on the database's clock (SYSDATE: when this runs, not when the transaction began). */
    private long databaseNanos() {
        BigDecimal seconds = jdbc.sql("SELECT UNIX_TIMESTAMP(SYSDATE(6))").query(BigDecimal.class).single();
        return seconds.movePointRight(9).longValue();
    }
}
