package io.redial.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.testing.CoreTestApplication;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The application's transactions, on the real database: JDBC's meaning, one round trip fewer. */
@SpringBootTest(classes = CoreTestApplication.class, properties = "redial.sandbox.demo-tenant=false")
class ExplicitTransactionsIntegrationTests {

    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    @BeforeEach
    void probeTable() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS explicit_tx_probe (id BIGINT PRIMARY KEY)").update();
        jdbc.sql("DELETE FROM explicit_tx_probe").update();
    }

    @Test
    void aTransactionCostsABeginAndACommitAndNoSessionSettings() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            long settingsBefore = sessionCount(connection, "Com_set_option");
            long beginsBefore = sessionCount(connection, "Com_begin");

            connection.setAutoCommit(false);
            insert(connection, 1);
            assertThat(value(connection, "SELECT @@autocommit")).as("the session stays in autocommit").isOne();
            assertThat(rows()).as("not committed yet").isZero();
            connection.commit();
            assertThat(rows()).isOne();
            connection.setAutoCommit(true);

            assertThat(sessionCount(connection, "Com_set_option")).as("no SET autocommit either way")
                    .isEqualTo(settingsBefore);
            assertThat(sessionCount(connection, "Com_begin")).isEqualTo(beginsBefore + 1);
            insert(connection, 2);
            assertThat(rows()).as("autocommit again").isEqualTo(2);
        }
    }

    @Test
    void springTransactionsCommitAndRollBackAsBefore() {
        var template = new TransactionTemplate(transactions);
        template.executeWithoutResult(tx -> {
            jdbc.sql("INSERT INTO explicit_tx_probe VALUES (1)").update();
            assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT @@autocommit", Long.class)).isOne();
        });
        template.executeWithoutResult(tx -> {
            jdbc.sql("INSERT INTO explicit_tx_probe VALUES (2)").update();
            tx.setRollbackOnly();
        });
        assertThat(ids()).containsExactly(1L);
    }

    @Test
    void afterACommitTheNextStatementBeginsAnotherTransaction() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            insert(connection, 1);
            connection.commit();
            assertThat(connection.getAutoCommit()).isFalse();
            insert(connection, 2);
            assertThat(rows()).as("the second insert waits for its commit").isOne();
            connection.rollback();
            connection.setAutoCommit(true);
        }
        assertThat(ids()).containsExactly(1L);
    }

    @Test
    void aConnectionGivenBackMidTransactionIsRolledBackNotLentOutOpen() throws SQLException {
        long session;
        try (Connection connection = dataSource.getConnection()) {
            session = value(connection, "SELECT CONNECTION_ID()");
            connection.setAutoCommit(false);
            insert(connection, 1);
        }
        // InnoDB refreshes what innodb_trx shows at most every 0.1 s.
        await().atMost(Duration.ofSeconds(2)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM information_schema.innodb_trx WHERE trx_mysql_thread_id = ?")
                .param(session).query(Long.class).single() == 0);
        assertThat(rows()).isZero();
    }

    @Test
    void aTransactionWithoutStatementsNeverReachesTheServer() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            long beginsBefore = sessionCount(connection, "Com_begin");
            long commitsBefore = sessionCount(connection, "Com_commit");
            connection.setAutoCommit(false);
            connection.commit();
            connection.setAutoCommit(true);
            assertThat(sessionCount(connection, "Com_begin")).isEqualTo(beginsBefore);
            assertThat(sessionCount(connection, "Com_commit")).isEqualTo(commitsBefore);
        }
    }

    private List<Long> ids() {
        return jdbc.sql("SELECT id FROM explicit_tx_probe ORDER BY id").query(Long.class).list();
    }

    private long rows() {
        return jdbc.sql("SELECT COUNT(*) FROM explicit_tx_probe").query(Long.class).single();
    }

    private static void insert(Connection connection, long id) throws SQLException {
        try (var insert = connection.prepareStatement("INSERT INTO explicit_tx_probe VALUES (?)")) {
            insert.setLong(1, id);
            insert.executeUpdate();
        }
    }

    private static long sessionCount(Connection connection, String counter) throws SQLException {
        try (Statement statement = connection.createStatement();
                var rs = statement.executeQuery("SHOW SESSION STATUS LIKE '" + counter + "'")) {
            rs.next();
            return rs.getLong(2);
        }
    }

    private static long value(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

