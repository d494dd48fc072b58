package io.redial.receptionist;

import io.redial.receptionist.booking.BookingWindows;
import io.redial.receptionist.triage.SemanticTriage;

import static org.assertj.core.api.Assertions.assertThat;

import io.redial.conversations.Conversation;
import io.redial.shared.TenantId;
import io.redial.testing.CoreTestApplication;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The speed harness (not part of the regular suite: its name does not end in Tests). It runs whole booking
 * conversations through the real turn pipeline and prints our own time per turn, model time excluded:
 * {@code ./mvnw -o -q -pl connector-core test -Dtest=ReceptionistBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Size with {@code -Dbenchmark.conversations=N} (default 250, four turns each). It also prints the semantic
 * matcher's embedding step on its own, which the per-turn figures already include.
 */
// Own context: the shared scheduler bean cannot restart after Spring pauses a cached context.
@SpringBootTest(classes = CoreTestApplication.class)
@DirtiesContext
class ReceptionistBenchmark {

    // Four turns each, written as people text: several facts at once, a time wish, Spanish, a paraphrased danger.
    static final List<List<String>> SCRIPTS = List.of(
            List.of("my AC is making a rattling noise", "Dana Whitfield", "1200 Barton Springs Rd, Austin TX 78704", "1"),
            List.of("kitchen faucet drips constantly", "Ana Suarez, 7012 Cooper Ln 78745", "thursday works best", "2"),
            List.of("furnace out, 48 in the house and my grandmother is 92", "Jo Park", "77 Oak Hill Dr, Austin 78735", "ok"),
            List.of("how much for a roof inspection?", "Gary Olsen", "2200 Parmer Ln, Austin 78727", "the first one"),
            List.of("hola se tapo el lavabo del baño", "me llamo Rosa Paz", "1800 E 4th St 78702", "1"),
            List.of("hi im greg tan 1701 enfield rd 78703 breaker keeps tripping when the microwave runs",
                    "tomorrow morning works", "1", "thanks"));

    @Autowired AnnaFixture fixture;
    @Autowired ConversationStates states;
    @Autowired ReceptionistTurns turns;
    @Autowired BookingWindows windows;
    @Autowired ReceptionistProfiles profiles;
    @Autowired JdbcClient jdbc;
    @Autowired SemanticTriage semantic;

    @Test
    void printsOurTimePerTurn() {
        TenantId tenant = fixture.tenant("bench-co", "+15125550899");
        windows.replace(tenant, Arrays.stream(DayOfWeek.values())
                .map(d -> new BookingWindows.Window(d, LocalTime.of(8, 0), LocalTime.of(17, 0), 10_000)).toList());
        profiles.saveSettings(tenant, new ReceptionistSettings(false, 20, 30, 10_000, 7));
        int conversations = Integer.getInteger("benchmark.conversations", 250);

        run(tenant, 50, 0, new ArrayList<>()); // warm-up: JIT, connection pool, caches
        List<Long> cpu = new ArrayList<>();
        List<Long> micros = run(tenant, conversations, 1000, cpu);
        Collections.sort(cpu);

        Collections.sort(micros);
        System.out.printf(Locale.ROOT, "%nAnna per-turn time, our own work (model time excluded, the in-process embedding step included), %d turns over %d conversations:%n"
                        + "  p50 %.2f ms | p90 %.2f ms | p99 %.2f ms | max %.2f ms   (target p99 <= 50 ms)%n"
                        + "  CPU of the turn's own thread: p50 %.2f ms | p99 %.2f ms (the rest is waiting: database, scheduler, other processes)%n"
                        + "  machine: %d cores, load average %s%n",
                micros.size(), conversations, ms(micros, 0.50), ms(micros, 0.90), ms(micros, 0.99),
                micros.getLast() / 1000.0, ms(cpu, 0.50), ms(cpu, 0.99), Runtime.getRuntime().availableProcessors(),
                loadAverage());
        List<Long> embedding = embeddingStep(tenant);
        System.out.printf(Locale.ROOT, "  the embedding step alone (embed the text, compare with every example), %d texts: "
                        + "p50 %.2f ms | p99 %.2f ms | max %.2f ms%n", embedding.size(), ms(embedding, 0.50),
                ms(embedding, 0.99), embedding.getLast() / 1000.0);
        assertThat(micros).hasSize(conversations * 4);
    }

    /** Each turn timed as its task runs it: lease, read, decide, commit the reply, release; minus model time. */
    private List<Long> run(TenantId tenant, int conversations, int offset, List<Long> cpu) {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < conversations; i++) {
            Conversation c = fixture.conversation(tenant, "+1737%07d".formatted(offset * 10_000 + i));
            for (String text : SCRIPTS.get(i % SCRIPTS.size())) {
                long message = fixture.storeText(c, text);
                states.enqueue(tenant, c.id(), message); // the webhook's transaction does this, not the turn
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                turns.drain(tenant, c.id());
                long wall = (System.nanoTime() - t0) / 1000;
                cpu.add((threads.getCurrentThreadCpuTime() - c0) / 1000);
                long model = jdbc.sql("SELECT model_micros FROM receptionist_turns WHERE message_id = ?").param(message)
                        .query(Long.class).single();
                micros.add(wall - model);
            }
        }
        return micros;
    }

    /** The semantic matcher on every scripted text, as a turn runs it; already inside the per-turn figures above. */
    private List<Long> embeddingStep(TenantId tenant) {
        var profile = profiles.find(tenant).orElseThrow();
        List<Long> micros = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            for (List<String> script : SCRIPTS) {
                for (String text : script) {
                    long t0 = System.nanoTime();
                    semantic.emergency(tenant, profile.trades(), text);
                    micros.add((System.nanoTime() - t0) / 1000);
                }
            }
        }
        Collections.sort(micros);
        return micros;
    }

    /** Other work on the machine skews every figure; print it beside them. */
    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static double ms(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1000.0;
    }
}
