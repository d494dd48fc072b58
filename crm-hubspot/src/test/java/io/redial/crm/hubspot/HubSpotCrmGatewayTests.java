package io.redial.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redial.crm.CallLog;
import io.redial.crm.CrmConnection;
import io.redial.crm.CrmGateway;
import io.redial.crm.CrmItemResult;
import io.redial.crm.CrmLead;
import io.redial.crm.CrmRecordRef;
import io.redial.crm.CrmThrottle;
import io.redial.crm.CrmUnavailable;
import io.redial.crm.FollowUpTask;
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

/** What the HubSpot adapter writes, checked in the fake's records. */
class HubSpotCrmGatewayTests {

    static final FakeHubSpot hubspot = new FakeHubSpot();
    static final HubSpotCrmProvider provider = new HubSpotCrmProvider(
            new HubSpotProperties(FakeHubSpot.CLIENT_ID, FakeHubSpot.CLIENT_SECRET, hubspot.baseUrl(), hubspot.baseUrl(),
                    Duration.ofSeconds(2), Duration.ofSeconds(20)), Clock.systemUTC());
    static final String token = hubspot.issueAccessToken();
    static final AtomicInteger numbers = new AtomicInteger(2000);
    static final URI LINK = URI.create("https://redial.example.com/leads/31");

    static {
        hubspot.limitRequests(100_000, 100_000);
    }

    @AfterAll
    static void stop() {
        hubspot.close();
    }

    @Test
    void contactsAndDealsLinkToTheirRecordInTheInstallingPortal() {
        String app = hubspot.baseUrl(); // the app host is the auth base URL, here the fake
        assertThat(provider.recordLink(new CrmRecordRef("contact", "501"), "4711"))
                .contains(URI.create(app + "/contacts/4711/record/0-1/501"));
        assertThat(provider.recordLink(new CrmRecordRef("deal", "77"), "4711"))
                .contains(URI.create(app + "/contacts/4711/record/0-3/77"));
        assertThat(provider.recordLink(new CrmRecordRef("note", "9"), "4711")).as("shown on the contact").isEmpty();
        assertThat(provider.recordLink(new CrmRecordRef("contact", "501"), null)).as("portal unknown").isEmpty();
    }

    @Test
    void findsAContactWhoseNumberWasTypedInNationalFormat() {
        PhoneNumber phone = freshPhone();
        String existing = hubspot.seedContact(Map.of("firstname", "Old", "lastname", "Customer",
                "phone", "(512) 555-" + phone.e164().substring(8), "lifecyclestage", "customer"));

        CrmRecordRef ref = gateway(Map.of()).upsertLead(lead(phone, "Dana Ortiz"), null);

        assertThat(ref.id()).isEqualTo(existing);
        assertThat(hubspot.contactsWithPhone(phone)).singleElement()
                .satisfies(c -> assertThat(c.properties()).containsEntry("lifecyclestage", "customer")
                        .containsEntry("firstname", "Dana"));
    }

    @Test
    void findsAContactByAMobileNumberWithDots() {
        PhoneNumber phone = freshPhone();
        String existing = hubspot.seedContact(Map.of("mobilephone", "512." + phone.e164().substring(5, 8) + "." + phone.e164().substring(8)));

        assertThat(gateway(Map.of()).findCustomer(phone)).contains(new CrmRecordRef("contact", existing));
    }

    @Test
    void createsANewContactWithTheNumberInE164AsANewLead() {
        PhoneNumber phone = freshPhone();

        gateway(Map.of()).upsertLead(lead(phone, "Dana Maria Ortiz"), null);

        assertThat(hubspot.contactsWithPhone(phone)).singleElement().satisfies(c -> assertThat(c.properties())
                .containsEntry("phone", phone.e164()).containsEntry("firstname", "Dana").containsEntry("lastname", "Maria Ortiz")
                .containsEntry("lifecyclestage", "lead").containsEntry("hs_lead_status", "NEW"));
    }

    @Test
    void aCallerWhoseNameIsNotKnownYetIsNamedByNumberUntilAnnaLearnsIt() {
        PhoneNumber phone = freshPhone();
        CrmRecordRef created = gateway(Map.of()).upsertLead(lead(phone, null), null);
        String national = "(" + phone.e164().substring(2, 5) + ") " + phone.e164().substring(5, 8) + "-" + phone.e164().substring(8);

        assertThat(hubspot.contactsWithPhone(phone)).singleElement().satisfies(c -> assertThat(c.properties())
                .containsEntry("firstname", "Missed call " + national));
        assertThat(gateway(Map.of()).lookUpCustomer(phone)).as("never greeted by the stand-in")
                .hasValueSatisfying(c -> assertThat(c.firstName()).isNull());

        gateway(Map.of()).upsertLead(lead(phone, "Dana"), created);

        assertThat(hubspot.contactsWithPhone(phone)).singleElement().satisfies(c -> assertThat(c.properties())
                .containsEntry("firstname", "Dana"));
    }

    @Test
    void aContactMergedInHubSpotIsFollowedToTheSurvivingRecord() {
        PhoneNumber phone = freshPhone();
        CrmRecordRef ours = gateway(Map.of()).upsertLead(lead(phone, null), null);
        String survivor = hubspot.seedContact(Map.of("phone", phone.e164(), "firstname", "Dana", "lastname", "Ortiz"));
        hubspot.mergeContacts(ours.id(), survivor);

        CrmRecordRef again = gateway(Map.of()).upsertLead(lead(phone, "Dana Ortiz"), ours);

        assertThat(again).isEqualTo(new CrmRecordRef("contact", survivor));
        assertThat(hubspot.contactsWithPhone(phone)).singleElement().satisfies(c -> assertThat(c.id()).isEqualTo(survivor));
    }

    @Test
    void lookingUpACustomerSearchesOnce() {
        PhoneNumber phone = freshPhone();
        hubspot.seedContact(Map.of("phone", phone.e164(), "firstname", "Dana", "lastname", "Ortiz"));
        int before = hubspot.crmRequests();

        var customer = gateway(Map.of()).lookUpCustomer(phone);

        assertThat(customer).hasValueSatisfying(c -> assertThat(c.fullName()).isEqualTo("Dana Ortiz"));
        assertThat(hubspot.crmRequests() - before).isOne();
    }

    @Test
    void aKnownContactIsUpdatedWithoutSearchingSoTheIndexDelayCannotDuplicateIt() {
        PhoneNumber phone = freshPhone();
        CrmRecordRef created = gateway(Map.of()).upsertLead(lead(phone, null), null);
        hubspot.searchIndexLag(Duration.ofMinutes(1));
        try {
            CrmRecordRef again = gateway(Map.of()).upsertLead(lead(phone, "Dana Ortiz"), created);

            assertThat(again).isEqualTo(created);
            assertThat(hubspot.contactsWithPhone(phone)).hasSize(1);
        } finally {
            hubspot.searchIndexLag(Duration.ZERO);
        }
    }

    @Test
    void logsTheMissedCallAsAnInboundCallAssociatedWithTheContact() {
        PhoneNumber phone = freshPhone();
        CrmRecordRef contact = gateway(Map.of()).upsertLead(lead(phone, null), null);

        CrmRecordRef call = gateway(Map.of()).logCall(contact, new CallLog(9, phone, new PhoneNumber("+15125550100"),
                Instant.parse("2026-11-25T15:04:05Z"), "Call (missed); Redial texted the caller back.", LINK));

        var stored = hubspot.associatedWith(contact.id()).getFirst();
        assertThat(call).isEqualTo(new CrmRecordRef("call", stored.id()));
        assertThat(stored.type()).isEqualTo("calls");
        assertThat(stored.associations()).singleElement().extracting(FakeHubSpot.Association::typeId).isEqualTo(194);
        assertThat(stored.properties()).containsEntry("hs_call_direction", "INBOUND").containsEntry("hs_call_status", "NO_ANSWER")
                .containsEntry("hs_call_from_number", phone.e164())
                .containsEntry("hs_timestamp", "2026-11-25T15:04:05.009Z"); // the call id in the milliseconds: the retry marker
        assertThat(stored.properties().get("hs_call_body")).contains("Lead in Redial: " + LINK).contains("Source: Redial");
    }

    @Test
    void theTranscriptIsANoteWithEveryText() {
        PhoneNumber phone = freshPhone();
        CrmRecordRef contact = gateway(Map.of()).upsertLead(lead(phone, null), null);
        Instant at = Instant.parse("2026-11-25T15:04:05Z");

        gateway(Map.of()).attachTranscript(contact, new Transcript(5, List.of(
                new Transcript.Line(at, "receptionist", "What's going on?"),
                new Transcript.Line(at.plusSeconds(30), "caller", "No heat <again> & it's 40°F")), LINK));

        var note = hubspot.associatedWith(contact.id()).getFirst();
        assertThat(note.type()).isEqualTo("notes");
        assertThat(note.associations().getFirst().typeId()).isEqualTo(202);
        assertThat(note.properties().get("hs_note_body")).contains("caller: No heat &lt;again&gt; &amp; it's 40°F")
                .contains("<br>");
        assertThat(note.properties()).as("the last text's time; the conversation's id in the milliseconds, a retry's marker")
                .containsEntry("hs_timestamp", "2026-11-25T15:04:35.005Z");
    }

    @Test
    void aBookedJobIsADealInTheTenantsPipelineAndStage() {
        hubspot.addPipeline("service", java.util.Set.of("booked", "done"));
        PhoneNumber phone = freshPhone();
        CrmGateway gateway = gateway(Map.of("deal_pipeline", "service", "deal_stage", "booked"));
        CrmRecordRef contact = gateway.upsertLead(lead(phone, null), null);

        CrmRecordRef deal = gateway.bookJob(contact, job());

        var stored = hubspot.associatedWith(contact.id()).getFirst();
        assertThat(deal.type()).isEqualTo("deal");
        assertThat(stored.type()).isEqualTo("0-3");
        assertThat(stored.associations().getFirst().typeId()).isEqualTo(3);
        assertThat(stored.properties()).containsEntry("pipeline", "service").containsEntry("dealstage", "booked")
                .containsEntry("dealname", "Furnace repair");
        assertThat(stored.properties().get("description")).contains("Window: Tue Dec 1, 3–5 PM UTC").contains(LINK.toString())
                .doesNotContain("2026-12-01T15");
    }

    @Test
    void aBookedJobAndItsNoteReadAtAGlanceInTheTenantsZoneAndAnEmergencySaysSo() {
        CrmLead lead = new CrmLead(31, freshPhone(), new LeadDetails("Dana Whitfield", "1200 Barton Springs Rd", true,
                "no heat", "hvac", io.redial.leads.Urgency.EMERGENCY), "Redial (missed call text-back)", LINK,
                java.time.ZoneId.of("America/Chicago"));
        CrmRecordRef contact = gateway(Map.of()).upsertLead(lead, null);

        gateway(Map.of()).bookJob(contact, job(), lead);
        gateway(Map.of()).scheduleMeetings(List.of(new CrmGateway.JobWrite(contact, job(), lead)));
        gateway(Map.of()).attachTranscript(contact, transcript("Furnace died"), lead);

        var records = hubspot.associatedWith(contact.id());
        String card = "Name: Dana Whitfield<br>Address: 1200 Barton Springs Rd<br>Trade: HVAC<br>Problem: no heat<br>Urgency: EMERGENCY";
        assertThat(records).filteredOn(r -> r.type().equals("0-3")).singleElement().satisfies(d -> {
            assertThat(d.properties()).containsEntry("dealname", "EMERGENCY: Furnace repair – Dana Whitfield");
            assertThat(d.properties().get("description")).startsWith(card.replace("<br>", "\n") + "\nWindow: Tue Dec 1, 9–11 AM CST\n");
        });
        assertThat(records).filteredOn(r -> r.type().equals("meetings")).singleElement().satisfies(m -> {
            assertThat(m.properties()).containsEntry("hs_meeting_title", "EMERGENCY: Furnace repair");
            assertThat(m.properties().get("hs_meeting_body")).startsWith(card + "<br>Window: Tue Dec 1, 9–11 AM CST<br>");
        });
        assertThat(records).filteredOn(r -> r.type().equals("notes")).singleElement()
                .satisfies(n -> assertThat(n.properties().get("hs_note_body")).startsWith(card + "<br><br>SMS conversation<br>")
                        .contains("[Tue Dec 1, 9 AM CST] caller: Furnace died"));
    }

    @Test
    void aTenantThatPrefersTasksGetsABookedJobAsATask() {
        PhoneNumber phone = freshPhone();
        CrmGateway gateway = gateway(Map.of("job_target", "task"));
        CrmRecordRef contact = gateway.upsertLead(lead(phone, null), null);

        gateway.bookJob(contact, job());

        assertThat(hubspot.associatedWith(contact.id())).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo("tasks");
            assertThat(t.properties()).containsEntry("hs_task_subject", "Booked: Furnace repair")
                    .containsEntry("hs_timestamp", "2026-12-01T15:00:00.031Z").containsEntry("hs_task_priority", "MEDIUM");
        });
    }

    @Test
    void anEmergencyIsAHighPriorityCallTask() {
        PhoneNumber phone = freshPhone();
        CrmRecordRef contact = gateway(Map.of()).upsertLead(lead(phone, null), null);

        gateway(Map.of()).createTask(contact, new FollowUpTask(31, "EMERGENCY: call now", "Caller smells gas",
                FollowUpTask.Priority.HIGH, Instant.parse("2026-11-25T15:05:00Z"), LINK));

        assertThat(hubspot.associatedWith(contact.id())).singleElement().satisfies(t -> {
            assertThat(t.associations().getFirst().typeId()).isEqualTo(204);
            assertThat(t.properties()).containsEntry("hs_task_priority", "HIGH").containsEntry("hs_task_type", "CALL")
                    .containsEntry("hs_task_status", "NOT_STARTED");
        });
    }

    @Test
    void aContactDeletedInHubSpotIsFoundAgainOrRecreated() {
        PhoneNumber phone = freshPhone();

        CrmRecordRef ref = gateway(Map.of()).upsertLead(lead(phone, "Dana"), new CrmRecordRef("contact", "999999"));

        assertThat(ref.id()).isNotEqualTo("999999");
        assertThat(hubspot.contactsWithPhone(phone)).hasSize(1);
    }

    @Test
    void aRateLimitWithoutRetryAfterWaitsOutHubSpotsRollingWindow() {
        hubspot.nextRequestFails(429, null);

        assertThatThrownBy(() -> gateway(Map.of()).logCall(new CrmRecordRef("contact", "1"), call(freshPhone())))
                .isInstanceOfSatisfying(CrmUnavailable.class, e -> {
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(10));
                    assertThat(e.bucket()).isEqualTo(CrmThrottle.DEFAULT);
                });
    }

    @Test
    void aSearchAtItsOwnLimitPausesOnlySearchesBriefly() {
        hubspot.nextRequestFails(429, null);

        assertThatThrownBy(() -> gateway(Map.of()).lookUpCustomer(freshPhone()))
                .isInstanceOfSatisfying(CrmUnavailable.class, e -> {
                    assertThat(e.bucket()).isEqualTo("search");
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
                });
        assertThat(provider.rateLimits().get("search").separate()).as("outside the 110 per 10 s").isTrue();
    }

    @Test
    void aLockedRecordAndAPortalBeingMigratedAreRetriedLaterNeverDropped() {
        CrmRecordRef contact = gateway(Map.of()).upsertLead(lead(freshPhone(), "Lee"), null);
        hubspot.nextRequestFails(423, null);
        assertThatThrownBy(() -> gateway(Map.of()).logCall(contact, call(freshPhone())))
                .isInstanceOfSatisfying(CrmUnavailable.class, e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(2)));

        hubspot.nextRequestFails(477, 90);
        assertThatThrownBy(() -> gateway(Map.of()).upsertLead(lead(freshPhone(), "Lee"), contact))
                .isInstanceOfSatisfying(CrmUnavailable.class, e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(90)));
    }

    @Test
    void manyLeadsTakeOneSearchOneUpsertAndOneCallBatchAndAWrongInputFailsAlone() {
        List<PhoneNumber> phones = java.util.stream.IntStream.range(0, 40).mapToObj(i -> freshPhone()).toList();
        String known = hubspot.seedContact(Map.of("firstname", "Old", "phone", "(512) 555-" + phones.get(3).e164().substring(8)));
        hubspot.rejectUpsertsOf(phones.get(7));
        int searches = hubspot.searches();
        int batches = hubspot.batchRequests();

        List<CrmItemResult> contacts = gateway(Map.of()).upsertLeads(phones.stream()
                .map(p -> new CrmGateway.ContactWrite(lead(p, null), null)).toList());

        assertThat(hubspot.searches() - searches).as("one search for 40 numbers").isEqualTo(1);
        assertThat(hubspot.batchRequests() - batches).as("one upsert for the 39 new ones").isEqualTo(1);
        assertThat(contacts.get(3).record()).isEqualTo(new CrmRecordRef("contact", known));
        assertThat(contacts.get(7).failure()).isInstanceOf(io.redial.crm.CrmRejected.class).hasMessageContaining("400");
        for (int i = 0; i < phones.size(); i++) {
            if (i != 7) {
                String id = contacts.get(i).record().id();
                assertThat(hubspot.contactsWithPhone(phones.get(i))).singleElement()
                        .satisfies(c -> assertThat(c.id()).isEqualTo(id));
            }
        }

        List<CrmItemResult> calls = gateway(Map.of()).logCalls(List.of(
                new CrmGateway.CallWrite(contacts.get(0).record(), call(phones.get(0))),
                new CrmGateway.CallWrite(contacts.get(3).record(), call(phones.get(3)))));
        assertThat(calls).allSatisfy(c -> assertThat(c.record().type()).isEqualTo("call"));
        assertThat(hubspot.associatedWith(known)).singleElement()
                .satisfies(c -> assertThat(c.associations()).containsExactly(new FakeHubSpot.Association(known, "HUBSPOT_DEFINED", 194)));
    }

    @Test
    void aBatchSentAgainAfterALostAnswerMakesNoSecondContact() {
        List<PhoneNumber> phones = List.of(freshPhone(), freshPhone());
        List<CrmGateway.ContactWrite> writes = phones.stream().map(p -> new CrmGateway.ContactWrite(lead(p, null), null)).toList();

        List<CrmItemResult> first = gateway(Map.of()).upsertLeads(writes);
        hubspot.searchIndexLag(Duration.ofMinutes(5)); // the retry's search cannot see them yet: only the upsert key can
        try {
            List<CrmItemResult> again = gateway(Map.of()).upsertLeads(writes);
            assertThat(again).isEqualTo(first);
        } finally {
            hubspot.searchIndexLag(Duration.ZERO);
        }
        phones.forEach(p -> assertThat(hubspot.contactsWithPhone(p)).hasSize(1));
    }

    @Test
    void transcriptsGoAsNotesInOneBatchAndAnInputHubSpotRejectsFailsAlone() {
        CrmRecordRef first = gateway(Map.of()).upsertLead(lead(freshPhone(), "Ann"), null);
        CrmRecordRef second = gateway(Map.of()).upsertLead(lead(freshPhone(), "Bo"), null);
        int batches = hubspot.batchRequests();

        List<CrmItemResult> notes = gateway(Map.of()).attachTranscripts(List.of(
                new CrmGateway.TranscriptWrite(first, transcript("My AC rattles"), lead(freshPhone(), "Ann")),
                new CrmGateway.TranscriptWrite(new CrmRecordRef("contact", "999999"), transcript("lost"), lead(freshPhone(), null)),
                new CrmGateway.TranscriptWrite(second, transcript("Water heater leaks"), lead(freshPhone(), "Bo"))));

        assertThat(hubspot.batchRequests() - batches).isEqualTo(1);
        assertThat(notes.get(1).failure()).isInstanceOf(io.redial.crm.CrmRejected.class);
        assertThat(hubspot.associatedWith(first.id())).singleElement().satisfies(n -> {
            assertThat(n.id()).isEqualTo(notes.get(0).record().id());
            assertThat(n.properties().get("hs_note_body")).contains("My AC rattles");
            assertThat(n.associations()).containsExactly(new FakeHubSpot.Association(first.id(), "HUBSPOT_DEFINED", 202));
        });
        assertThat(hubspot.associatedWith(second.id())).singleElement()
                .satisfies(n -> assertThat(n.properties().get("hs_note_body")).contains("Water heater leaks"));
    }

    @Test
    void bookedJobsBecomeDealsAndScheduledMeetingsWithTheContactInABatchEach() {
        CrmRecordRef contact = gateway(Map.of()).upsertLead(lead(freshPhone(), "Cy"), null);
        int batches = hubspot.batchRequests();
        List<CrmGateway.JobWrite> jobs = List.of(new CrmGateway.JobWrite(contact, job(), lead(freshPhone(), "Cy")));

        CrmItemResult deal = gateway(Map.of()).bookJobs(jobs).getFirst();
        CrmItemResult meeting = gateway(Map.of()).scheduleMeetings(jobs).getFirst();

        assertThat(hubspot.batchRequests() - batches).isEqualTo(2);
        assertThat(deal.record().type()).isEqualTo("deal");
        assertThat(meeting.record().type()).isEqualTo("meeting");
        assertThat(hubspot.associatedWith(contact.id())).filteredOn(o -> o.type().equals("meetings")).singleElement()
                .satisfies(m -> {
                    assertThat(m.properties()).containsEntry("hs_meeting_start_time", "2026-12-01T15:00:00Z")
                            .containsEntry("hs_meeting_end_time", "2026-12-01T17:00:00Z")
                            .containsEntry("hs_meeting_outcome", "SCHEDULED").containsEntry("hs_meeting_location", "12 Elm St");
                    assertThat(m.associations()).containsExactly(new FakeHubSpot.Association(contact.id(), "HUBSPOT_DEFINED", 200));
                });
    }

    @Test
    void aRetriedNoteMeetingOrDealIsFoundByItsMarkerAndContactNotWrittenAgain() {
        CrmRecordRef contact = gateway(Map.of()).upsertLead(lead(freshPhone(), "Di"), null);
        CrmRecordRef other = gateway(Map.of()).upsertLead(lead(freshPhone(), "Ed"), null);
        List<CrmGateway.JobWrite> first = List.of(new CrmGateway.JobWrite(contact, job(), lead(freshPhone(), "Di")));
        CrmItemResult deal = gateway(Map.of()).bookJobs(first).getFirst();
        CrmItemResult meeting = gateway(Map.of()).scheduleMeetings(first).getFirst();
        CrmItemResult note = gateway(Map.of()).attachTranscripts(List.of(
                new CrmGateway.TranscriptWrite(contact, transcript("Pilot light out"), lead(freshPhone(), "Di")))).getFirst();
        int searches = hubspot.searches();
        int batches = hubspot.batchRequests();

        // Their answers were lost: the retries look first. The other contact's job, never written, is written now.
        List<CrmGateway.JobWrite> retried = List.of(new CrmGateway.JobWrite(contact, job(), lead(freshPhone(), "Di"), true),
                new CrmGateway.JobWrite(other, job(), lead(freshPhone(), "Ed"), true));
        List<CrmItemResult> deals = gateway(Map.of()).bookJobs(retried);
        List<CrmItemResult> meetings = gateway(Map.of()).scheduleMeetings(retried);
        List<CrmItemResult> notes = gateway(Map.of()).attachTranscripts(List.of(new CrmGateway.TranscriptWrite(contact,
                transcript("Pilot light out"), lead(freshPhone(), "Di"), true)));

        assertThat(deals.getFirst().record()).isEqualTo(deal.record());
        assertThat(meetings.getFirst().record()).isEqualTo(meeting.record());
        assertThat(notes.getFirst().record()).isEqualTo(note.record());
        assertThat(hubspot.searches() - searches).as("five inputs a search, but never two with the same marker time")
                .isEqualTo(5);
        assertThat(hubspot.batchRequests() - batches).as("only the other contact's deal and meeting are written").isEqualTo(2);
        assertThat(hubspot.associatedWith(contact.id())).extracting(FakeHubSpot.Stored::type)
                .containsExactlyInAnyOrder("0-3", "meetings", "notes");
        assertThat(hubspot.associatedWith(other.id())).extracting(FakeHubSpot.Stored::type).containsExactlyInAnyOrder("0-3", "meetings");
        assertThat(deals.get(1).record().id()).isNotEqualTo(deal.record().id());
    }

    @Test
    void aCallOrTaskWrittenAloneWhoseAnswerWasLostIsFoundByItsMarkerNotWrittenAgain() {
        PhoneNumber phone = freshPhone();
        CrmRecordRef contact = gateway(Map.of()).upsertLead(lead(phone, "Flo"), null);
        FollowUpTask emergency = new FollowUpTask(31, "EMERGENCY: call now", "Caller smells gas", FollowUpTask.Priority.HIGH,
                Instant.parse("2026-11-25T15:05:00Z"), LINK);
        CrmRecordRef call = gateway(Map.of()).logCall(contact, call(phone));
        CrmRecordRef task = gateway(Map.of()).createTask(contact, emergency);
        int batches = hubspot.batchRequests();

        // Core sends the retry of a single write as a batch of one, marked retried.
        CrmItemResult callAgain = gateway(Map.of()).logCalls(List.of(new CrmGateway.CallWrite(contact, call(phone), true))).getFirst();
        CrmItemResult taskAgain = gateway(Map.of()).createTasks(List.of(new CrmGateway.TaskWrite(contact, emergency, true))).getFirst();

        assertThat(callAgain.record()).isEqualTo(call);
        assertThat(taskAgain.record()).isEqualTo(task);
        assertThat(hubspot.batchRequests() - batches).as("nothing written again").isZero();
        assertThat(hubspot.associatedWith(contact.id())).extracting(FakeHubSpot.Stored::type)
                .containsExactlyInAnyOrder("calls", "tasks");
    }

    private static Transcript transcript(String said) {
        return new Transcript(5, List.of(new Transcript.Line(Instant.parse("2026-12-01T15:00:00Z"), "caller", said)), LINK);
    }

    private static CallLog call(PhoneNumber caller) {
        return new CallLog(77, caller, new PhoneNumber("+15125550100"), Instant.parse("2026-12-01T15:00:00Z"), "Call (missed)", LINK);
    }

    private static CrmGateway gateway(Map<String, String> settings) {
        return provider.connect(new CrmConnection(1, new TenantId("gateway-tests"), HubSpotCrmProvider.ID, "4242", token,
                settings, CrmThrottle.NONE));
    }

    private static JobRequest job() {
        return new JobRequest(31, Instant.parse("2026-12-01T15:00:00Z"), Instant.parse("2026-12-01T17:00:00Z"),
                "Furnace repair", "12 Elm St", LINK);
    }

    private static CrmLead lead(PhoneNumber phone, String name) {
        return new CrmLead(31, phone, new LeadDetails(name, null, null, "no heat", "hvac", null), "Redial (missed call text-back)", LINK);
    }

    private static PhoneNumber freshPhone() {
        return new PhoneNumber("+1512555" + numbers.incrementAndGet());
    }
}
