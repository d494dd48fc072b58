package io.redial.receptionist.triage;

import io.redial.shared.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The semantic matcher's examples: the built-in ones shipped as a resource, and each tenant's own. */
@Repository
public class TriageExamples {

    static final List<TriageExample> BUILT_IN = parse(resource());

    private final JdbcClient jdbc;
    private final Clock clock;

    TriageExamples(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<TriageExample> own(TenantId tenant) {
        return jdbc.sql("SELECT trade, rule_code, text FROM triage_examples WHERE tenant_id = ? ORDER BY id")
                .param(tenant.value())
                .query((rs, n) -> new TriageExample(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    /** One of the tenant's own examples as the console lists it. */
    public record Stored(long id, TriageExample example) {
    }

    /** The tenant's own examples of one trade, oldest first, with the ids the console removes them by. */
    public List<Stored> stored(TenantId tenant, String trade) {
        return jdbc.sql("SELECT id, trade, rule_code, text FROM triage_examples WHERE tenant_id = ? AND trade = ? ORDER BY id")
                .params(tenant.value(), trade)
                .query((rs, n) -> new Stored(rs.getLong(1), new TriageExample(rs.getString(2), rs.getString(3), rs.getString(4))))
                .list();
    }

    /** Removes one of the tenant's own examples; another tenant's id changes nothing. */
    public void remove(TenantId tenant, long id) {
        jdbc.sql("DELETE FROM triage_examples WHERE tenant_id = ? AND id = ?").params(tenant.value(), id).update();
    }

    /** Adds an example; the matcher uses it from the next turn on (after its short cache). */
    public void add(TenantId tenant, TriageExample example) {
        if (example.text().isBlank() || !TriageSettings.TRADES.contains(example.trade())) {
            throw new IllegalArgumentException("An example needs a text and one of the trades " + TriageSettings.TRADES + ".");
        }
        if (example.text().strip().length() > 500) {
            throw new IllegalArgumentException("Keep an example under 500 characters: one caller's text.");
        }
        jdbc.sql("INSERT INTO triage_examples (tenant_id, trade, rule_code, emergency, text, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(tenant.value(), example.trade(), example.ruleCode(), example.emergency(), example.text().strip(),
                        LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
    }

    static List<TriageExample> parse(String file) {
        return file.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\\s*\\|\\s*", 3))
                .map(p -> new TriageExample(p[0].strip(), p[1].equals("routine") ? null : p[1], p[2].strip())).toList();
    }

    private static String resource() {
        try (InputStream in = TriageExamples.class.getResourceAsStream("/receptionist/triage-examples.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
