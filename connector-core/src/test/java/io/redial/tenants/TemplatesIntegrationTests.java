package io.redial.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redial.shared.TenantId;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningException;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = CoreTestApplication.class, properties = "redial.sandbox.demo-tenant=false")
class TemplatesIntegrationTests {

    private static final TenantId TENANT = new TenantId("tpl-roofing");

    @Autowired Templates templates;
    @Autowired Tenants tenants;
    @Autowired Provisioner provisioner;

    @BeforeEach
    void provision() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: tpl-roofing
                    name: Hill Country Roofing
                    timezone: America/Chicago
                    lines: [{number: "+15125550600", pattern: dial, ring: ["+15125550699"]}]
                """));
    }

    @Test
    void aGoodTemplateIsSavedAndUsed() {
        templates.save(TENANT, null, TextBackTemplates.BUSINESS_HOURS, "Hi {caller_first_name}, {business} here. What's up?");

        assertThat(tenants.template(TENANT, null, TextBackTemplates.BUSINESS_HOURS)).contains(
                "Hi {caller_first_name}, {business} here. What's up?");
    }

    @Test
    void templatesThatCouldNotBeSentAreRefusedOnSave() {
        assertThatThrownBy(() -> templates.save(TENANT, null, TextBackTemplates.AFTER_HOURS, "x".repeat(300) + " {business}"))
                .hasMessageContaining("3 segments (GSM-7)");
        assertThatThrownBy(() -> templates.save(TENANT, null, TextBackTemplates.AFTER_HOURS,
                "🔥 ".repeat(30) + "{business} is on it! Reply here, or call {callback_number} any time today."))
                .hasMessageContaining("(UCS-2)");
        assertThatThrownBy(() -> templates.save(TENANT, null, TextBackTemplates.AFTER_HOURS, "Hi {name}"))
                .hasMessageContaining("unknown merge field {name}");
        assertThatThrownBy(() -> templates.save(TENANT, null, TextBackTemplates.AFTER_HOURS, "Book: {booking_link}"))
                .hasMessageContaining("{booking_link} has no value");
        assertThat(tenants.template(TENANT, null, TextBackTemplates.AFTER_HOURS)).isEmpty();
    }

    @Test
    void aProvisioningFileWithAnUnsendableTemplateIsRefused() {
        assertThatThrownBy(() -> provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: tpl-roofing
                    name: Hill Country Roofing
                    timezone: America/Chicago
                    lines: [{number: "+15125550600", pattern: dial, ring: ["+15125550699"]}]
                    templates:
                      after_hours: "Hi {nickname}"
                """))).isInstanceOf(ProvisioningException.class).hasMessageContaining("templates.after_hours")
                .hasMessageContaining("{nickname}");
    }
}
