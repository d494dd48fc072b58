package io.redial.app.bench;

import static io.redial.app.bench.TextBackLoadHarness.MEASURED;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The harness's {@code --burst-after-start N} mode: the moment a fresh node reports ready, N missed calls at once
 * on one line (tenant 0's, paced at its {@code sends_per_minute}). A line sends its k-th text no sooner than
 * k / pace after the burst, so each text's delay is counted beyond that turn. Prints the delay beyond the pace
 * (p50, p99, worst), the webhooks' answer times, lost and duplicated.
 */
final class BurstAfterStart {

    /** The bench tenants' pace (TextBackLoadHarness.writeProvisioning). */
    static final double SENDS_PER_SECOND = 60_000 / 60.0;

    private final TextBackLoadHarness.Options o;
    private final LeanWebhookPoster webhooks;
    private final LeanTwilio twilio;

    BurstAfterStart(TextBackLoadHarness.Options o, LeanWebhookPoster webhooks, LeanTwilio twilio) {
        this.o = o;
        this.webhooks = webhooks;
        this.twilio = twilio;
    }

    record Result(int calls, List<Long> beyondPaceMillis, List<Long> webhookMicros, long lost, long duplicates,
            String loadAverage) {

        void print() {
            var p = (java.util.function.BiFunction<List<Long>, Integer, Long>) TextBackLoadHarness.Result::pct;
            System.out.printf("%nBurst on a node just ready: %d missed calls at once on one line (pace %.0f texts/s)"
                    + " (load average %s)%n", calls, SENDS_PER_SECOND, loadAverage);
            System.out.printf("text beyond the line's pace  p50 %d ms  p99 %d ms  worst %d ms%n", p.apply(beyondPaceMillis, 50),
                    p.apply(beyondPaceMillis, 99), p.apply(beyondPaceMillis, 100));
            System.out.printf("webhook answer  p50 %.1f ms  p99 %.1f ms  max %.1f ms%n", p.apply(webhookMicros, 50) / 1000.0,
                    p.apply(webhookMicros, 99) / 1000.0, p.apply(webhookMicros, 100) / 1000.0);
            System.out.printf("lost %d, duplicated %d%n", lost, duplicates);
        }
    }

    Result run() throws Exception {
        int calls = o.burstAfterStart();
        // Every call to tenant 0's line: call numbers that are multiples of the tenant count.
        int[] callNumbers = new int[calls];
        for (int i = 0; i < calls; i++) {
            callNumbers[i] = i * o.tenants();
        }
        ConcurrentLinkedQueue<Long> answers = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> failed = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int call : callNumbers) {
                senders.submit(() -> {
                    long micros = TextBackLoadHarness.post(webhooks, o, call, MEASURED, failed);
                    if (micros > 0) {
                        answers.add(micros);
                    }
                });
            }
        }
        for (int retry = 0; retry < 3 && !failed.isEmpty(); retry++) { // as Twilio retries
            List<Integer> again = new ArrayList<>(failed);
            failed.clear();
            again.forEach(call -> TextBackLoadHarness.post(webhooks, o, call, MEASURED, failed));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (TextBackLoadHarness.distinctRecipients(twilio, MEASURED) < calls && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(3000); // a late duplicate would arrive now
        Map<String, List<LeanTwilio.Sent>> byCaller = twilio.sent().stream().filter(s -> s.to().startsWith(MEASURED))
                .collect(Collectors.groupingBy(LeanTwilio.Sent::to));
        List<Long> firstSends = byCaller.values().stream()
                .map(texts -> texts.stream().mapToLong(LeanTwilio.Sent::receivedNanos).min().orElseThrow()).sorted().toList();
        List<Long> beyondPace = new ArrayList<>();
        for (int k = 0; k < firstSends.size(); k++) { // the k-th text's turn at the line's pace
            long turn = start + (long) (k * 1e9 / SENDS_PER_SECOND);
            beyondPace.add(Math.max(0, firstSends.get(k) - turn) / 1_000_000);
        }
        long duplicates = byCaller.values().stream().mapToLong(t -> t.size() - 1).sum();
        return new Result(calls, beyondPace, new ArrayList<>(answers), calls - byCaller.size(), duplicates,
                AotCache.loadAverage());
    }
}
