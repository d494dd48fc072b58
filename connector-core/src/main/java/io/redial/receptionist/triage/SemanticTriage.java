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

    // Calibrated on the development evaluation and the examples; see docs/anna.md.
    static final double MIN_SIMILARITY = 0.70;
    static final double MIN_MARGIN = 0.10;

    private final TextEmbeddings embeddings;
    private final TriageExamples examples;
    private final TtlCache<TenantId, List<Embedded<TriageExample>>> tenantExamples;
    private final EmbeddedExamples<TriageExample> builtIn;

    SemanticTriage(TextEmbeddings embeddings, TriageExamples examples, Clock clock) {
        this.embeddings = embeddings;
        this.examples = examples;
        this.tenantExamples = new TtlCache<>(Duration.ofSeconds(30), clock);
        this.builtIn = EmbeddedExamples.inBackground("triage-examples", embeddings, () -> TriageExamples.BUILT_IN,
                TriageExample::text);
    }

    /** The emergency rule code the text means, if it clearly means one. */
    public Optional<String> emergency(TenantId tenant, List<String> trades, String text) {
        float[] q = embeddings.embed(text);
        double bestEmergency = -1;
        double bestRoutine = -1;
        String code = null;
        for (List<Embedded<TriageExample>> list : List.of(builtIn.get(), tenantExamples.get(tenant, this::embedOwn))) {
            for (Embedded<TriageExample> e : list) {
                TriageExample example = e.item();
                if (!trades.isEmpty() && !trades.contains(example.trade())) {
                    continue;
                }
                double s = e.similarity(q);
                if (example.emergency() && s > bestEmergency) {
                    bestEmergency = s;
                    code = example.ruleCode();
                } else if (!example.emergency() && s > bestRoutine) {
                    bestRoutine = s;
                }
            }
        }
        return bestEmergency >= MIN_SIMILARITY && bestEmergency - bestRoutine >= MIN_MARGIN
                ? Optional.ofNullable(code) : Optional.empty();
    }

    private List<Embedded<TriageExample>> embedOwn(TenantId tenant) {
        return Embedded.all(embeddings, examples.own(tenant), TriageExample::text);
    }
}
