package io.redial.app;

import com.github.kagkarlsson.scheduler.event.ExecutionChain;
import com.github.kagkarlsson.scheduler.event.ExecutionInterceptor;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.redial.calls.MissedCallDetected;
import io.redial.conversations.InboundTextReceived;
import io.redial.leads.LeadCaptured;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The ids a log line is about, as fields of every line (MDC; the JSON log formats print them): which tenant,
 * call, conversation, lead, task. Set for a Twilio webhook's request and for a durable task's run, and cleared
 * when either ends; ids learnt on the way (a missed call's tenant and call, a lead) are added only inside such a
 * scope, so a pooled thread never carries one run's ids into another's lines. Only ids: never a phone number
 * or a message body. (Names are nested in the JSON as objects, {@code call.id} as {@code "call":{"id":…}}, so
 * none may start with a name the format uses itself, such as {@code message}.) The same interceptor times every task run ({@code redial.jobs.run}), and Anna's turns on
 * their own ({@code redial.anna.turn}).
 */
@Component
class LogFields extends OncePerRequestFilter implements ExecutionInterceptor {

    static final String SCOPE = "redial.scope";
    private static final String TURN_TASK = "receptionist-turn";

    private final MeterRegistry meters;
    private final Timer turns;

    LogFields(MeterRegistry meters) {
        this.meters = meters;
        this.turns = Timer.builder("redial.anna.turn").description("one turn of Anna's: read the texts, answer, act")
                .publishPercentileHistogram().register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/twilio/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        MDC.put(SCOPE, "webhook");
        putIfPresent("call.sid", request.getParameter("CallSid"));
        putIfPresent("sms.sid", request.getParameter("MessageSid"));
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.clear();
        }
    }

    @Override
    public CompletionHandler<?> execute(TaskInstance<?> instance, ExecutionContext context, ExecutionChain chain) {
        MDC.put(SCOPE, "task");
        MDC.put("task.name", instance.getTaskName());
        MDC.put("task.id", instance.getId());
        idsOf(instance);
        Timer.Sample started = Timer.start(meters);
        String result = "failed";
        try {
            CompletionHandler<?> done = chain.proceed(instance, context);
            result = "done";
            return done;
        } finally {
            started.stop(meters.timer("redial.jobs.run", "task", instance.getTaskName(), "result", result));
            if (TURN_TASK.equals(instance.getTaskName())) {
                started.stop(turns);
            }
            MDC.clear();
        }
    }

    /** What a task's id or data says it is about, for the tasks whose runs an operator follows most. */
    private static void idsOf(TaskInstance<?> instance) {
        switch (instance.getTaskName()) {
            case "text-back", "decide-call" -> MDC.put("call.id", instance.getId());
            case "send-text" -> MDC.put("text.id", instance.getId());
            case TURN_TASK -> {
                if (instance.getData() instanceof String data && data.indexOf(':') > 0) { // "tenant:conversation"
                    MDC.put("tenant.id", data.substring(0, data.lastIndexOf(':')));
                    MDC.put("conversation.id", data.substring(data.lastIndexOf(':') + 1));
                }
            }
            default -> { }
        }
    }

    @EventListener
    void on(MissedCallDetected missed) {
        if (MDC.get(SCOPE) != null) {
            MDC.put("tenant.id", missed.tenant().value());
            MDC.put("call.id", String.valueOf(missed.callId()));
        }
    }

    @EventListener
    void on(InboundTextReceived text) {
        if (MDC.get(SCOPE) != null) {
            MDC.put("tenant.id", text.tenant().value());
            MDC.put("conversation.id", String.valueOf(text.conversationId()));
        }
    }

    @EventListener
    void on(LeadCaptured lead) {
        if (MDC.get(SCOPE) != null) {
            MDC.put("tenant.id", lead.tenant().value());
            MDC.put("lead.id", String.valueOf(lead.leadId()));
        }
    }

    private static void putIfPresent(String key, String value) {
        if (value != null && !value.isBlank()) {
            MDC.put(key, value);
        }
    }
}
