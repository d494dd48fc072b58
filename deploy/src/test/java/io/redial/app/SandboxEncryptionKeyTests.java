package io.redial.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class SandboxEncryptionKeyTests {

    @TempDir Path dataDir;

    @Test
    void theEmbeddedRunKeepsOneKeyBesideItsDatabaseAcrossRestarts() throws Exception {
        String first = keyAfterStart(Map.of("redial.data-dir", dataDir.toString()));
        String second = keyAfterStart(Map.of("redial.data-dir", dataDir.toString()));

        assertThat(Base64.getDecoder().decode(first)).hasSize(32);
        assertThat(second).isEqualTo(first);
        assertThat(Files.readString(dataDir.resolve(SandboxEncryptionKey.FILE)).strip()).isEqualTo(first);
        assertThat(Files.getPosixFilePermissions(dataDir.resolve(SandboxEncryptionKey.FILE)).toString())
                .isEqualTo("[OWNER_READ, OWNER_WRITE]");
    }

    @Test
    void aGivenKeyOrARealDatabaseIsLeftAlone() {
        assertThat(keyAfterStart(Map.of("redial.data-dir", dataDir.toString(), "redial.encryption-key", "given")))
                .isEqualTo("given");
        assertThat(keyAfterStart(Map.of("redial.data-dir", dataDir.toString(),
                "spring.datasource.url", "jdbc:mysql://db/redial"))).isNull();
        assertThat(dataDir.resolve(SandboxEncryptionKey.FILE)).doesNotExist();
    }

    private static String keyAfterStart(Map<String, Object> properties) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new SandboxEncryptionKey().postProcessEnvironment(env, new SpringApplication());
        return env.getProperty("redial.encryption-key");
    }
}
