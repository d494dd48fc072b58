package io.redial.crm.sync;

import io.redial.crm.CrmRateLimit;
import io.redial.crm.CrmThrottle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
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
        return reserveAll(connectionId, limits, List.of(bucket), maxBlock).getFirst();
    }

    /**
     * {@link #reserve} for several requests of one connection in one transaction, in order, as if each had come
     * alone: the rows are locked once for all of them, so callers that queue up together cost the database one
     * short lock instead of one each (the lock, not the CRM, set the pace of a drain).
     */
    List<Reservation> reserveAll(long connectionId, Map<String, CrmRateLimit> limits, List<String> buckets, Duration maxBlock) {
        Map<String, CrmRateLimit> used = new LinkedHashMap<>();
        used.put(CrmThrottle.DEFAULT, limits.getOrDefault(CrmThrottle.DEFAULT, UNLIMITED));
        for (String bucket : buckets) {
            if (limits.containsKey(bucket)) {
                used.put(bucket, limits.get(bucket));
            }
        }
        List<Reservation> granted = tx.execute(status -> reserveLocked(connectionId, used, buckets, maxBlock));
        if (granted != null) {
            return granted;
        }
        // The connection's first request: its rows are made outside the locking transaction, since two nodes that
        // both lock the missing rows' gap and then insert into it deadlock each other.
        ensureRows(connectionId, new ArrayList<>(used.keySet()));
        return Objects.requireNonNull(tx.execute(status -> reserveLocked(connectionId, used, buckets, maxBlock)),
                "crm_rate_budgets rows vanished while reserving");
    }

    private @Nullable List<Reservation> reserveLocked(long connectionId, Map<String, CrmRateLimit> used,
            List<String> buckets, Duration maxBlock) {
        Locked locked = select(connectionId, used);
        if (locked.budgets().size() < used.size()) {
            return null;
        }
        long now = locked.now();
        List<Reservation> reservations = new ArrayList<>(buckets.size());
        for (String bucket : buckets) {
            List<RequestBudget> budgets = new ArrayList<>(2);
            CrmRateLimit own = CrmThrottle.DEFAULT.equals(bucket) ? null : used.get(bucket);
            if (own == null || !own.separate()) { // a separate bucket's requests the CRM does not count in the default
                budgets.add(locked.budgets().get(CrmThrottle.DEFAULT));
            }
            if (own != null) {
                budgets.add(locked.budgets().get(bucket));
            }
            reservations.add(reserveOne(budgets, now, maxBlock));
        }
        locked.budgets().forEach((name, budget) -> store(connectionId, name, budget));
        return reservations;
    }

    private static Reservation reserveOne(List<RequestBudget> budgets, long now, Duration maxBlock) {
        long wait = 0;
        for (RequestBudget budget : budgets) {
            wait = Math.max(wait, budget.waitNanos(now));
        }
        if (wait > maxBlock.toNanos()) {
            long turn = 0;
            for (RequestBudget budget : budgets) {
                turn = Math.max(turn, budget.denyAndQueue(now));
            }
            return new Reservation(false, 0, turn);
        }
        for (RequestBudget budget : budgets) {
            budget.take(now, now + wait);
        }
        return new Reservation(true, wait, 0);
    }

    /**
     * The CRM said stop to the requests of one bucket only (a search limit): they wait, the others go on. A bucket
     * the connection has no limit for, or the default, pauses everything.
     */
    void pause(long connectionId, String bucket, Duration pause) {
        if (CrmThrottle.DEFAULT.equals(bucket)) {
            pause(connectionId, pause);
            return;
        }
        String update = """
                UPDATE crm_rate_budgets SET paused_until = GREATEST(paused_until, UNIX_TIMESTAMP(SYSDATE(6)) * 1000000000 + ?)
                WHERE connection_id = ? AND bucket = ?""";
        if (tx.execute(status -> jdbc.sql(update).params(pause.toNanos(), connectionId, bucket).update()) == 0) {
            pause(connectionId, pause); // no row for it: the bucket is unknown here, so be safe and pause all
        }
    }

    /** The CRM said stop: nothing goes on this connection, from any node, before {@code pause} is over. */
    void pause(long connectionId, Duration pause) {
        String update = """
                UPDATE crm_rate_budgets SET paused_until = GREATEST(paused_until, UNIX_TIMESTAMP(SYSDATE(6)) * 1000000000 + ?)
                WHERE connection_id = ?""";
        // One statement, its own transaction: the rows exist after the connection's first request; before it,
        // they are made first (outside any lock on their gap) and the pause then lands on them.
        if (tx.execute(status -> jdbc.sql(update).params(pause.toNanos(), connectionId).update()) == 0) {
            ensureRows(connectionId, List.of(CrmThrottle.DEFAULT));
            tx.execute(status -> jdbc.sql(update).params(pause.toNanos(), connectionId).update());
        }
    }

    /** The budgets' rows, locked, with now on the database's clock (SYSDATE: when this runs, not when the transaction began). */
    private record Locked(Map<String, RequestBudget> budgets, long now) {
    }

    private Locked select(long connectionId, Map<String, CrmRateLimit> limits) {
        String in = String.join(",", limits.keySet().stream().map(b -> "?").toList());
        List<Object> params = new ArrayList<>();
        params.add(connectionId);
        params.addAll(limits.keySet());
        Map<String, RequestBudget> budgets = new LinkedHashMap<>();
        long[] now = {0};
        // One statement locks the rows in key order, so two nodes never wait on each other crosswise.
        jdbc.sql("SELECT bucket, theoretical_arrival, paused_until, waiting, UNIX_TIMESTAMP(SYSDATE(6)) FROM crm_rate_budgets"
                        + " WHERE connection_id = ? AND bucket IN (" + in + ") ORDER BY bucket FOR UPDATE")
                .params(params)
                .query(rs -> {
                    String name = rs.getString(1);
                    budgets.put(name, new RequestBudget(limits.get(name), rs.getLong(2), rs.getLong(3), rs.getInt(4)));
                    now[0] = rs.getBigDecimal(5).movePointRight(9).longValue(); // read once the lock was ours
                });
        return new Locked(budgets, now[0]);
    }

    /** Its own short transaction each, never inside the one that locks the rows (see {@link #reserveAll}). */
    private void ensureRows(long connectionId, List<String> buckets) {
        for (String bucket : buckets) {
            tx.executeWithoutResult(status -> jdbc.sql("""
                    INSERT IGNORE INTO crm_rate_budgets (connection_id, bucket, theoretical_arrival, paused_until, waiting)
                    VALUES (?, ?, 0, 0, 0)""").params(connectionId, bucket).update());
        }
    }

    private void store(long connectionId, String bucket, RequestBudget budget) {
        jdbc.sql("""
                UPDATE crm_rate_budgets SET theoretical_arrival = ?, paused_until = ?, waiting = ?
                WHERE connection_id = ? AND bucket = ?""")
                .params(budget.theoreticalArrival(), budget.pausedUntil(), budget.waiting(), connectionId, bucket).update();
    }
}
