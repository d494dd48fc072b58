package io.redial.conversations;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.redial.calls.MissedCallDetected;
import io.redial.jobs.DurableJobs;
import io.redial.leads.KnownCustomers;
import io.redial.leads.KnownCustomers.KnownCustomer;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.tenants.Tenants;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * A missed call becomes a durable text-back task in the transaction that decided the call, and nothing more
 * (DESIGN decision 1: the webhook stores, schedules and answers). The task starts on this node's fast lane as
 * soon as that commits (see {@link DurableJobs#runHereAfterCommit}): it looks the caller up (within a hard
 * budget), decides and puts the text in the send ledger in {@link TextBackDecision}, then makes the first send
 * attempt itself: one task per missed call, not two. Until that attempt returns the task stays scheduled, so a
 * crash anywhere re-runs it, and the re-run hands the unsent text to the send task, which asks the carrier's
 * log first.
 */
@Configuration(proxyBeanMethods = false)
class TextBack {

    private static final Logger log = LoggerFactory.getLogger(TextBack.class);
    static final TaskDescriptor<Long> TASK = TaskDescriptor.of("text-back", Long.class);
    private static final Executor LOOK_UPS = Executors.newVirtualThreadPerTaskExecutor();

    /**
     * The text-back normally runs on this node's fast lane the moment the call is decided; one that waited
     * there this long (a node falling behind) is handed to the scheduler, so whichever node is free runs it.
     * The row is the backstop for a node that dies first: its heartbeats stop and another node revives it.
     */
    private static final Duration QUEUE_LIMIT = Duration.ofSeconds(2);

    private final DurableJobs jobs;
    private final TextBackDecision decision;
    private final OutboundTexts texts;
    private final List<KnownCustomers> directories;
    private final List<LineTypes> lineTypes;
    private final Tenants tenants;
    private final Duration lookupBudget;

    TextBack(DurableJobs jobs, TextBackDecision decision, OutboundTexts texts, List<KnownCustomers> directories,
            List<LineTypes> lineTypes, Tenants tenants,
            @Value("${redial.textback.lookup-budget:PT0.8S}") Duration lookupBudget) {
        this.jobs = jobs;
        this.decision = decision;
        this.texts = texts;
        this.directories = directories;
        this.lineTypes = lineTypes;
        this.tenants = tenants;
        this.lookupBudget = lookupBudget;
    }

    static TaskInstance<Long> instance(long callId) {
        return TASK.instance(String.valueOf(callId)).data(callId).priority(OutboundTexts.FIRST_CONTACT).build();
    }

    @EventListener
    void on(MissedCallDetected missed) {
        // What the event says is what the decision needs, unless the caller's line type may have to be looked up.
        var call = lineTypeWanted(missed.tenant()) ? null : new TextBackDecision.CallToText(missed.tenant(),
                missed.caller(), missed.callerId(), missed.lineId(), missed.callSid(), missed.stirVerstat(), false, false);
        jobs.runHereAfterCommit(instance(missed.callId()), QUEUE_LIMIT,
                () -> textBack(missed.callId(), call != null ? call : decision.load(missed.callId())));
    }

    private boolean lineTypeWanted(TenantId tenant) {
        return !lineTypes.isEmpty() && tenants.policy(tenant).lineTypeLookup();
    }

    @Bean
    OneTimeTask<Long> textBackTask() {
        // Never given up: an overloaded database or a restart delays a text-back, it must not drop it.
        FailureHandler<Long> retryForever = (complete, ops) -> ops.reschedule(complete, Instant.now().plusSeconds(
                Math.min(60, 1L << Math.min(6, complete.getExecution().consecutiveFailures))));
        return Tasks.oneTime(TASK)
                .onFailure(retryForever)
                .execute((instance, context) -> textBack(instance.getData(), decision.load(instance.getData())));
    }

    /** One run of the text-back; safe to run again, or twice at once (the decision and each send are claimed). */
    private void textBack(long callId, TextBackDecision.CallToText call) {
        if (call.decided()) { // an earlier run decided: no look-ups, only the hand-over of its text
            decision.decideAndQueue(callId, call, Optional.empty());
            return;
        }
        boolean hidden = call.caller().hidden(); // nothing to look up: the decision records the lead and why
        if (!hidden && call.lineTypeUnknownAndWanted() && !lineTypes.isEmpty()) {
            within(lookupBudget, () -> lineTypes.getFirst().typeOf(call.caller()))
                    .flatMap(type -> type)
                    .ifPresent(type -> {
                        log.info("line-type lookup: {} is {}", call.caller().masked(), type);
                        decision.rememberLineType(call, type);
                    });
        }
        Optional<KnownCustomer> known = hidden ? Optional.empty()
                : lookUp(directories, call.tenant(), call.caller(), lookupBudget);
        Optional<OutboundTexts.Queued> queued;
        try {
            queued = decision.decideAndQueue(callId, call, known);
        } catch (TextBackDecision.DecidedMeanwhile raced) { // two runs at once: the other one's text stands
            texts.handOverUnsent(callId, OutboundTexts.FIRST_CONTACT);
            return;
        }
        queued.ifPresent(texts::sendNow);
    }

    /** A slow or failing directory never holds the text back: past the budget we text without a name. */
    static Optional<KnownCustomer> lookUp(List<KnownCustomers> directories, TenantId tenant, PhoneNumber caller,
            Duration budget) {
        List<KnownCustomers> asked = directories.stream().filter(d -> d.mayKnow(tenant)).toList();
        if (asked.isEmpty()) { // nothing connected: no look-up thread, no wait
            return Optional.empty();
        }
        // Every directory is asked in turn (a CRM, say), all inside the one budget; the first that knows wins.
        return within(budget, () -> asked.stream().map(d -> d.lookUp(tenant, caller))
                .flatMap(Optional::stream).findFirst()).flatMap(found -> found);
    }

    /** Runs a look-up with a hard time budget; slow or failing means "don't know". */
    static <T> Optional<T> within(Duration budget, java.util.function.Supplier<T> lookUp) {
        try {
            // On a virtual thread of its own: the common pool has one thread on two cores, and every text-back
            // queued behind one slow directory would wait out its budget in turn.
            return Optional.ofNullable(CompletableFuture.supplyAsync(lookUp, LOOK_UPS).get(budget.toMillis(), TimeUnit.MILLISECONDS));
        } catch (java.util.concurrent.TimeoutException e) {
            log.info("a look-up exceeded its {} ms budget: going on without it", budget.toMillis());
            return Optional.empty();
        } catch (Exception e) {
            log.warn("a look-up failed: going on without it ({})", e.toString());
            return Optional.empty();
        }
    }
}
