package io.redial.crm.jobber.internal.client;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Jobber's {@code extensions.versioning}: the version that answered and, near or past its end of support, a
 * warning. Each distinct warning is logged once per app, not once per request.
 */
public final class VersionWarnings {

    private static final Logger log = LoggerFactory.getLogger(VersionWarnings.class);

    private final String pinned;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    public VersionWarnings(String pinned) {
        this.pinned = pinned;
    }

    public void observe(JsonNode extensions) {
        JsonNode versioning = extensions.path("versioning");
        String version = versioning.path("version").asString(pinned);
        String warning = versioning.path("warning").asString("");
        if (!warning.isBlank() && logged.add(version + "|" + warning)) {
            log.warn("Jobber GraphQL version {} (pinned {}): {}", version, pinned, warning);
        } else if (!version.equals(pinned) && logged.add(version + "|served")) {
            log.warn("Jobber answered with GraphQL version {} although {} is pinned", version, pinned);
        }
    }
}
