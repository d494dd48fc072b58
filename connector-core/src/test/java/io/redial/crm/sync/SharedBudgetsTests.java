package io.redial.crm.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.redial.crm.CrmRateLimit;
import io.redial.crm.CrmThrottle;
import io.redial.testing.CoreTestApplication;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Two nodes — two budget instances, each with its own connection pool — on one database: together they
 * never put more than the CRM's limit into any window, and both get their share.
 */
@SpringBootTest(classes = CoreTestApplication.class, properties = {
        "redial.encryption-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="})
class SharedBudgetsTests {

    static final CrmRateLimit LIMIT = new CrmRateLimit(20, Duration.ofSeconds(1));
    static final long CONNECTION = 42;

    @Autowired DataSource dataSource;

    @Test
    void twoNodesTogetherStayUnderTheLimitOfOneConnection() throws Exception {
        List<Long> sentA = Collections.synchronizedList(new ArrayList<>());
        List<Long> sentB = Collections.synchronizedList(new ArrayList<>());
        try (HikariDataSource nodeA = pool(); HikariDataSource nodeB = pool()) {
            ExecutorService workers = Executors.newFixedThreadPool(8);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
            for (int i = 0; i < 4; i++) {
                workers.submit(() -> drain(throttle(nodeA), until, sentA));
                workers.submit(() -> drain(throttle(nodeB), until, sentB));
            }
            workers.shutdown();
            assertThat(workers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        List<Long> all = new ArrayList<>(sentA);
        all.addAll(sentB);
        Collections.sort(all);
        long window = TimeUnit.SECONDS.toNanos(1);
        int busiest = 0;
        for (int i = 0; i < all.size(); i++) {
            int j = i;
            while (j < all.size() && all.get(j) - all.get(i) < window) {
                j++;
            }
            busiest = Math.max(busiest, j - i);
        }
        assertThat(busiest).as("requests of both nodes in the busiest second").isLessThanOrEqualTo(LIMIT.requests());
        assertThat(all.size()).as("the budget is used, not just guarded: ~4 s at 90 %% of 20/s").isGreaterThan(50);
        assertThat(sentA.size()).isGreaterThan(10);
        assertThat(sentB.size()).isGreaterThan(10);
    }

    @Test
    void twoNodesMakingAConnectionsFirstBudgetRowsTogetherDoNotDeadlock() throws Exception {
        try (HikariDataSource nodeA = pool(); HikariDataSource nodeB = pool()) {
            SharedBudgets a = new SharedBudgets(JdbcClient.create(nodeA), new DataSourceTransactionManager(nodeA));
            SharedBudgets b = new SharedBudgets(JdbcClient.create(nodeB), new DataSourceTransactionManager(nodeB));
            Map<String, CrmRateLimit> limits = Map.of(CrmThrottle.DEFAULT, LIMIT, "search", new CrmRateLimit(4, Duration.ofSeconds(1)));
            ExecutorService both = Executors.newFixedThreadPool(2);
            for (long connection = 9_000_000 + System.nanoTime() % 1_000_000 * 100, last = connection + 40; connection < last; connection++) {
                long fresh = connection; // no rows yet: both nodes find them missing and make them at once
                var first = both.submit(() -> a.reserve(fresh, limits, "search", Duration.ofSeconds(5)));
                var second = both.submit(() -> b.reserve(fresh, limits, "search", Duration.ofSeconds(5)));
                assertThat(first.get(30, TimeUnit.SECONDS).granted()).isTrue();
                assertThat(second.get(30, TimeUnit.SECONDS).granted()).isTrue();
            }
            both.shutdown();
        }
    }

    private static void drain(CrmThrottle throttle, long until, List<Long> sent) {
        while (System.nanoTime() < until) {
            throttle.acquire(CrmThrottle.DEFAULT);
            sent.add(System.nanoTime());
        }
    }

    private static CrmThrottle throttle(HikariDataSource node) {
        var budgets = new SharedBudgets(JdbcClient.create(node), new DataSourceTransactionManager(node));
        return new ConnectionThrottles(budgets, Clock.systemUTC(), Duration.ofSeconds(5))
                .forConnection(CONNECTION, Map.of(CrmThrottle.DEFAULT, LIMIT));
    }

    /** Another node's own pool on the same schema. */
    private HikariDataSource pool() throws java.sql.SQLException {
        HikariDataSource shared = dataSource.unwrap(HikariDataSource.class);
        HikariDataSource node = new HikariDataSource();
        node.setJdbcUrl(shared.getJdbcUrl());
        node.setUsername(shared.getUsername());
        node.setPassword(shared.getPassword());
        node.setMaximumPoolSize(4);
        return node;
    }
}
