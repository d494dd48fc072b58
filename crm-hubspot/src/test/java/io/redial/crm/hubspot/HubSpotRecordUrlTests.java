package io.redial.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.redial.crm.CrmConnection;
import io.redial.crm.CrmGateway;
import io.redial.crm.CrmItemResult;
import io.redial.crm.CrmLead;
import io.redial.crm.CrmRecordRef;
import io.redial.crm.CrmThrottle;
import io.redial.crm.JobRequest;
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
import org.junit.jupiter.api.Test;

/**
 * The page HubSpot's answers name for a contact or deal (the spec's optional {@code url}): kept with the record
 * when it is a page on hubspot.com, preferred by {@link HubSpotCrmProvider#recordLink}. Own fake: it answers urls.
 */
class HubSpotRecordUrlTests {

    static final String EU = "https://app-eu1.hubspot.com";
    static final FakeHubSpot hubspot = new FakeHubSpot();
    static final HubSpotCrmProvider provider = new HubSpotCrmProvider(
            new HubSpotProperties(FakeHubSpot.CLIENT_ID, FakeHubSpot.CLIENT_SECRET, hubspot.baseUrl(), "https://app.hubspot.com",
                    Duration.ofSeconds(2), Duration.ofSeconds(20)), Clock.systemUTC());
    static final String token = hubspot.issueAccessToken();
    static final AtomicInteger numbers = new AtomicInteger(3000);
    static final URI LINK = URI.create("https://redial.example.com/leads/32");

    static {
        hubspot.limitRequests(100_000, 100_000);
        hubspot.answerRecordUrlsOn(EU);
    }

    @AfterAll
    static void stop() {
        hubspot.close();
    }

    @Test
    void contactsAndDealsKeepThePageHubSpotNamedOnTheirPortalsDataCentre() {
        CrmRecordRef created = gateway().upsertLead(lead(freshPhone()), null);
        PhoneNumber known = freshPhone();
        String seeded = hubspot.seedContact(Map.of("firstname", "Old", "phone", known.e164()));
        CrmRecordRef found = gateway().findCustomer(known).orElseThrow();
        CrmRecordRef deal = gateway().bookJob(created, job());
        CrmItemResult batchDeal = gateway().bookJobs(List.of(new CrmGateway.JobWrite(created, job(), lead(freshPhone())))).getFirst();
        CrmItemResult note = gateway().attachTranscripts(List.of(new CrmGateway.TranscriptWrite(created,
                new Transcript(5, List.of(new Transcript.Line(Instant.parse("2026-12-01T15:00:00Z"), "caller", "hi")), LINK),
                lead(freshPhone())))).getFirst();

        assertThat(found.link()).as("a search answer names it too").isEqualTo(page("0-1", seeded));
        assertThat(created.link()).isEqualTo(page("0-1", created.id()));
        assertThat(deal.link()).isEqualTo(page("0-3", deal.id()));
        assertThat(batchDeal.record().link()).isEqualTo(page("0-3", batchDeal.record().id()));
        assertThat(note.record().link()).as("a note shows on the contact").isNull();
        assertThat(provider.recordLink(created, "4242")).contains(page("0-1", created.id()));
        assertThat(provider.recordLink(deal, "4242")).contains(page("0-3", deal.id()));
    }

    @Test
    void aBatchOfNewLeadsKeepsEachContactsPage() {
        List<CrmItemResult> contacts = gateway().upsertLeads(List.of(
                new CrmGateway.ContactWrite(lead(freshPhone()), null), new CrmGateway.ContactWrite(lead(freshPhone()), null)));

        assertThat(contacts).allSatisfy(c -> assertThat(c.record().link()).isEqualTo(page("0-1", c.record().id())));
        CrmRecordRef again = gateway().upsertLead(lead(freshPhone()), new CrmRecordRef("contact",
                contacts.getFirst().record().id()));
        assertThat(again.link()).as("an update's answer names the page too").isEqualTo(page("0-1", again.id()));
    }

    @Test
    void aLinkThatIsNoHubSpotPageIsNeitherKeptNorShown() {
        for (String hostile : List.of("http://app-eu1.hubspot.com/contacts/4242/record/0-1/1",
                "https://app-eu1.hubspot.com.evil.example/contacts/4242/record/0-1/1",
                "https://evilhubspot.com/contacts/4242/record/0-1/1",
                "https://someone@app.hubspot.com/contacts/4242/record/0-1/1",
                "https://app.hubspot.com:8443/contacts/4242/record/0-1/1",
                "javascript:alert(1)//hubspot.com")) {
            assertThat(provider.recordLink(new CrmRecordRef("contact", "1", URI.create(hostile)), "4242")).as(hostile)
                    .contains(URI.create("https://app.hubspot.com/contacts/4242/record/0-1/1"));
        }
        assertThat(provider.recordLink(new CrmRecordRef("note", "1", URI.create(EU + "/contacts/4242/record/0-1/1")), "4242"))
                .as("only contacts and deals open a page").isEmpty();
        assertThat(provider.recordLink(new CrmRecordRef("contact", "1", URI.create(EU + "/contacts/4242/record/0-1/1")), null))
                .as("the stored page needs no portal id").contains(URI.create(EU + "/contacts/4242/record/0-1/1"));
    }

    @Test
    void anAnswerNamingAPageOffHubSpotKeepsNoLink() {
        FakeHubSpot elsewhere = new FakeHubSpot();
        try {
            elsewhere.answerRecordUrlsOn("https://hubspot.com.evil.example");
            HubSpotCrmProvider other = new HubSpotCrmProvider(new HubSpotProperties(FakeHubSpot.CLIENT_ID,
                    FakeHubSpot.CLIENT_SECRET, elsewhere.baseUrl(), "https://app.hubspot.com", Duration.ofSeconds(2),
                    Duration.ofSeconds(20)), Clock.systemUTC());
            CrmRecordRef contact = other.connect(new CrmConnection(1, new TenantId("url-tests"), HubSpotCrmProvider.ID, "4242",
                    elsewhere.issueAccessToken(), Map.of(), CrmThrottle.NONE)).upsertLead(lead(freshPhone()), null);

            assertThat(contact.link()).isNull();
            assertThat(other.recordLink(contact, "4242"))
                    .contains(URI.create("https://app.hubspot.com/contacts/4242/record/0-1/" + contact.id()));
        } finally {
            elsewhere.close();
        }
    }

    private static URI page(String objectType, String id) {
        return URI.create(EU + "/contacts/" + FakeHubSpot.HUB_ID + "/record/" + objectType + "/" + id);
    }

    private static CrmGateway gateway() {
        return provider.connect(new CrmConnection(1, new TenantId("url-tests"), HubSpotCrmProvider.ID, "4242", token,
                Map.of(), CrmThrottle.NONE));
    }

    private static JobRequest job() {
        return new JobRequest(32, Instant.parse("2026-12-01T15:00:00Z"), Instant.parse("2026-12-01T17:00:00Z"),
                "Furnace repair", "12 Elm St", LINK);
    }

    private static CrmLead lead(PhoneNumber phone) {
        return new CrmLead(32, phone, new LeadDetails("Dana", null, null, "no heat", "hvac", null), "Redial (missed call text-back)", LINK);
    }

    private static PhoneNumber freshPhone() {
        return new PhoneNumber("+1512555" + numbers.incrementAndGet());
    }
}
