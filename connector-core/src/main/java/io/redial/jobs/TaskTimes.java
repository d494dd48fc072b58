package io.redial.jobs;

import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.JdbcTaskRepositoryContext;
import com.github.kagkarlsson.scheduler.task.Execution;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Task times written to the database with their microseconds, in UTC. MySQL Connector/J drops the fraction of
 * every timestamp it sends to a server that announces a version below 5.6.4, and MariaDB before 11 announces
 * itself as "5.5.5-10.x". So a text paced to 12:00:00.964 was stored as due at 12:00:00: its task ran early,
 * found its slot not yet come and rescheduled itself, over and over, for most of a second. Sent as text, the
 * value keeps its fraction on MySQL and MariaDB alike. Everything else is the detected database's own handling.
 */
final class TaskTimes implements JdbcCustomization {

    private static final DateTimeFormatter UTC_MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private final JdbcCustomization detected;

    TaskTimes(JdbcCustomization detected) {
        this.detected = detected;
    }

    /** The literal a DATETIME(6) column of task times takes, the fraction kept whatever the server announces. */
    static String utcMicros(Instant instant) {
        return UTC_MICROS.format(instant);
    }

    @Override
    public void setInstant(PreparedStatement statement, int index, @Nullable Instant value) throws SQLException {
        if (value == null) {
            detected.setInstant(statement, index, null);
        } else {
            statement.setString(index, utcMicros(value));
        }
    }

    @Override
    public String getName() {
        return detected.getName();
    }

    @Override
    public Instant getInstant(ResultSet rs, String column) throws SQLException {
        return detected.getInstant(rs, column);
    }

    @Override
    public void setTaskData(PreparedStatement statement, int index, byte[] value) throws SQLException {
        detected.setTaskData(statement, index, value);
    }

    @Override
    public byte[] getTaskData(ResultSet rs, String column) throws SQLException {
        return detected.getTaskData(rs, column);
    }

    @Override
    public boolean supportsExplicitQueryLimitPart() {
        return detected.supportsExplicitQueryLimitPart();
    }

    @Override
    public String getQueryLimitPart(int limit) {
        return detected.getQueryLimitPart(limit);
    }

    @Override
    public boolean supportsSingleStatementLockAndFetch() {
        return detected.supportsSingleStatementLockAndFetch();
    }

    @Override
    public List<Execution> lockAndFetchSingleStatement(JdbcTaskRepositoryContext context, Instant now, int limit,
            boolean orderByPriority) {
        return detected.lockAndFetchSingleStatement(context, now, limit, orderByPriority);
    }

    @Override
    public boolean supportsGenericLockAndFetch() {
        return detected.supportsGenericLockAndFetch();
    }

    @Override
    public String createGenericSelectForUpdateQuery(String table, int limit, String requiredAndCondition,
            boolean orderByPriority) {
        return detected.createGenericSelectForUpdateQuery(table, limit, requiredAndCondition, orderByPriority);
    }

    @Override
    public String createSelectDueQuery(String table, int limit, String andCondition, boolean orderByPriority) {
        return detected.createSelectDueQuery(table, limit, andCondition, orderByPriority);
    }
}
