package io.redial.tenants.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.tenants.CallPattern;
import io.redial.tenants.Tenants;
import io.redial.testing.CoreTestApplication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(classes = CoreTestApplication.class, properties = "redial.sandbox.demo-tenant=false")
class ProvisioningIntegrationTests {

    @Autowired Provisioner provisioner;
    @Autowired Tenants tenants;
    @Autowired JdbcClient jdbc;

    @Test
    void loadsTheDesignExampleAndLoadingItAgainChangesNothing() throws IOException {
        List<TenantSpec> specs = ProvisioningFile.parse(example());

        assertThat(provisioner.apply(specs)).isPositive();
        Map<String, List<Map<String, Object>>> before = snapshot();
        assertThat(provisioner.apply(specs)).isZero();
        assertThat(snapshot()).isEqualTo(before);

        var tenant = tenants.find(new TenantId("lone-star")).orElseThrow();
        assertThat(tenant.name()).isEqualTo("Lone Star Home Services");
        assertThat(tenant.staff()).containsExactly(new PhoneNumber("+15125550199"));
        var forwarded = tenants.lineByNumber(new PhoneNumber("+15125550101")).orElseThrow();
        assertThat(forwarded.pattern()).isEqualTo(CallPattern.FORWARDED);
        assertThat(forwarded.forwardedFrom()).isEqualTo(new PhoneNumber("+15125557000"));
        var hours = tenants.hours(tenant);
        assertThat(hours.isOpenAt(Instant.parse("2026-12-01T15:00:00Z"))).isTrue();   // Tue 09:00 Chicago
        assertThat(hours.isOpenAt(Instant.parse("2026-12-06T15:00:00Z"))).isFalse();  // Sunday
        assertThat(hours.isOpenAt(Instant.parse("2026-12-25T15:00:00Z"))).isFalse();  // holiday
        assertThat(tenants.template(tenant.id(), forwarded.id(), "textback.after_hours")).get().asString()
                .startsWith("Hi, this is {business}. We're closed");
    }

    @Test
    void aChangedFileUpdatesOnlyWhatChanged() throws IOException {
        provisioner.apply(ProvisioningFile.parse(example()));
        String changed = example().replace("ring_timeout_seconds: 18", "ring_timeout_seconds: 22");

        assertThat(provisioner.apply(ProvisioningFile.parse(changed))).isEqualTo(1);
        assertThat(tenants.lineByNumber(new PhoneNumber("+15125550100")).orElseThrow().ringTimeoutSeconds()).isEqualTo(22);
    }

    @Test
    void whatAnAdminChangedInTheConsoleSurvivesTheSameFileAndTheFileWinsOnlyWhereItChanges() {
        String file = """
                tenants:
                  - id: console-edits
                    name: Console Edits Plumbing
                    timezone: America/Chicago
                    hours: {mon-fri: "08:00-17:00"}
                    holidays: ["2026-12-25"]
                    lines:
                      - {number: "+15125550170", pattern: dial, ring: ["+15125550179"], ring_timeout_seconds: 18}
                    templates:
                      after_hours: "Hi, this is {business}. We're closed, but reply here and we'll help."
                """;
        provisioner.apply(ProvisioningFile.parse(file));
        // An admin changes the name, a line's ring timeout, the hours and the template in the console.
        jdbc.sql("UPDATE tenants SET name = 'Console Edits Plumbing & Drains' WHERE id = 'console-edits'").update();
        jdbc.sql("UPDATE phone_lines SET ring_timeout_seconds = 25 WHERE number = '+15125550170'").update();
        jdbc.sql("DELETE FROM business_hours WHERE tenant_id = 'console-edits' AND day_of_week = 5").update();
        jdbc.sql("UPDATE message_templates SET body = 'Closed now: reply and we will help.' WHERE tenant_id = 'console-edits'")
                .update();

        assertThat(provisioner.apply(ProvisioningFile.parse(file))).as("the restart with the same file").isZero();
        assertThat(tenants.find(new TenantId("console-edits")).orElseThrow().name()).isEqualTo("Console Edits Plumbing & Drains");
        assertThat(tenants.lineByNumber(new PhoneNumber("+15125550170")).orElseThrow().ringTimeoutSeconds()).isEqualTo(25);
        assertThat(count("SELECT COUNT(*) FROM business_hours WHERE tenant_id = 'console-edits'")).isEqualTo(4);
        assertThat(templateBody()).isEqualTo("Closed now: reply and we will help.");

        String newTemplate = "Hi, this is {business}. Closed for now; reply and we'll call back first thing.";
        provisioner.apply(ProvisioningFile.parse(file.replace("ring_timeout_seconds: 18", "ring_timeout_seconds: 20")
                .replace("Hi, this is {business}. We're closed, but reply here and we'll help.", newTemplate)));

        assertThat(tenants.lineByNumber(new PhoneNumber("+15125550170")).orElseThrow().ringTimeoutSeconds()).isEqualTo(20);
        assertThat(templateBody()).isEqualTo(newTemplate);
        assertThat(tenants.find(new TenantId("console-edits")).orElseThrow().name()).isEqualTo("Console Edits Plumbing & Drains");
        assertThat(count("SELECT COUNT(*) FROM business_hours WHERE tenant_id = 'console-edits'")).isEqualTo(4);
    }

    @Test
    void aFileSetsEveryTextInEnglishAndSpanishAndASpanishTextThatReadsInEnglishIsRefused() {
        String file = """
                tenants:
                  - id: bilingual-co
                    name: Bilingual Plumbing
                    timezone: America/Chicago
                    lines:
                      - {number: "+15125550180", pattern: forwarded}
                    templates:
                      repeat_call: "{business} again: we saw you called again. Reply here."
                      follow_up: "Hi {caller_first_name}, {business} here. Still need a hand? Reply here."
                      es:
                        business_hours: "Hola, habla {business}. Responda aquí o llame al {callback_number}."
                        repeat_call: "{business} otra vez: vimos que llamó de nuevo. Responda aquí."
                """;
        provisioner.apply(ProvisioningFile.parse(file));

        assertThat(jdbc.sql("SELECT kind, body FROM message_templates WHERE tenant_id = 'bilingual-co' ORDER BY kind")
                .query((rs, n) -> rs.getString(1) + "=" + rs.getString(2)).list()).containsExactly(
                "textback.business_hours.es=Hola, habla {business}. Responda aquí o llame al {callback_number}.",
                "textback.follow_up=Hi {caller_first_name}, {business} here. Still need a hand? Reply here.",
                "textback.repeat_call={business} again: we saw you called again. Reply here.",
                "textback.repeat_call.es={business} otra vez: vimos que llamó de nuevo. Responda aquí.");
        assertThatThrownBy(() -> provisioner.apply(ProvisioningFile.parse(file.replace("Hola, habla", "Hola {caller_first_name}, habla"))))
                .isInstanceOf(ProvisioningException.class)
                .hasMessage("tenants[bilingual-co].templates.es.business_hours: {caller_first_name} reads in English, "
                        + "so the Spanish text cannot use it");
        assertThatThrownBy(() -> ProvisioningFile.parse(file.replace("      repeat_call: \"{business} otra", "      callback: \"{business} otra")))
                .isInstanceOf(ProvisioningException.class).hasMessageContaining("tenants[0].templates.es.callback: unknown template");
    }

    private String templateBody() {
        return jdbc.sql("SELECT body FROM message_templates WHERE tenant_id = 'console-edits' AND kind = 'textback.after_hours'")
                .query(String.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void mistakesAreReportedWithTheirPlaceInTheFile() {
        assertThatThrownBy(() -> ProvisioningFile.parse("tenants:\n  - id: x\n    name: X\n    timezone: Mars/Olympus\n"))
                .isInstanceOf(ProvisioningException.class).hasMessageContaining("tenants[0].timezone");
        assertThatThrownBy(() -> ProvisioningFile.parse("""
                tenants:
                  - id: x
                    name: X
                    timezone: America/Chicago
                    lines:
                      - number: "not a number"
                        pattern: dial
                """)).hasMessageContaining("tenants[0].lines[0].number");
        assertThatThrownBy(() -> ProvisioningFile.parse("nope: 1")).hasMessageContaining("tenants:");
    }

    @Test
    void aLineCannotMoveBetweenTenantsSilently() throws IOException {
        provisioner.apply(ProvisioningFile.parse(example()));
        String thief = """
                tenants:
                  - id: other
                    name: Other
                    timezone: America/Chicago
                    lines:
                      - number: "+15125550100"
                        pattern: dial
                """;
        assertThatThrownBy(() -> provisioner.apply(ProvisioningFile.parse(thief)))
                .hasMessageContaining("already belongs to tenant lone-star");
        assertThat(tenants.find(new TenantId("other"))).isEmpty(); // the whole file rolled back
    }

    private Map<String, List<Map<String, Object>>> snapshot() {
        return Map.of(
                "tenants", rows("SELECT * FROM tenants ORDER BY id"),
                "phone_lines", rows("SELECT * FROM phone_lines ORDER BY id"),
                "business_hours", rows("SELECT * FROM business_hours ORDER BY id"),
                "holidays", rows("SELECT * FROM holidays ORDER BY tenant_id, day"),
                "message_templates", rows("SELECT * FROM message_templates ORDER BY id"));
    }

    private List<Map<String, Object>> rows(String sql) {
        return jdbc.sql(sql).query().listOfRows();
    }

    static String example() throws IOException {
        try (var in = ProvisioningIntegrationTests.class.getResourceAsStream("/provisioning/design-example.yml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
