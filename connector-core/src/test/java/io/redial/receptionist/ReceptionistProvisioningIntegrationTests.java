package io.redial.receptionist;

import static org.assertj.core.api.Assertions.assertThat;

import io.redial.shared.TenantId;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/** The optional receptionist block of the provisioning file; the DESIGN example still loads unchanged. */
// Own context: the shared scheduler bean cannot restart after Spring pauses a cached context.
@SpringBootTest(classes = CoreTestApplication.class, properties = {"redial.llm.base-url=", "redial.sandbox.demo-tenant=false"})
@DirtiesContext
class ReceptionistProvisioningIntegrationTests {

    static final String WITH_RECEPTIONIST = """
            tenants:
              - id: windows-co
                name: Windows Co
                timezone: America/Chicago
                lines:
                  - number: "+15125550806"
                    pattern: forwarded
                receptionist:
                  disclosure: true
                  turn_cap: 12
                  daily_capacity: 4
                  windows: {mon-fri: "08:00-12:00,13:00-17:00", sat: "09:00-12:00"}
                  window_capacity: 2
            """;

    @Autowired Provisioner provisioner;
    @Autowired ReceptionistProvisioning receptionist;
    @Autowired ReceptionistProfiles profiles;
    @Autowired JdbcClient jdbc;

    @Test
    void appliesTheReceptionistBlockOnceAndIdempotently() {
        provisioner.apply(ProvisioningFile.parse(WITH_RECEPTIONIST));
        receptionist.apply(WITH_RECEPTIONIST);
        String stamp = jdbc.sql("SELECT updated_at FROM receptionist_settings WHERE tenant_id = 'windows-co'").query(String.class).single();

        receptionist.apply(WITH_RECEPTIONIST);

        assertThat(profiles.settings(new TenantId("windows-co"))).isEqualTo(new ReceptionistSettings(true, 12, 30, 4, 7));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM booking_windows WHERE tenant_id = 'windows-co' AND capacity = 2")
                .query(Long.class).single()).isEqualTo(11);
        assertThat(jdbc.sql("SELECT updated_at FROM receptionist_settings WHERE tenant_id = 'windows-co'").query(String.class).single())
                .isEqualTo(stamp);
    }

    @Test
    void whatAnAdminChangedInTheConsoleSurvivesTheSameFileAndTheFileWinsWhereItChanged() {
        String file = WITH_RECEPTIONIST.replace("windows-co", "console-co").replace("+15125550806", "+15125550807");
        TenantId tenant = new TenantId("console-co");
        provisioner.apply(ProvisioningFile.parse(file));
        receptionist.apply(file);
        // the admin, in the console: no disclosure, a higher turn cap, a longer idle time, their own windows
        profiles.saveSettings(tenant, new ReceptionistSettings(false, 25, 45, 4, 7));
        jdbc.sql("UPDATE booking_windows SET capacity = 3 WHERE tenant_id = 'console-co'").update();

        provisioner.apply(ProvisioningFile.parse(file)); // a restart with the same file
        receptionist.apply(file);
        assertThat(profiles.settings(tenant)).isEqualTo(new ReceptionistSettings(false, 25, 45, 4, 7));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM booking_windows WHERE tenant_id = 'console-co' AND capacity = 3")
                .query(Long.class).single()).isEqualTo(11);

        String edited = file.replace("turn_cap: 12", "turn_cap: 15"); // the file now says something new of one setting
        receptionist.apply(edited);
        assertThat(profiles.settings(tenant)).isEqualTo(new ReceptionistSettings(false, 15, 45, 4, 7));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM booking_windows WHERE tenant_id = 'console-co' AND capacity = 3")
                .query(Long.class).single()).isEqualTo(11);
    }

    @Test
    void theDesignExampleWithoutAReceptionistBlockChangesNothing() throws IOException {
        String design = new String(getClass().getResourceAsStream("/provisioning/design-example.yml").readAllBytes(), StandardCharsets.UTF_8);
        provisioner.apply(ProvisioningFile.parse(design));

        receptionist.apply(design);

        assertThat(profiles.settings(new TenantId("lone-star"))).isEqualTo(ReceptionistSettings.DEFAULTS);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM receptionist_settings WHERE tenant_id = 'lone-star'").query(Long.class).single()).isZero();
    }
}
