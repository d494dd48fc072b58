package io.redial.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.redial.crm.CrmConnection;
import io.redial.crm.CrmGateway;
import io.redial.crm.CrmLead;
import io.redial.crm.CrmRecordRef;
import io.redial.crm.CrmThrottle;
import io.redial.crm.Transcript;
import io.redial.leads.LeadDetails;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A caller's SQL, markup or merge fields reach HubSpot as text: {@code hs_note_body} is HTML, so the note HubSpot
 * receives holds the escaped words ({@code &lt;script&gt;}) and never a tag of the caller's; a contact's
 * properties are plain text and keep the words as written.
 */
class HubSpotMarkupInNotesTests {

    static final FakeHubSpot hubspot = new FakeHubSpot();
    static final HubSpotCrmProvider provider = new HubSpotCrmProvider(
            new HubSpotProperties(FakeHubSpot.CLIENT_ID, FakeHubSpot.CLIENT_SECRET, hubspot.baseUrl(), hubspot.baseUrl(),
                    Duration.ofSeconds(2), Duration.ofSeconds(20)), Clock.systemUTC());
    static final String token = hubspot.issueAccessToken();
    static final AtomicInteger numbers = new AtomicInteger(7000);
    static final URI LINK = URI.create("https://redial.example.com/leads/77");

    @AfterAll
    static void stop() {
        hubspot.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"'); DROP TABLE leads;--", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "{{first_name}} {business_name}", "</p><a href=\"javascript:alert(1)\">call me</a>"})
    void aCallersMarkupIsEscapedInTheNoteAndKeptAsTextOnTheContact(String words) {
        CrmGateway gateway = provider.connect(new CrmConnection(1, new TenantId("markup-tests"), HubSpotCrmProvider.ID,
                "4242", token, Map.of(), CrmThrottle.NONE));
        PhoneNumber phone = new PhoneNumber("+1512555" + numbers.incrementAndGet());
        CrmRecordRef contact = gateway.upsertLead(new CrmLead(77, phone, new LeadDetails("Jo " + words, null, null,
                "no heat " + words, "hvac", null), "Redial (missed call text-back)", LINK), null);
        Instant at = Instant.parse("2026-12-07T15:04:05Z");

        gateway.attachTranscript(contact, new Transcript(9, List.of(new Transcript.Line(at, "receptionist", "What's going on?"),
                new Transcript.Line(at.plusSeconds(20), "caller", "furnace " + words)), LINK));

        String body = hubspot.associatedWith(contact.id()).getFirst().properties().get("hs_note_body");
        String escaped = words.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        assertThat(body).contains("furnace " + escaped);
        assertThat(body.replace("<br>", "")).as("no tag of the caller's").doesNotContain("<script", "<img", "<a ", "</p>");
        assertThat(hubspot.contactsWithPhone(phone)).singleElement()
                .satisfies(c -> assertThat(c.properties().values()).anyMatch(v -> v != null && v.contains(words)));
    }
}
