package io.redial.receptionist.triage;

import io.redial.shared.TenantId;
import io.redial.shared.TtlCache;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The semantic layer of triage: compares a text, by meaning, with every emergency and routine example of the
 * tenant's trades (built-in and the tenant's own) and names the emergency rule when the nearest emergency example
 * is close enough and clearly closer than the nearest routine one. It can only raise: the code rules stay in force.
 */
@Component
public class SemanticTriage {

    /** An example with its vector. */
    private record Embedded(TriageExample example, float[] vector) {
    }

    // Calibrated on the development evaluation and the examples; see docs/anna.md.
    static final double MIN_SIMILARITY = 0.70;
    static final double MIN_MARGIN = 0.10;

    private final TextEmbeddings embeddings;
    private final TriageExamples examples;
    private final TtlCache<TenantId, List<Embedded>> tenantExamples;
    private volatile List<Embedded> builtIn;

    SemanticTriage(TextEmbeddings embeddings, TriageExamples examples, Clock clock) {
        this.embeddings = embeddings;
        this.examples = examples;
        this.tenantExamples = new TtlCache<>(Duration.ofSeconds(30), clock);
        Thread.ofVirtual().name("triage-examples").start(this::builtIn); // ready before the first caller needs it
    }

    /** The emergency rule code the text means, if it clearly means one. */
    public Optional<String> emergency(TenantId tenant, List<String> trades, String text) {
        float[] q = embeddings.embed(text);
        double bestEmergency = -1;
        double bestRoutine = -1;
        String code = null;
        for (List<Embedded> list : List.of(builtIn(), tenantExamples.get(tenant, this::embedOwn))) {
            for (Embedded e : list) {
                if (!trades.isEmpty() && !trades.contains(e.example().trade())) {
                    continue;
                }
                double s = dot(q, e.vector());
                if (e.example().emergency() && s > bestEmergency) {
                    bestEmergency = s;
                    code = e.example().ruleCode();
                } else if (!e.example().emergency() && s > bestRoutine) {
                    bestRoutine = s;
                }
            }
        }
        return bestEmergency >= MIN_SIMILARITY && bestEmergency - bestRoutine >= MIN_MARGIN
                ? Optional.ofNullable(code) : Optional.empty();
    }

    private List<Embedded> builtIn() {
        List<Embedded> b = builtIn;
        if (b == null) {
            b = embed(TriageExamples.BUILT_IN);
            builtIn = b;
        }
        return b;
    }

    private List<Embedded> embedOwn(TenantId tenant) {
        return embed(examples.own(tenant));
    }

    private List<Embedded> embed(List<TriageExample> list) {
        return list.stream().map(e -> new Embedded(e, embeddings.embed(e.text()))).toList();
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
