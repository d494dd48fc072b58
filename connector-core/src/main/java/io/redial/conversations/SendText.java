package io.redial.conversations;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable task that hands one ledger row to the carrier. A run that finds the row already
 * {@link SendState#SENDING} died mid-send before: it asks the carrier's log first and only sends when
 * the text is not there (DESIGN decision 2).
 */
@Configuration(proxyBeanMethods = false)
public class SendText {

    private static final Logger log = LoggerFactory.getLogger(SendText.class);

    public static final TaskDescriptor<Long> TASK = TaskDescriptor.of("send-text", Long.class);
    /** First contact goes before follow-ups when the queue is deep. */
    public static final int FIRST_CONTACT_PRIORITY = 10;

    public static TaskInstance<Long> instance(long messageId, int priority) {
        return TASK.instance(String.valueOf(messageId)).data(messageId).priority(priority).build();
    }

    @Bean
    OneTimeTask<Long> sendTextTask(SendLedger ledger, TextMessaging carrier) {
        // 1 + 2 + 4 + 8 + 16 s: five retries fit inside the 60-second promise; then the text is marked failed.
        var retries = new FailureHandler.MaxRetriesFailureHandler<Long>(5,
                new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(1), 2.0),
                (complete, ops) -> ledger.markFailed(Long.parseLong(complete.getExecution().taskInstance.getId()),
                        "retries-exhausted"));
        return Tasks.oneTime(TASK).onFailure(retries)
                .execute((instance, context) -> send(ledger, carrier, instance.getData()));
    }

    static void send(SendLedger ledger, TextMessaging carrier, long messageId) {
        LedgerEntry entry = ledger.find(messageId).orElse(null);
        if (entry == null || entry.state() == SendState.SENT || entry.state() == SendState.FAILED) {
            return;
        }
        if (entry.state() == SendState.SENDING) {
            Optional<TextMessaging.SentText> earlier =
                    carrier.findSent(entry.from(), entry.to(), entry.body(), entry.createdAt());
            if (earlier.isPresent()) {
                log.info("text {} was already with the carrier as {}: not sending again", messageId, earlier.get().carrierSid());
                ledger.markSent(messageId, earlier.get().carrierSid(), earlier.get().status());
                return;
            }
        }
        ledger.markSending(messageId);
        try {
            TextMessaging.SentText sent = carrier.send(new TextMessaging.OutboundText(entry.from(), entry.to(), entry.body()));
            ledger.markSent(messageId, sent.carrierSid(), sent.status());
        } catch (TextSendFailed failure) {
            if (!failure.retryable()) {
                log.warn("text {} to {} refused for good: {}", messageId, entry.to().masked(), failure.getMessage());
                ledger.markFailed(messageId, failure.carrierCode());
                return;
            }
            log.warn("text {} to {} not sent yet: {}", messageId, entry.to().masked(), failure.getMessage());
            throw failure; // db-scheduler retries with backoff; the row stays SENDING so the retry checks first
        }
    }
}
