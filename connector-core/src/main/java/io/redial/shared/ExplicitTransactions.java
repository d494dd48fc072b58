package io.redial.shared;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Transactions as {@code START TRANSACTION} … {@code COMMIT} on a session that stays in autocommit, instead of
 * the JDBC way ({@code SET autocommit=0} … {@code COMMIT}, {@code SET autocommit=1}): one round trip fewer per
 * transaction, and none at all for a transaction that runs no statement. A missed call's webhook and its
 * text-back decision are a transaction each: this takes a call from 19 round trips to 17 (README, "Load harness").
 *
 * <p>To its user a connection behaves as JDBC says: {@code setAutoCommit(false)} begins (the
 * {@code START TRANSACTION} goes with the first statement), {@code commit()}/{@code rollback()} end the
 * transaction and the next statement begins another, {@code setAutoCommit(true)} commits. A connection given
 * back with a transaction still open is rolled back first, so the pool never lends one out. Savepoints are not
 * offered (nothing here uses them).
 */
@Configuration(proxyBeanMethods = false)
class ExplicitTransactions {

    @Bean
    static BeanPostProcessor explicitTransactionsForDataSources() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource ds && !(bean instanceof ExplicitTransactionDataSource)
                        ? new ExplicitTransactionDataSource(ds) : bean;
            }
        };
    }

    /** The pool, with each connection it lends wrapped. */
    static final class ExplicitTransactionDataSource extends DelegatingDataSource implements AutoCloseable {

        ExplicitTransactionDataSource(DataSource pool) {
            super(pool);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return wrap(obtainTargetDataSource().getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return wrap(obtainTargetDataSource().getConnection(username, password));
        }

        /** Closes the pool when the application context closes, as the unwrapped bean would have been. */
        @Override
        public void close() throws Exception {
            if (obtainTargetDataSource() instanceof AutoCloseable pool) {
                pool.close();
            }
        }

        private static Connection wrap(Connection connection) {
            return (Connection) Proxy.newProxyInstance(ExplicitTransactions.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, new ExplicitTransactionConnection(connection));
        }
    }

    private static final class ExplicitTransactionConnection implements InvocationHandler {

        private final Connection target;
        /** The user turned autocommit off: statements belong to a transaction until commit or rollback. */
        private boolean manual;
        /** {@code START TRANSACTION} went to the server, and no {@code COMMIT} or {@code ROLLBACK} yet. */
        private boolean open;

        ExplicitTransactionConnection(Connection target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "setAutoCommit" -> {
                    boolean on = (Boolean) args[0];
                    if (!on && !manual && target.getAutoCommit()) {
                        manual = true;
                    } else if (on && manual) {
                        end("COMMIT");
                        manual = false;
                    } else if (!manual) {
                        target.setAutoCommit(on); // the pool's connection was not in autocommit: plain JDBC
                    }
                    return null;
                }
                case "getAutoCommit" -> {
                    return !manual && target.getAutoCommit();
                }
                case "commit", "rollback" -> {
                    if (args != null) {
                        throw new SQLFeatureNotSupportedException("savepoints are not offered");
                    }
                    if (!manual) {
                        return invokeOnTarget(method, args);
                    }
                    end(method.getName().equals("commit") ? "COMMIT" : "ROLLBACK");
                    return null;
                }
                case "setSavepoint", "releaseSavepoint" ->
                    throw new SQLFeatureNotSupportedException("savepoints are not offered");
                case "close" -> {
                    try {
                        end("ROLLBACK");
                    } finally {
                        manual = false;
                        target.close();
                    }
                    return null;
                }
                default -> {
                    Object result = invokeOnTarget(method, args);
                    return result instanceof Statement statement ? wrap(statement, (Connection) proxy) : result;
                }
            }
        }

        /** Ends the open transaction, if there is one. */
        private void end(String how) throws SQLException {
            if (open) {
                open = false;
                try (Statement statement = target.createStatement()) {
                    statement.execute(how);
                }
            }
        }

        /** Begins the transaction the user asked for, with its first statement. */
        private void beginIfWanted() throws SQLException {
            if (manual && !open) {
                try (Statement statement = target.createStatement()) {
                    statement.execute("START TRANSACTION");
                }
                open = true;
            }
        }

        private Object wrap(Statement statement, Connection owner) {
            Class<?> type = statement instanceof CallableStatement ? CallableStatement.class
                    : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
            return Proxy.newProxyInstance(ExplicitTransactions.class.getClassLoader(), new Class<?>[] {type},
                    (proxy, method, args) -> {
                        if (method.getName().startsWith("execute")) {
                            beginIfWanted();
                        } else if (method.getName().equals("getConnection")) {
                            return owner;
                        }
                        return invokeOnTarget(statement, method, args);
                    });
        }

        private Object invokeOnTarget(Method method, Object[] args) throws Throwable {
            return invokeOnTarget(target, method, args);
        }

        private static Object invokeOnTarget(Object target, Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
