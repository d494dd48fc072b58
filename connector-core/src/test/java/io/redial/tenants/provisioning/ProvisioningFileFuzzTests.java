package io.redial.tenants.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer over the provisioning loader, where an agency's file becomes tenants: whatever the bytes, the file is
 * read or refused with a {@link ProvisioningException} naming its place, never another exception. In
 * {@code ./mvnw verify} the stored inputs run once; to fuzz for five minutes:
 * {@code JAZZER_FUZZ=1 ./redial test -pl connector-core -Dtest=ProvisioningFileFuzzTests -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ProvisioningFileFuzzTests {

    @FuzzTest(maxDuration = "5m")
    void aProvisioningFileIsReadOrRefusedWithItsPlace(FuzzedDataProvider data) {
        String yaml = data.consumeBoolean() ? data.consumeRemainingAsString() : """
                tenants:
                  - id: %s
                    name: %s
                    timezone: %s
                    hours: {%s: "%s"}
                    lines:
                      - number: "%s"
                        pattern: %s
                """.formatted(data.consumeString(20), data.consumeString(20), data.consumeString(30), data.consumeString(10),
                data.consumeString(20), data.consumeString(20), data.consumeRemainingAsString());
        try {
            ProvisioningFile.parse(yaml);
        } catch (ProvisioningException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }
}
