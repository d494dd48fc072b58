package io.redial.receptionist;

import io.redial.conversations.Conversation;
import io.redial.leads.Lead;
import io.redial.leads.Leads;
import io.redial.shared.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs scripted conversations through the real turn pipeline (database, triage, guardrails, booking,
 * paging), one fresh tenant per script, turns run synchronously, and scores the outcome.
 */
@Component
public class ReceptionistEvaluation {

    record Result(EvaluationScript script, String disposition, @Nullable String urgency, boolean escalated,
            boolean unapprovedPrice, List<String> replies) {

        boolean dispositionRight() {
            return disposition.equals(script.disposition().name());
        }

        boolean urgencyRight() {
            return script.urgency() == null || script.urgency().name().equals(urgency);
        }

        boolean escalationRight() {
            return escalated == script.escalated();
        }
    }

    private final AnnaFixture fixture;
    private final ConversationStates states;
    private final ReceptionistTurns turns;
    private final ReceptionistProfiles profiles;
    private final Leads leads;
    private final JdbcClient jdbc;
    private int tenants;

    ReceptionistEvaluation(AnnaFixture fixture, ConversationStates states, ReceptionistTurns turns,
            ReceptionistProfiles profiles, Leads leads, JdbcClient jdbc) {
        this.fixture = fixture;
        this.states = states;
        this.turns = turns;
        this.profiles = profiles;
        this.leads = leads;
        this.jdbc = jdbc;
    }

    Result run(EvaluationScript script) {
        int n = ++tenants;
        TenantId tenant = fixture.tenant("eval-" + n, "+1512555%04d".formatted(2000 + n));
        Conversation c = fixture.conversation(tenant, "+1737555%04d".formatted(1000 + n));
        for (String text : script.texts()) {
            states.enqueue(tenant, c.id(), fixture.storeText(c, text));
            turns.drain(tenant, c.id());
        }
        Lead lead = leads.find(tenant, jdbc.sql("SELECT id FROM leads WHERE tenant_id = ? AND conversation_id = ?")
                .params(tenant.value(), c.id()).query(Long.class).single()).orElseThrow();
        boolean escalated = jdbc.sql("SELECT COUNT(*) FROM escalations WHERE tenant_id = ? AND lead_id = ?")
                .params(tenant.value(), lead.id()).query(Long.class).single() > 0;
        List<String> replies = fixture.repliesTo(c);
        var prices = profiles.find(tenant).orElseThrow().prices().values();
        boolean unapproved = replies.stream().anyMatch(r -> !Guardrails.quotesOnlyApproved(r, prices));
        return new Result(script, lead.status().name(),
                lead.details().urgency() == null ? null : lead.details().urgency().name(), escalated, unapproved, replies);
    }

    static String table(List<Result> results, String agent) {
        StringBuilder t = new StringBuilder("\nAnna evaluation (" + agent + "), " + results.size() + " conversations\n");
        t.append(String.format(Locale.ROOT, "%-32s %-11s %-11s %-10s %-10s %-4s %s%n", "script", "expected", "got",
                "urgency", "escalated", "$ok", "verdict"));
        for (Result r : results) {
            boolean ok = r.dispositionRight() && r.urgencyRight() && r.escalationRight() && !r.unapprovedPrice();
            t.append(String.format(Locale.ROOT, "%-32s %-11s %-11s %-10s %-10s %-4s %s%n", r.script().id(),
                    r.script().disposition(), r.disposition(), (r.urgencyRight() ? "" : "!") + r.urgency(),
                    (r.escalationRight() ? "" : "!") + r.escalated(), r.unapprovedPrice() ? "NO" : "yes", ok ? "PASS" : "FAIL"));
        }
        List<String> trades = List.of("hvac", "plumbing", "roofing", "electrical");
        for (String trade : trades) {
            List<Result> of = results.stream().filter(r -> r.script().trade().equals(trade)).toList();
            t.append(String.format(Locale.ROOT, "%-12s dispositions %d/%d%n", trade,
                    of.stream().filter(Result::dispositionRight).count(), of.size()));
        }
        long emergencies = results.stream().filter(r -> r.script().escalated()).count();
        t.append(String.format(Locale.ROOT,
                "dispositions right: %d/%d (%.1f %%) | urgency right: %d/%d | emergencies escalated: %d/%d | "
                        + "false escalations: %d | replies with an unapproved price: %d%n",
                results.stream().filter(Result::dispositionRight).count(), results.size(), 100.0 * dispositionShare(results),
                results.stream().filter(Result::urgencyRight).count(), results.size(),
                results.stream().filter(r -> r.script().escalated() && r.escalated()).count(), emergencies,
                results.stream().filter(r -> !r.script().escalated() && r.escalated()).count(),
                results.stream().filter(Result::unapprovedPrice).count()));
        return t.toString();
    }

    static double dispositionShare(List<Result> results) {
        return results.stream().filter(Result::dispositionRight).count() / (double) results.size();
    }

    static List<Result> failures(List<Result> results) {
        List<Result> failed = new ArrayList<>();
        results.stream().filter(r -> !r.dispositionRight() || !r.urgencyRight() || !r.escalationRight()).forEach(failed::add);
        return failed;
    }
}
