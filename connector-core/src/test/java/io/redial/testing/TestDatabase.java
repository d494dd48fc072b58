package io.redial.testing;

import io.redial.shared.embedded.EmbeddedMariaDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The database server tests run against, chosen as STACK.md says: a JDBC URL from the environment
 * ({@code REDIAL_TEST_DATABASE_URL}, with {@code _USER} and {@code _PASSWORD}); else a Testcontainers MySQL
 * when a Docker engine answers; else an embedded MariaDB. Each Spring context gets its own schema.
 */
public final class TestDatabase {

    private static volatile Server server;

    private TestDatabase() {
    }

    public record Server(String url, String user, String password, String kind) {
        public String urlFor(String schema) {
            String base = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
            String query = url.contains("?") ? url.substring(url.indexOf('?')) : "";
            return (base.endsWith("/") ? base : base + "/") + schema + query;
        }
    }

    public static synchronized Server server() {
        if (server == null) {
            server = choose();
        }
        return server;
    }

    /** A fresh, empty schema with a unique name. */
    public static String createSchema() {
        String schema = "redial_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        return schema;
    }

    public static void dropSchema(String schema) {
        execute("DROP DATABASE IF EXISTS " + schema);
    }

    private static void execute(String sql) {
        Server s = server();
        try (Connection c = DriverManager.getConnection(s.url(), s.user(), s.password());
             Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database (" + s.kind() + "): " + sql, e);
        }
    }

    private static Server choose() {
        String url = System.getenv("REDIAL_TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return new Server(url, env("REDIAL_TEST_DATABASE_USER", "root"), env("REDIAL_TEST_DATABASE_PASSWORD", ""),
                    "from REDIAL_TEST_DATABASE_URL");
        }
        if (dockerLikely()) {
            Server docker = DockerMySql.tryStart();
            if (docker != null) {
                return docker;
            }
        }
        return embedded();
    }

    private static Server embedded() {
        try {
            Path base = Files.createTempDirectory("redial-test-mariadb");
            EmbeddedMariaDb db = EmbeddedMariaDb.start(base.resolve("data"), base.resolve("base"));
            Runtime.getRuntime().addShutdownHook(new Thread(db::close));
            return new Server(db.serverUrl(), "root", "", "embedded MariaDB");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asking Testcontainers costs seconds when no engine runs; only ask when one plausibly does. */
    private static boolean dockerLikely() {
        return System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
