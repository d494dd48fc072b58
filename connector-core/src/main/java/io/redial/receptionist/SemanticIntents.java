package io.redial.receptionist;

import io.redial.receptionist.booking.TimeGrammar;
import io.redial.receptionist.reading.Intent;
import io.redial.receptionist.triage.Embedded;
import io.redial.receptionist.triage.EmbeddedExamples;
import io.redial.receptionist.triage.TextEmbeddings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The semantic layer of reading what a caller wants, under the keyword intents: compares a text, by meaning, with
 * examples of each thing a text can want besides a new job (move or cancel a visit, a tech who is late, a bill, a
 * complaint, warranty, a wrong number, a sales pitch or scam, dropping out, a price, a staff member's phone number) and with examples of new jobs, and names the meaning
 * only when the text is close to it and clearly closer than to any new job. Paraphrases ("something came up, can
 * we push it") and Spanish land where keywords miss them. The same in-process model as semantic triage.
 */
@Component
class SemanticIntents {

    /** What a text means when it is not simply a new job. */
    enum Meaning {
        RESCHEDULE(Intent.RESCHEDULE), CANCEL(Intent.CANCEL), JOB_IN_PROGRESS(Intent.JOB_IN_PROGRESS),
        BILLING(Intent.BILLING), COMPLAINT(Intent.COMPLAINT), WARRANTY(Intent.WARRANTY),
        WRONG_NUMBER(null), SPAM(null), DECLINE(null), PRICE(null), STAFF_CONTACT(null), NEW_JOB(null);

        /** The hand-over reason, for meanings a person must take. */
        final Intent handOver;

        Meaning(Intent handOver) {
            this.handOver = handOver;
        }
    }

    private record Example(Meaning meaning, String text) {
    }

    // Calibrated on the development evaluation (docs/anna.md): close enough, and clearly closer than any new job.
    static final double MIN_SIMILARITY = 0.55;
    static final double MIN_MARGIN = 0.15;
    private static final Pattern CONTACT_WORDS = Pattern.compile(
            "number|cell|phone|line|contact|numero|número|telefono|teléfono|celular");
    /** Names, addresses, "ok", "the 2nd": too short to mean anything but an answer. */
    private static final int MIN_WORDS = 3;

    private final TextEmbeddings embeddings;
    private final EmbeddedExamples<Example> examples;

    SemanticIntents(TextEmbeddings embeddings) {
        this.embeddings = embeddings;
        this.examples = EmbeddedExamples.inBackground("intent-examples", embeddings, SemanticIntents::read, Example::text);
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
        for (Embedded<Example> e : examples.get()) {
            double s = e.similarity(q);
            Meaning meaning = e.item().meaning();
            if (meaning == Meaning.NEW_JOB) {
                bestNewJob = Math.max(bestNewJob, s);
            } else if (s > bestScore) {
                bestScore = s;
                best = meaning;
            }
        }
        if (best == Meaning.STAFF_CONTACT && !CONTACT_WORDS.matcher(text.toLowerCase(Locale.ROOT)).find()) {
            return Optional.empty(); // asking for someone's number names a number, a cell or a line
        }
        return bestScore >= MIN_SIMILARITY && bestScore - bestNewJob >= MIN_MARGIN
                ? Optional.of(best) : Optional.empty();
    }

    /**
     * "Actually wednesday would be better" before anything is booked changes this request's day, whatever it
     * resembles: only a visit already booked can be moved or cancelled.
     */
    static boolean changesThisRequest(TurnContext turn, Meaning m, String plain) {
        return (m == Meaning.RESCHEDULE || m == Meaning.CANCEL) && turn.turns() > 0 && turn.stage() != Stage.BOOKED
                && TimeGrammar.mentionsTime(plain);
    }

    private static List<Example> read() {
        try (InputStream in = SemanticIntents.class.getResourceAsStream("/receptionist/intent-examples.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(line -> line.split("\\s*\\|\\s*", 2))
                    .map(parts -> new Example(Meaning.valueOf(parts[0].strip()), parts[1].strip()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
