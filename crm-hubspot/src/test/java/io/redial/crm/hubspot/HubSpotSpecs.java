package io.redial.crm.hubspot;

import com.networknt.schema.SpecificationVersion;
import io.redial.testing.OpenApiSpecs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * HubSpot's published OpenAPI 3.0 documents for the APIs the adapter calls, read from {@code ../shared/docs/hubspot/}
 * beside the project (see {@link OpenApiSpecs}), and a check of one request the fake received against them: the
 * operation exists (the object's own document first, then the generic objects one), its query parameters are
 * declared, and its JSON body validates against the declared request schema.
 */
final class HubSpotSpecs {

    /** The object-specific documents come before the generic {@code {objectType}} one, so their schemas are used. */
    private static final List<String> FILES = List.of("crm-contacts-2026-03.json", "crm-calls-2026-03.json",
            "crm-notes-2026-03.json", "crm-tasks-2026-03.json", "crm-deals-2026-03.json", "crm-meetings-2026-03.json",
            "crm-objects-2026-03.json", "auth-oauth-2026-03.json", "webhooks-journal-2026-03.json");

    /** A request as the fake received it. */
    record Request(String method, String path, Map<String, String> query, String body) {
    }

    private final OpenApiSpecs specs;

    private HubSpotSpecs(OpenApiSpecs specs) {
        this.specs = specs;
    }

    /** The specs' folder: {@code -Dhubspot.specs=…}, else {@code ../shared/docs/hubspot} next to the project root. */
    static Optional<HubSpotSpecs> load() throws IOException {
        Optional<Path> folder = OpenApiSpecs.folder("hubspot.specs", "hubspot", FILES.getFirst());
        // OpenAPI 3.0 schemas are a JSON Schema draft 4 dialect (nullable aside, which only widens).
        return folder.isEmpty() ? Optional.empty() : Optional.of(new HubSpotSpecs(
                new OpenApiSpecs(folder.get(), FILES, "https://api.hubspot.com/specs/", SpecificationVersion.DRAFT_4)));
    }

    static Path where() {
        return OpenApiSpecs.where("hubspot.specs", "hubspot");
    }

    /** The operation a request is, as "file operationId", or null when no document declares it. */
    String operation(Request request) {
        return specs.find(request.method(), request.path()).map(o -> o.file() + " " + o.operationId()).orElse(null);
    }

    /** What is wrong with one request, empty when it conforms. */
    List<String> check(Request request) {
        String what = request.method() + " " + request.path();
        Optional<OpenApiSpecs.Operation> found = specs.find(request.method(), request.path());
        if (found.isEmpty()) {
            return List.of(what + ": no such operation in HubSpot's specs");
        }
        OpenApiSpecs.Operation operation = found.get();
        List<String> problems = new ArrayList<>(OpenApiSpecs.undeclaredQuery(operation, request.query().keySet(), what));
        JsonNode content = operation.spec().path("requestBody").path("content");
        JsonNode schema = content.path("application/json").get("schema");
        if (schema != null && !request.body().isEmpty()) {
            specs.validate(operation.file(), schema, request.body()).forEach(e -> problems.add(what + " body: " + e));
        } else if (schema == null && !request.body().isEmpty() && !content.has("application/x-www-form-urlencoded")) {
            problems.add(what + ": a JSON body was sent to an operation that takes none");
        } else if (schema != null && operation.spec().path("requestBody").path("required").asBoolean(false)) {
            problems.add(what + ": the operation requires a body and none was sent");
        }
        return problems;
    }
}
