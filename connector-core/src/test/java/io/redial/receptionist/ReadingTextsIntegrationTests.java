package io.redial.receptionist;

import io.redial.receptionist.triage.SafetyThresholds;
import io.redial.receptionist.triage.TriageExample;
import io.redial.receptionist.triage.TriageExamples;
import io.redial.receptionist.triage.TriageRule;
import io.redial.receptionist.triage.Triaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.redial.conversations.Conversation;
import io.redial.leads.Lead;
import io.redial.leads.LeadStatus;
import io.redial.leads.Leads;
import io.redial.leads.Urgency;
import io.redial.shared.TenantId;
import io.redial.testing.CoreTestApplication;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Anna on texts as people write them, through the real turn pipeline and database: several facts at once,
 * the caller's own time, arrival windows, non-booking intents, per-tenant safety limits and triage examples.
 */
// Own context: the shared scheduler bean cannot restart after Spring pauses a cached context.
@SpringBootTest(classes = CoreTestApplication.class, properties = "redial.llm.base-url=")
@DirtiesContext
class ReadingTextsIntegrationTests {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @Autowired AnnaFixture fixture;
    @Autowired ConversationStates states;
    @Autowired ReceptionistTurns turns;
    @Autowired ReceptionistProfiles profiles;
    @Autowired Triaging triaging;
    @Autowired TriageExamples examples;
    @Autowired Leads leads;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    private static final java.util.concurrent.atomic.AtomicInteger COUNT = new java.util.concurrent.atomic.AtomicInteger();
    private int n;

    @Test
    void severalFactsInOneTextAreConfirmedNotAskedAgain() {
        Conversation c = conversation();
        List<String> replies = say(c, "tub drain is slow", "Noor Haddad, 3807 Avenue C, 78751");

        assertThat(replies.get(1)).doesNotContain("name?").contains("Noor Haddad").contains("3807 Avenue C")
                .contains("arrival windows");
        assertThat(lead(c).details().callerName()).isEqualTo("Noor Haddad");
    }

    @Test
    void windowsAreOfferedOnTheDayAskedInArrivalWindowsAndTheConfirmationRepeatsThem() {
        Conversation c = conversation();
        List<String> replies = say(c, "gutter pulling away from the fascia", "Lyle Park", "2801 Rockwood Ln 78757", "friday is best", "1");

        String friday = DayOfWeek.FRIDAY.getDisplayName(TextStyle.SHORT, Locale.US);
        List<String> offered = replies.get(3).lines().filter(l -> l.matches("\\d\\) .*")).toList();
        assertThat(offered).isNotEmpty().allMatch(l -> l.startsWith(l.charAt(0) + ") " + friday));
        assertThat(offered).noneMatch(l -> l.contains("8:00 AM-5:00 PM"));
        String first = offered.getFirst().substring(3);
        assertThat(replies.get(4)).contains(first).contains("2801 Rockwood Ln 78757");
        assertThat(lead(c).status()).isEqualTo(LeadStatus.BOOKED);
    }

    @Test
    void aZipCorrectedAfterTheOutOfAreaAnswerReopensTheBooking() {
        Conversation c = conversation();
        List<String> replies = say(c, "need gutter guards installed", "Sara Lind, 4000 Medical Pkwy 78765");
        assertThat(replies.get(1)).contains("outside the area we serve").contains("correct");
        assertThat(lead(c).status()).isEqualTo(LeadStatus.CLOSED);

        replies = say(c, "sorry zip is 78756 not 78765", "1");

        assertThat(replies.getFirst()).doesNotContain("outside the area").contains("78756");
        assertThat(replies.getLast()).contains("78756");
        assertThat(lead(c).status()).isEqualTo(LeadStatus.BOOKED);
        assertThat(lead(c).details().inServiceArea()).isTrue();
    }

    @Test
    void whenNothingIsFreeThenAnnaSaysSoAndOffersTheNearest() {
        LocalDate far = LocalDate.now(clock.withZone(CHICAGO)).plusDays(40);
        Conversation c = conversation();
        List<String> replies = say(c, "faucet drips, can you come " + far.getMonthValue() + "/" + far.getDayOfMonth(),
                "Ana Suarez, 7012 Cooper Ln 78745");

        assertThat(replies.get(1)).contains("nothing free then").contains("1) ");
    }

    @Test
    void anExistingCustomerMovingAnAppointmentGoesToAPersonWithTheReasonOnTheLead() {
        Conversation c = conversation();
        List<String> replies = say(c, "hi can i push my appointment from tuesday to thursday");

        assertThat(replies.getFirst()).contains("move your appointment").contains("team member");
        Lead lead = lead(c);
        assertThat(lead.status()).isEqualTo(LeadStatus.HANDED_OFF);
        assertThat(lead.details().problem()).startsWith("Needs a person (reschedule)");
    }

    @Test
    void theTenantsTemperatureLimitsDecideWhenNoHeatIsAnEmergency() {
        Conversation lenient = conversation();
        say(lenient, "heat is out, 64 in here and we have a baby");
        assertThat(lead(lenient).details().urgency()).isNotEqualTo(Urgency.EMERGENCY);

        Conversation strict = conversation();
        profiles.saveSettings(strict.tenant(), ReceptionistSettings.DEFAULTS.withSafety(new SafetyThresholds(68, 80, 40, 95, 50, 90)));
        List<String> replies = say(strict, "heat is out, 64 in here and we have a baby");
        assertThat(lead(strict).status()).isEqualTo(LeadStatus.ESCALATED);
        assertThat(replies.getFirst()).startsWith("Keep a faucet dripping").contains("paging our on-call technician");
    }

    @Test
    void aDangerToldOverThreeTextsIsReadWithTheEarlierOnes() {
        Conversation c = conversation();
        List<String> replies = say(c, "hello? tried calling you guys", "the furnace just clicks and blows cold now",
                "my wife is 8 months pregnant and its down to 52 in the house");

        assertThat(lead(c).status()).isEqualTo(LeadStatus.ESCALATED);
        assertThat(replies.getLast()).contains("paging our on-call technician");
    }

    @Test
    void aTenantsOwnTriageExampleRaisesATextByMeaning() {
        String text = "there's a loud hissing noise coming from the meter by the side of the house";
        TenantId plain = tenant();
        assertThat(triaging.rule(profiles.find(plain).orElseThrow(), text)).isEmpty();

        TenantId careful = tenant();
        examples.add(careful, new TriageExample("hvac", "gas-smell", "loud hissing sound at the gas meter outside the house"));
        assertThat(triaging.rule(profiles.find(careful).orElseThrow(), text)).get()
                .extracting(TriageRule::code).isEqualTo("gas-smell");
    }

    @Test
    void spanishCallersGetSpanishThroughTheBooking() {
        Conversation c = conversation();
        List<String> replies = say(c, "hola, se tapo el lavabo del baño", "Me llamo Rosa Paz", "1800 E 4th St 78702", "1");

        assertThat(replies.get(0)).contains("nombre");
        assertThat(replies.get(2)).contains("horarios de llegada");
        assertThat(replies.get(3)).startsWith("Quedó agendado").contains("1800 E 4th St 78702");
    }

    private TenantId tenant() {
        n = COUNT.incrementAndGet();
        return fixture.tenant("reading-" + n, "+1512555%04d".formatted(3100 + n));
    }

    @Test
    void aBookedCallerWritingAgainIsToldTheVisitStandsAndANewTimeGoesToTheOffice() {
        Conversation c = conversation();
        List<String> replies = say(c, "garbage disposal jammed", "Rui Costa, 4701 Red River St 78751", "1", "great thank you!!");

        assertThat(replies.get(3)).contains("all set").contains("4701 Red River St 78751").contains("arrival window")
                .doesNotContain("1) ");
        assertThat(lead(c).status()).isEqualTo(LeadStatus.BOOKED);

        replies = say(c, "oh wait can we make it saturday instead");
        assertThat(replies.getFirst()).contains("move your appointment");
        assertThat(lead(c).status()).isEqualTo(LeadStatus.HANDED_OFF);

        Conversation done = conversation();
        replies = say(done, "garbage disposal jammed", "Ana Pryor, 4703 Red River St 78751", "1", "no thanks, that's all");
        assertThat(replies.getLast()).contains("Text us anytime");
        assertThat(lead(done).status()).isEqualTo(LeadStatus.BOOKED);
        Conversation off = conversation();
        say(off, "garbage disposal jammed", "Ed Lamb, 4705 Red River St 78751", "1", "nvm my son got it working again");
        assertThat(lead(off).status()).isEqualTo(LeadStatus.HANDED_OFF);
        assertThat(lead(off).details().problem()).startsWith("Needs a person (cancel)");
    }

    @Test
    void aZipOutsideTheAreaIsAnsweredBeforeAnyNameIsAsked() {
        Conversation c = conversation();
        List<String> replies = say(c, "my dad needs his water heater looked at, he lives over in 76201");

        assertThat(replies.getFirst()).contains("outside the area we serve").doesNotContain("name?");
        assertThat(lead(c).status()).isEqualTo(LeadStatus.CLOSED);
        assertThat(say(conversation(), "faucet leaking, we're in 78704").getFirst()).doesNotContain("outside the area");
    }

    private Conversation conversation() {
        TenantId tenant = tenant();
        return fixture.conversation(tenant, "+1737555%04d".formatted(3100 + n));
    }

    /** Anna's answer to each text, in order. */
    private List<String> say(Conversation c, String... texts) {
        List<String> answers = new java.util.ArrayList<>();
        for (String text : texts) {
            states.enqueue(c.tenant(), c.id(), fixture.storeText(c, text));
            turns.drain(c.tenant(), c.id());
            answers.add(fixture.repliesTo(c).getLast());
        }
        return answers;
    }

    private Lead lead(Conversation c) {
        long id = jdbc.sql("SELECT id FROM leads WHERE tenant_id = ? AND conversation_id = ?")
                .params(c.tenant().value(), c.id()).query(Long.class).single();
        return leads.find(c.tenant(), id).orElseThrow();
    }
}
