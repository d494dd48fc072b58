package io.redial.receptionist;

import io.redial.receptionist.reading.Intent;
import io.redial.receptionist.triage.TextEmbeddings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The semantic layer of reading what a caller wants, under the keyword intents: compares a text, by meaning, with
 * examples of each thing a text can want besides a new job (move or cancel a visit, a tech who is late, a bill, a
 * complaint, warranty, a wrong number, dropping out, a price) and with examples of new jobs, and names the meaning
 * only when the text is close to it and clearly closer than to any new job. Paraphrases ("something came up, can
 * we push it") and Spanish land where keywords miss them. The same in-process model as semantic triage.
 */
@Component
class SemanticIntents {

    /** What a text means when it is not simply a new job. */
    enum Meaning {
        RESCHEDULE(Intent.RESCHEDULE), CANCEL(Intent.CANCEL), JOB_IN_PROGRESS(Intent.JOB_IN_PROGRESS),
        BILLING(Intent.BILLING), COMPLAINT(Intent.COMPLAINT), WARRANTY(Intent.WARRANTY),
        WRONG_NUMBER(null), DECLINE(null), PRICE(null), NEW_JOB(null);

        /** The hand-over reason, for meanings a person must take. */
        final Intent handOver;

        Meaning(Intent handOver) {
            this.handOver = handOver;
        }
    }

    private record Example(Meaning meaning, float[] vector) {
    }

    // Calibrated on the development evaluation (docs/anna.md): close enough, and clearly closer than any new job.
    static final double MIN_SIMILARITY = 0.55;
    static final double MIN_MARGIN = 0.15;
    /** Names, addresses, "ok", "the 2nd": too short to mean anything but an answer. */
    private static final int MIN_WORDS = 3;

    private final TextEmbeddings embeddings;
    private volatile List<Example> examples;

    SemanticIntents(TextEmbeddings embeddings) {
        this.embeddings = embeddings;
        Thread.ofVirtual().name("intent-examples").start(this::examples); // ready before the first caller needs it
    }

    /** What the text clearly means besides a new job, if anything. */
    Optional<Meaning> meaning(String text) {
        if (text.strip().split("\\s+").length < MIN_WORDS) {
            return Optional.empty();
        }
        float[] q = embeddings.embed(text);
        Meaning best = null;
        double bestScore = -1;
        double bestNewJob = -1;
        for (Example e : examples()) {
            double s = dot(q, e.vector());
            if (e.meaning() == Meaning.NEW_JOB) {
                bestNewJob = Math.max(bestNewJob, s);
            } else if (s > bestScore) {
                bestScore = s;
                best = e.meaning();
            }
        }
        return bestScore >= MIN_SIMILARITY && bestScore - bestNewJob >= MIN_MARGIN
                ? Optional.of(best) : Optional.empty();
    }

    private List<Example> examples() {
        List<Example> loaded = examples;
        if (loaded == null) {
            loaded = read().stream()
                    .map(line -> line.split("\\s*\\|\\s*", 2))
                    .map(parts -> new Example(Meaning.valueOf(parts[0].strip()), embeddings.embed(parts[1].strip())))
                    .toList();
            examples = loaded;
        }
        return loaded;
    }

    private static List<String> read() {
        try (InputStream in = SemanticIntents.class.getResourceAsStream("/receptionist/intent-examples.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
