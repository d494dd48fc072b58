package io.redial.receptionist.langchain4j;

import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.Map;

/**
 * How long the model takes to answer Anna, each request on its own (a turn may ask it more than once), as
 * {@code redial.anna.model} by outcome: the part of a turn's time that is the LLM provider's.
 */
final class ModelTimer implements ChatModelListener {

    private static final String STARTED = ModelTimer.class.getName();

    @Override
    public void onRequest(ChatModelRequestContext context) {
        context.attributes().put(STARTED, Timer.start());
    }

    @Override
    public void onResponse(ChatModelResponseContext context) {
        stop(context.attributes(), "answered");
    }

    @Override
    public void onError(ChatModelErrorContext context) {
        stop(context.attributes(), "failed");
    }

    private static void stop(Map<Object, Object> attributes, String outcome) {
        if (attributes.get(STARTED) instanceof Timer.Sample sample) {
            sample.stop(Timer.builder("redial.anna.model").tag("outcome", outcome).publishPercentileHistogram()
                    .register(Metrics.globalRegistry));
        }
    }
}
