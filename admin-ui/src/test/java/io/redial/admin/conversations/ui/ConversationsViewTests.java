package io.redial.admin.conversations.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.GridKt;
import io.redial.admin.ConsoleTest;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import io.redial.leads.LeadJournal;
import io.redial.leads.LeadTimeline;
import io.redial.receptionist.Compliance;
import io.redial.receptionist.ConversationDesk;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.simulator.PhoneText;
import io.redial.simulator.SandboxPhone;
import io.redial.tenants.AdminRole;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Takeover end to end through the production webhooks (sandbox carrier): a person takes the thread, Anna stays
 * quiet on the caller's next text, the person's reply is delivered, and after "Resume Anna" she answers again.
 */
class ConversationsViewTests extends ConsoleTest {

    static final TenantId CO = new TenantId("conv-view-co");
    static final TenantId OTHER = new TenantId("conv-view-other");
    static final PhoneNumber LINE = new PhoneNumber("+15125556100");
    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired Provisioner provisioner;
    @Autowired SandboxPhone phone;
    @Autowired ConversationDesk desk;
    @Autowired JdbcClient jdbc;
    @Autowired Compliance compliance;
    @Autowired LeadJournal journal;
    @Autowired LeadTimeline timeline;

    @BeforeEach
    void provision() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: conv-view-co
                    name: Conv View Plumbing
                    timezone: America/Chicago
                    trades: [plumbing]
                    lines: [{number: "+15125556100", pattern: forwarded}]
                  - id: conv-view-other
                    name: Conv View Other
                    timezone: America/Chicago
                    lines: [{number: "+15125556200", pattern: forwarded}]
                """));
    }

    @Test
    void afterTakeoverAnnaIsQuietThePersonsReplyIsSentAndAfterResumeAnnaAnswersAgain() {
        PhoneNumber caller = new PhoneNumber("+15125556111");
        phone.textFromCaller(CO, LINE, caller, "Hi, my kitchen sink is clogged");
        long id = awaitThread(CO, caller);
        awaitAnnaReplies(id, 1);
        signIn(CO, "conv-view-office", AdminRole.OFFICE);

        ConversationsView view = open(ConversationsView.class);
        assertThat(rows(view)).contains("(512) 555-6111", "Anna");
        view.open(id);
        _click(view.takeOver);
        assertThat(view.handling.getText()).isEqualTo("A person is handling this; Anna is paused");
        assertThat(view.resume.isVisible()).isTrue();

        phone.textFromCaller(CO, LINE, caller, "Hello? Is anyone there?");
        awaitTurnSkipped("Hello? Is anyone there?");
        assertThat(annaReplies(id)).hasSize(1);

        view.reply.setValue("This is Maria from the office, we can come at 3pm.");
        _click(view.send);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(phone.thread(CO, caller))
                .anySatisfy(t -> assertThat(t).extracting(PhoneText::body, PhoneText::state)
                        .containsExactly("This is Maria from the office, we can come at 3pm.", "delivered")));
        assertThat(annaReplies(id)).hasSize(1);

        _click(view.resume);
        assertThat(view.handling.getText()).isEqualTo("Anna is handling this");
        phone.textFromCaller(CO, LINE, caller, "Thanks, my name is Lee Park");
        awaitAnnaReplies(id, 2);
        view.refresh();
        assertThat(view.texts.getElement().getTextRecursively()).contains("Maria from the office", "Staff", "Lee Park");
        long lead = journal.leadOf(CO, id).orElseThrow();
        assertThat(view.lead.getHref()).isEqualTo("leads/" + lead);
        assertThat(timeline.of(CO, lead)).filteredOn(e -> e.kind() == LeadTimeline.Kind.STAFF)
                .extracting(LeadTimeline.Entry::text).satisfiesExactly(
                        took -> assertThat(took).isEqualTo("conv-view-office took the conversation over; Anna paused"),
                        back -> assertThat(back).startsWith("conv-view-office handed the conversation back to Anna. "
                                + "Her summary: Handed back by staff.").contains("Maria from the office"));
    }

    @Test
    void theLeadsJobCardSaysWhoHoldsItAndWhyAndItsTimelineKeepsTakeoverAndResume() {
        PhoneNumber caller = new PhoneNumber("+15125556112");
        phone.textFromCaller(CO, LINE, caller, "Hi, my bathroom faucet drips all night");
        long id = awaitThread(CO, caller);
        awaitAnnaReplies(id, 1);
        long lead = journal.leadOf(CO, id).orElseThrow();
        signIn(CO, "conv-view-office", AdminRole.OFFICE);

        ConversationsView view = open(ConversationsView.class);
        view.open(id);
        _click(view.takeOver);
        UI.getCurrent().navigate("leads/" + lead);
        assertThat(cardFact("card-holder")).isEqualTo("A person is handling it; Anna is paused");
        assertThat(cardFact("card-hand-off")).isEqualTo("taken over by conv-view-office");

        ConversationsView again = open(ConversationsView.class);
        again.open(id);
        _click(again.resume);
        UI.getCurrent().navigate("leads/" + lead);
        assertThat(cardFact("card-holder")).isEqualTo("Anna is handling it");
        assertThat(LocatorJ._find(com.vaadin.flow.component.Component.class, spec -> spec.withId("card-hand-off"))).isEmpty();
        assertThat(LocatorJ._get(com.vaadin.flow.component.Component.class, spec -> spec.withId("lead-timeline"))
                .getElement().getTextRecursively())
                .contains("conv-view-office took the conversation over; Anna paused",
                        "conv-view-office handed the conversation back to Anna. Her summary:");
    }

    private static String cardFact(String id) {
        return LocatorJ._get(com.vaadin.flow.component.Component.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }

    @Test
    void anotherTenantsConversationCannotBeOpenedOrTakenOver() {
        PhoneNumber caller = new PhoneNumber("+15125556211");
        phone.textFromCaller(OTHER, new PhoneNumber("+15125556200"), caller, "Is this the roofer?");
        long theirs = awaitThread(OTHER, caller);
        signIn(CO, "conv-view-owner", AdminRole.OWNER);

        ConversationsView view = open(ConversationsView.class);
        view.open(theirs);

        assertThat(view.takeOver.isVisible()).isFalse();
        assertThatThrownBy(() -> desk.takeOver(CO, theirs)).hasMessage("No such conversation.");

        assertThat(rows(view)).doesNotContain("(512) 555-6211");
        assertThat(view.title.getText()).isEqualTo("No such conversation");
        assertThat(view.getElement().getTextRecursively()).doesNotContain("Is this the roofer?");
        assertThat(desk.find(OTHER, theirs).orElseThrow().handledByHuman()).isFalse();
    }

    @Test
    void aReplyToACallerWhoOptedOutIsStoppedByTheSendingPathsOptOutCheck() {
        PhoneNumber caller = new PhoneNumber("+15125556113");
        phone.textFromCaller(CO, LINE, caller, "Do you do gutters?");
        long id = awaitThread(CO, caller);
        compliance.optOut(CO, caller.e164());
        signIn(CO, "conv-view-office", AdminRole.OFFICE);

        ConversationsView view = open(ConversationsView.class);
        view.open(id);
        view.reply.setValue("Yes we do, when suits you?");
        _click(view.send);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(desk.texts(CO, id))
                .filteredOn(t -> t.author().equals("staff")).singleElement()
                .extracting(ConversationDesk.Text::state).isEqualTo("failed"));
        assertThat(phone.thread(CO, caller)).filteredOn(t -> t.body().startsWith("Yes we do"))
                .noneMatch(t -> t.state().equals("delivered") || t.state().equals("sent"));
    }

    @Test
    void aLinkOpensTheThreadDirectly() {
        PhoneNumber caller = new PhoneNumber("+15125556114");
        phone.textFromCaller(CO, LINE, caller, "Toilet keeps running");
        long id = awaitThread(CO, caller);
        signIn(CO, "conv-view-office", AdminRole.OFFICE);

        String[] link = ConversationsNavigation.path(id).split("\\?");
        UI.getCurrent().navigate(link[0], QueryParameters.fromString(link[1]));

        ConversationsView view = LocatorJ._get(ConversationsView.class);
        assertThat(view.title.getText()).isEqualTo("(512) 555-6114 → (512) 555-6100");
        assertThat(view.texts.getElement().getTextRecursively()).contains("Toilet keeps running");
    }

    @Test
    void aBlankReplyIsRefusedAndNothingIsSent() {
        PhoneNumber caller = new PhoneNumber("+15125556112");
        phone.textFromCaller(CO, LINE, caller, "Water heater is leaking");
        long id = awaitThread(CO, caller);
        signIn(CO, "conv-view-office", AdminRole.OFFICE);

        ConversationsView view = open(ConversationsView.class);
        view.open(id);
        view.reply.setValue("   ");
        _click(view.send);

        assertThat(desk.texts(CO, id)).noneMatch(t -> t.author().equals("staff"));
        assertThat(desk.find(CO, id).orElseThrow().handledByHuman()).isFalse();
    }

    private long awaitThread(TenantId tenant, PhoneNumber caller) {
        return await().atMost(PATIENCE).until(() -> desk.live(tenant, Instant.EPOCH).stream()
                .filter(t -> t.caller().equals(caller)).findFirst(), java.util.Optional::isPresent).orElseThrow().id();
    }

    private List<ConversationDesk.Text> annaReplies(long id) {
        return desk.texts(CO, id).stream().filter(t -> t.author().equals("receptionist")).toList();
    }

    private void awaitAnnaReplies(long id, int count) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(annaReplies(id)).hasSizeGreaterThanOrEqualTo(count));
    }

    /** The turn for that text ran and Anna's code chose to stay quiet: the only proof of silence that needs no sleep. */
    private void awaitTurnSkipped(String body) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.sql("""
                SELECT t.action FROM receptionist_turns t JOIN messages m ON m.id = t.message_id
                WHERE m.body = ? AND t.processed_at IS NOT NULL""").param(body).query(String.class).list())
                .containsExactly("SKIPPED"));
    }

    private static String rows(ConversationsView view) {
        view.refresh();
        return String.join("\n", IntStream.range(0, GridKt._size(view.threads))
                .mapToObj(i -> String.join(" | ", GridKt._getFormattedRow(view.threads, i))).toList());
    }
}
