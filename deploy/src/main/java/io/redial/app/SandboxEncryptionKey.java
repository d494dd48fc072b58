package io.redial.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * On the embedded first run (no {@code SPRING_DATASOURCE_URL}) and without {@code REDIAL_ENCRYPTION_KEY}, the
 * key for secrets at rest is kept beside the embedded database, so CRM tokens stored there stay readable
 * after a restart. A real deployment must bring its own key; this never applies to one.
 */
class SandboxEncryptionKey implements EnvironmentPostProcessor, Ordered {

    static final String FILE = "encryption.key";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (env.containsProperty("spring.datasource.url") || !env.getProperty("redial.encryption-key", "").isBlank()) {
            return;
        }
        Path dataDir = Path.of(env.getProperty("redial.data-dir", System.getProperty("user.home") + "/.redial"));
        env.getPropertySources().addLast(new MapPropertySource("sandbox encryption key",
                Map.of("redial.encryption-key", readOrCreate(dataDir.toAbsolutePath().resolve(FILE)))));
    }

    static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Path fresh = Files.createTempFile(file.getParent(), FILE, ".new");
            trySetOwnerOnly(fresh);
            Files.writeString(fresh, Base64.getEncoder().encodeToString(key));
            Files.move(fresh, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the sandbox encryption key at " + file, e);
        }
    }

    private static void trySetOwnerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own protection applies
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after application.yml and the environment are read
    }
}
