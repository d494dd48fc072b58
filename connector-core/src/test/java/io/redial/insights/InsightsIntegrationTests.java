package io.redial.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.redial.shared.TenantId;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** The dashboard's figures, computed from rows seeded (once: the tests only read) into the real tables of two tenants. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(classes = CoreTestApplication.class, properties = "redial.sandbox.demo-tenant=false")
class InsightsIntegrationTests {

    static final TenantId ACME = new TenantId("ins-acme");
    static final TenantId OTHER = new TenantId("ins-other");
    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @Autowired Insights insights;
    @Autowired Provisioner provisioner;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    LocalDate today;

    @BeforeAll
    void seed() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: ins-acme
                    name: Acme Plumbing & Air
                    timezone: America/Chicago
                    trades: [plumbing, hvac]
                    lines: [{number: "+15125550700", pattern: forwarded}]
                  - id: ins-other
                    name: Other Roofing
                    timezone: America/Chicago
                    trades: [roofing]
                    lines: [{number: "+15125550800", pattern: forwarded}]
                """));
        jdbc.sql("INSERT INTO trade_job_values (tenant_id, trade, average_value) VALUES ('ins-acme', 'plumbing', 400)")
                .update();
        today = LocalDate.now(clock.withZone(CHICAGO));

        // Acme: four missed calls in the window (three texted after 3 s, 5 s and 12 s; two replied), one answered
        // call, one missed call 40 days ago; three booked jobs; two emergencies, one acknowledged after 3 minutes.
        long c1 = call(ACME, "+15125550711", at(2, 9, 15), "MISSED", 20, 3);
        long c2 = call(ACME, "+15125550712", at(2, 14, 40), "MISSED", 0, 5);
        long c3 = call(ACME, "+15125550713", at(5, 20, 5), "MISSED", 18, 12);
        call(ACME, "+15125550714", at(5, 20, 30), "MISSED", 18, null);
        call(ACME, "+15125550715", at(3, 11, 0), "ANSWERED", 5, null);
        call(ACME, "+15125550716", at(40, 10, 0), "MISSED", 18, 2);
        inbound(ACME, "+15125550711", "+15125550700", at(2, 9, 17));
        inbound(ACME, "+15125550713", "+15125550700", at(5, 20, 8));
        long l1 = bookedLead(ACME, c1, "plumbing", at(2, 9, 25));
        bookedLead(ACME, c2, "plumbing", at(2, 14, 50));
        long l3 = bookedLead(ACME, c3, "hvac", at(5, 20, 20));
        long acked = escalation(ACME, l3, at(5, 20, 6));
        step(ACME, acked, l3, "PAGED", at(5, 20, 6));
        step(ACME, acked, l3, "ACKNOWLEDGED", at(5, 20, 9));
        escalation(ACME, l1, at(2, 14, 45));

        // The other tenant: a missed, texted and booked call, and a text from Acme's second caller's number.
        long o1 = call(OTHER, "+15125550811", at(2, 9, 30), "MISSED", 10, 1);
        inbound(OTHER, "+15125550712", "+15125550800", at(2, 15, 0));
        long ol = bookedLead(OTHER, o1, "roofing", at(2, 9, 45));
        escalation(OTHER, ol, at(2, 9, 40));
    }

    @Test
    void countsMissedTextedRepliedAndTheTimeToText() {
        Insights.Summary s = insights.lastDays(ACME, CHICAGO, 30);

        assertThat(s.missedCalls()).isEqualTo(4);
        assertThat(s.texted()).isEqualTo(3);
        assertThat(s.textedShare()).isEqualTo(0.75);
        assertThat(s.replies()).isEqualTo(2); // the other tenant's text from +15125550712 is not Acme's reply
        assertThat(s.medianTimeToText()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.p95TimeToText()).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void countsBookedJobsAndTheirEstimatedValuePerTrade() {
        Insights.Summary s = insights.lastDays(ACME, CHICAGO, 30);

        assertThat(s.booked()).containsExactly(new Insights.TradeJobs("plumbing", 2, new BigDecimal("400.00")),
                new Insights.TradeJobs("hvac", 1, null));
        assertThat(s.bookedJobs()).isEqualTo(3);
        assertThat(s.estimatedValue()).isEqualByComparingTo("800");
    }

    @Test
    void countsEmergenciesAndHowFastTheyWereAcknowledged() {
        Insights.Summary s = insights.lastDays(ACME, CHICAGO, 30);

        assertThat(s.emergencies()).isEqualTo(2);
        assertThat(s.acknowledged()).isEqualTo(1);
        assertThat(s.medianAcknowledgement()).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void spreadsMissedCallsOverTheTenantsDaysAndHours() {
        Insights.Summary s = insights.lastDays(ACME, CHICAGO, 30);

        assertThat(s.byDay()).hasSize(30);
        assertThat(s.byDay().getFirst().day()).isEqualTo(today.minusDays(29));
        assertThat(s.byDay().getLast().day()).isEqualTo(today);
        assertThat(s.byDay()).contains(new Insights.Day(today.minusDays(2), 2, 2, 2),
                new Insights.Day(today.minusDays(5), 2, 1, 1), new Insights.Day(today.minusDays(3), 0, 0, 0));
        assertThat(s.byDay().stream().mapToInt(Insights.Day::missed).sum()).isEqualTo(4);
        assertThat(s.byHour()).hasSize(24);
        assertThat(s.byHour().get(9)).isEqualTo(new Insights.Hour(9, 1, 1));
        assertThat(s.byHour().get(14)).isEqualTo(new Insights.Hour(14, 1, 1));
        assertThat(s.byHour().get(20)).isEqualTo(new Insights.Hour(20, 2, 1));
        assertThat(s.byHour().get(11)).isEqualTo(new Insights.Hour(11, 0, 0)); // the answered call
    }

    @Test
    void anotherTenantSeesOnlyItsOwn() {
        Insights.Summary s = insights.lastDays(OTHER, CHICAGO, 30);

        assertThat(s.missedCalls()).isEqualTo(1);
        assertThat(s.replies()).isZero();
        assertThat(s.booked()).containsExactly(new Insights.TradeJobs("roofing", 1, null));
        assertThat(s.emergencies()).isEqualTo(1);
        assertThat(s.acknowledged()).isZero();
        assertThat(s.medianAcknowledgement()).isNull();
    }

    private Instant at(int daysAgo, int hour, int minute) {
        return today.minusDays(daysAgo).atTime(LocalTime.of(hour, minute)).atZone(CHICAGO).toInstant();
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private long lineOf(TenantId tenant) {
        return jdbc.sql("SELECT id FROM phone_lines WHERE tenant_id = ?").param(tenant.value()).query(Long.class).single();
    }

    private String lineNumber(TenantId tenant) {
        return jdbc.sql("SELECT number FROM phone_lines WHERE tenant_id = ?").param(tenant.value()).query(String.class)
                .single();
    }

    private long callerId(TenantId tenant, String phone) {
        jdbc.sql("INSERT IGNORE INTO callers (tenant_id, phone, created_at) VALUES (?, ?, ?)")
                .params(tenant.value(), phone, utc(clock.instant())).update();
        return jdbc.sql("SELECT id FROM callers WHERE tenant_id = ? AND phone = ?").params(tenant.value(), phone)
                .query(Long.class).single();
    }

    /** A call decided {@code decidedAfter} seconds after it arrived, texted back {@code textedAfter} s later. */
    private long call(TenantId tenant, String from, Instant received, String outcome, int decidedAfter,
            @Nullable Integer textedAfter) {
        Instant decided = received.plusSeconds(decidedAfter);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO calls (tenant_id, line_id, caller_id, call_sid, from_number, to_number, outcome, received_at,
                                   decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenant.value(), lineOf(tenant), callerId(tenant, from), "CA" + UUID.randomUUID(), from,
                        lineNumber(tenant), outcome, utc(received), utc(decided))
                .update(keys);
        long id = keys.getKey().longValue();
        if (textedAfter != null) {
            Instant sent = decided.plusSeconds(textedAfter);
            jdbc.sql("""
                    INSERT INTO messages (tenant_id, call_id, direction, purpose, from_number, to_number, body, send_state,
                                          created_at, sent_at, updated_at)
                    VALUES (?, ?, 'out', 'textback', ?, ?, 'Sorry we missed you', 'SENT', ?, ?, ?)""")
                    .params(tenant.value(), id, lineNumber(tenant), from, utc(decided), utc(sent), utc(sent)).update();
        }
        return id;
    }

    private void inbound(TenantId tenant, String from, String to, Instant at) {
        jdbc.sql("""
                INSERT INTO messages (tenant_id, direction, purpose, from_number, to_number, body, send_state, created_at,
                                      updated_at) VALUES (?, 'in', 'inbound', ?, ?, 'yes please', 'RECEIVED', ?, ?)""")
                .params(tenant.value(), from, to, utc(at), utc(at)).update();
    }

    private long bookedLead(TenantId tenant, long callId, String trade, Instant bookedAt) {
        long caller = jdbc.sql("SELECT caller_id FROM calls WHERE id = ?").param(callId).query(Long.class).single();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO leads (tenant_id, caller_id, call_id, status, trade, created_at, updated_at)
                VALUES (?, ?, ?, 'BOOKED', ?, ?, ?)""")
                .params(tenant.value(), caller, callId, trade, utc(bookedAt), utc(bookedAt)).update(keys);
        long lead = keys.getKey().longValue();
        Instant slot = bookedAt.plus(Duration.ofDays(1));
        jdbc.sql("""
                INSERT INTO bookings (tenant_id, lead_id, slot_start, slot_end, local_day, slot_unit, day_unit, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenant.value(), lead, utc(slot), utc(slot.plus(Duration.ofHours(2))),
                        LocalDate.ofInstant(slot, CHICAGO), lead, lead, utc(bookedAt)).update();
        return lead;
    }

    private long escalation(TenantId tenant, long lead, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO escalations (tenant_id, lead_id, rule_code, summary, state, created_at, updated_at)
                VALUES (?, ?, 'gas-smell', 'smells gas', 'PAGING', ?, ?)""")
                .params(tenant.value(), lead, utc(at), utc(at)).update(keys);
        return keys.getKey().longValue();
    }

    private void step(TenantId tenant, long escalation, long lead, String kind, Instant at) {
        jdbc.sql("""
                INSERT INTO escalation_steps (tenant_id, escalation_id, lead_id, step, kind, on_call, at)
                VALUES (?, ?, ?, 0, ?, '+15125550911', ?)""")
                .params(tenant.value(), escalation, lead, kind, utc(at)).update();
    }
}
