package io.redial.crm.hubspot.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The body of a batch create or upsert: at most 100 inputs. Each carries an {@code objectWriteTraceId} (our
 * item's own id), which HubSpot echoes on the result, so an answer maps back to its input whatever its order.
 */
public record BatchInput(List<Input> inputs) {

    /** An input: {@code id} and {@code idProperty} only for upserts, {@code associations} only for creates. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Input(String id, String idProperty, Map<String, String> properties,
            List<CreateObject.Association> associations, String objectWriteTraceId) {

        public static Input upsert(String idProperty, String id, Map<String, String> properties, String trace) {
            return new Input(id, idProperty, properties, null, trace);
        }

        public static Input create(CreateObject object, String trace) {
            return new Input(null, null, object.properties(), object.associations(), trace);
        }
    }
}
