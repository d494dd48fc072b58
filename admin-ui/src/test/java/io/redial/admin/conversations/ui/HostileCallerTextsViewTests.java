package io.redial.admin.conversations.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.Element;
import io.redial.admin.ConsoleTest;
import io.redial.leads.LeadJournal;
import io.redial.receptionist.ConversationDesk;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.simulator.SandboxPhone;
import io.redial.tenants.AdminRole;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A caller's text holding SQL, markup or merge fields, sent through the production SMS webhook (signed, over
 * loopback): stored as written, and shown in the console's conversation and on the lead's job card as text,
 * never as markup. Vaadin sends a component's text as a text node; what is checked here is that no view puts a
 * caller's words into HTML instead (an element made from them, or an {@code innerHTML} holding them).
 */
class HostileCallerTextsViewTests extends ConsoleTest {

    static final TenantId CO = new TenantId("hostile-co");
    static final PhoneNumber LINE = new PhoneNumber("+15125556391");
    static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Tags a caller's text could smuggle in if it were taken as markup. */
    static final Set<String> SMUGGLED_TAGS = Set.of("script", "img", "iframe", "svg", "object", "embed");

    @Autowired Provisioner provisioner;
    @Autowired SandboxPhone phone;
    @Autowired ConversationDesk desk;
    @Autowired LeadJournal journal;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void provision() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: hostile-co
                    name: Hostile Text Plumbing
                    timezone: America/Chicago
                    trades: [plumbing]
                    lines: [{number: "+15125556391", pattern: forwarded}]
                """));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "'); DROP TABLE leads;-- my sink is clogged",
            "<script>alert(1)</script> my sink is clogged",
            "<img src=x onerror=alert(1)> my toilet leaks",
            "{{first_name}} {business_name} my faucet drips",
            "my drain is slow <b>today</b> &amp; &lt;tomorrow&gt;"})
    void aCallersTextIsStoredAsWrittenAndShownAsText(String body) {
        PhoneNumber caller = new PhoneNumber("+1512555" + (6310 + Math.floorMod(body.hashCode(), 80)));
        phone.textFromCaller(CO, LINE, caller, body);
        long thread = await().atMost(PATIENCE).until(() -> desk.live(CO, Instant.EPOCH).stream()
                .filter(t -> t.caller().equals(caller)).findFirst(), java.util.Optional::isPresent).orElseThrow().id();

        assertThat(jdbc.sql("SELECT body FROM messages WHERE direction = 'in' AND from_number = ?").param(caller.e164())
                .query(String.class).list()).as("stored verbatim").contains(body);

        signIn(CO, "hostile-office", AdminRole.OFFICE);
        ConversationsView view = open(ConversationsView.class);
        view.open(thread);
        assertShownAsText(view.getElement(), body);

        long lead = await().atMost(PATIENCE).until(() -> journal.leadOf(CO, thread), java.util.Optional::isPresent).orElseThrow();
        UI.getCurrent().navigate("leads/" + lead);
        Component card = LocatorJ._get(Component.class, spec -> spec.withId("job-card"));
        assertThat(card.getElement().getTextRecursively()).as("the job card shows the caller").isNotBlank();
        assertNoMarkupFrom(UI.getCurrent().getElement(), body);
    }

    /** The text is one text node's content somewhere in the view, and nothing in the view was made from it. */
    private static void assertShownAsText(Element root, String body) {
        assertThat(descendants(root).filter(Element::isTextNode).map(Element::getText))
                .as("the caller's words as a text node").anyMatch(text -> text.contains(body));
        assertNoMarkupFrom(root, body);
    }

    private static void assertNoMarkupFrom(Element root, String body) {
        List<Element> all = descendants(root).toList();
        assertThat(all).as("no element made from the caller's text")
                .noneMatch(e -> !e.isTextNode() && SMUGGLED_TAGS.contains(e.getTag()));
        assertThat(all).as("no HTML set from the caller's text")
                .noneMatch(e -> !e.isTextNode() && e.hasProperty("innerHTML"));
    }

    private static Stream<Element> descendants(Element element) {
        return Stream.concat(Stream.of(element), element.getChildren().flatMap(HostileCallerTextsViewTests::descendants));
    }
}
