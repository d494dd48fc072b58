package io.redial.crm.jobber.internal.client;

import io.redial.crm.CrmThrottle;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * Jobber's query-cost bucket (10,000 points refilling 500/s per app and account), read from
 * {@code extensions.cost.throttleStatus} after every call. When what is left falls under a reserve that
 * covers the requests other workers may already have in flight, every node holds off (through core's shared
 * pause) until the bucket has refilled to the reserve: the bucket never runs dry, so no THROTTLED answers.
 */
public final class CostBudget {

    private final int reserve;

    public CostBudget(int reserve) {
        this.reserve = reserve;
    }

    /** Pauses the connection's throttle when the answer says the bucket is low. */
    public void observe(JsonNode extensions, CrmThrottle throttle) {
        JsonNode status = extensions.path("cost").path("throttleStatus");
        if (!status.has("currentlyAvailable") || !status.has("restoreRate")) {
            return;
        }
        double available = status.get("currentlyAvailable").asDouble();
        double restoreRate = Math.max(1, status.get("restoreRate").asDouble());
        if (available < reserve) {
            throttle.pause(Duration.ofMillis((long) Math.ceil((reserve - available) * 1000 / restoreRate)));
        }
    }

    /** How long until the bucket holds what a throttled query asked for. */
    static Duration refillFor(JsonNode cost) {
        JsonNode status = cost.path("throttleStatus");
        double restoreRate = Math.max(1, status.path("restoreRate").asDouble(500));
        double missing = cost.path("requestedQueryCost").asDouble(0) - status.path("currentlyAvailable").asDouble(0);
        return Duration.ofMillis(Math.max(1000, (long) Math.ceil(Math.max(0, missing) * 1000 / restoreRate)));
    }
}
