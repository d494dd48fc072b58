package io.redial.shared.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The gate in front of Twilio's webhooks: never more at work than it allows, and every one gets its turn. */
class WebhookGateTests {

    @Test
    void letsOnlyTheAllowedNumberOfWebhooksWorkAtOnceAndTheRestInTurn() throws Exception {
        var registration = new WebhookGate().twilioWebhookGate(2);
        Filter gate = registration.getFilter();
        assertThat(registration.getUrlPatterns()).containsExactly("/twilio/*");
        AtomicInteger working = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        FilterChain slowWebhook = (request, response) -> {
            mostAtOnce.accumulateAndGet(working.incrementAndGet(), Math::max);
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            working.decrementAndGet();
            done.incrementAndGet();
        };

        try (ExecutorService twilio = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 6; i++) {
                twilio.submit(() -> {
                    gate.doFilter(new MockHttpServletRequest("POST", "/twilio/voice/dial-status"),
                            new MockHttpServletResponse(), slowWebhook);
                    return null;
                });
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> working.get() == 2);
            Thread.sleep(200); // the other four are waiting at the gate, not working
            assertThat(working.get()).isEqualTo(2);
            release.countDown();
        }

        assertThat(done.get()).isEqualTo(6);
        assertThat(mostAtOnce.get()).isEqualTo(2);
    }

    @Test
    void aFloodOfTextWebhooksLeavesHalfTheTurnsToCalls() throws Exception {
        Filter gate = new WebhookGate().twilioWebhookGate(4).getFilter();
        AtomicInteger textsWorking = new AtomicInteger();
        AtomicInteger mostTextsAtOnce = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        FilterChain slowText = (request, response) -> {
            mostTextsAtOnce.accumulateAndGet(textsWorking.incrementAndGet(), Math::max);
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            textsWorking.decrementAndGet();
        };
        CountDownLatch callDone = new CountDownLatch(1);

        try (ExecutorService twilio = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 20; i++) {
                twilio.submit(() -> {
                    gate.doFilter(new MockHttpServletRequest("POST", "/twilio/sms/incoming"), new MockHttpServletResponse(), slowText);
                    return null;
                });
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> textsWorking.get() == 2);
            twilio.submit(() -> {
                gate.doFilter(new MockHttpServletRequest("POST", "/twilio/voice/dial-status"), new MockHttpServletResponse(),
                        (request, response) -> callDone.countDown());
                return null;
            });
            assertThat(callDone.await(5, TimeUnit.SECONDS)).isTrue(); // while 18 texts still wait their turn
            assertThat(textsWorking.get()).isEqualTo(2);
            release.countDown();
        }

        assertThat(mostTextsAtOnce.get()).isEqualTo(2);
    }
}
