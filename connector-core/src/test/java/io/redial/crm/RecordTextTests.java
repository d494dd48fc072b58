package io.redial.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.redial.leads.LeadDetails;
import io.redial.leads.Urgency;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The wording every CRM receives: local times as an office writes them, the job card first. */
class RecordTextTests {

    static final ZoneId AUSTIN = ZoneId.of("America/Chicago");

    @Test
    void aWindowReadsAsTheOfficeWritesItInTheTenantsZone() {
        assertThat(RecordText.window(Instant.parse("2026-12-08T19:00:00Z"), Instant.parse("2026-12-08T21:00:00Z"), AUSTIN))
                .isEqualTo("Tue Dec 8, 1–3 PM CST");
        assertThat(RecordText.window(Instant.parse("2026-12-08T17:30:00Z"), Instant.parse("2026-12-08T19:00:00Z"), AUSTIN))
                .isEqualTo("Tue Dec 8, 11:30 AM–1 PM CST");
        assertThat(RecordText.window(Instant.parse("2026-07-08T05:00:00Z"), Instant.parse("2026-07-08T07:00:00Z"), AUSTIN))
                .isEqualTo("Wed Jul 8, 12–2 AM CDT");
        assertThat(RecordText.window(Instant.parse("2026-12-09T05:00:00Z"), Instant.parse("2026-12-09T07:00:00Z"), AUSTIN))
                .isEqualTo("Tue Dec 8, 11 PM – Wed Dec 9, 1 AM CST");
        assertThat(RecordText.at(Instant.parse("2026-12-08T19:05:00Z"), AUSTIN)).isEqualTo("Tue Dec 8, 1:05 PM CST");
        assertThat(RecordText.at(Instant.parse("2026-12-08T19:05:00Z"), java.time.ZoneOffset.UTC)).isEqualTo("Tue Dec 8, 7:05 PM UTC");
    }

    @Test
    void theJobCardSaysWhoWhereWhatHowUrgentAndWhen() {
        var details = new LeadDetails("Dana Whitfield", "1200 Barton Springs Rd", true, "AC rattling", "hvac", Urgency.ROUTINE);

        assertThat(RecordText.jobCard(details, Instant.parse("2026-12-08T19:00:00Z"), Instant.parse("2026-12-08T21:00:00Z"), AUSTIN))
                .isEqualTo("""
                        Name: Dana Whitfield
                        Address: 1200 Barton Springs Rd
                        Trade: HVAC
                        Problem: AC rattling
                        Urgency: Routine
                        Window: Tue Dec 8, 1–3 PM CST""");
        assertThat(RecordText.jobCard(new LeadDetails(null, null, null, "leak", "plumbing", null), null, null, AUSTIN))
                .isEqualTo("Trade: Plumbing\nProblem: leak");
    }

    @Test
    void anEmergencySaysSoInItsTitle() {
        assertThat(RecordText.title("Burst pipe", new LeadDetails(null, null, null, null, null, Urgency.EMERGENCY)))
                .isEqualTo("EMERGENCY: Burst pipe");
        assertThat(RecordText.title("Burst pipe", LeadDetails.NONE)).isEqualTo("Burst pipe");
    }
}
