package io.redial.crm.servicetitan;

import com.networknt.schema.SpecificationVersion;
import io.redial.testing.OpenApiSpecs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * ServiceTitan's own OpenAPI 3.1 documents (crm, jpm, settings, marketing v2), read from
 * {@code ../shared/docs/servicetitan/} beside the project (see {@link OpenApiSpecs}), and a check of one
 * recorded exchange against them: the operation exists, its query parameters are declared, the request body
 * and the answer validate against the declared JSON schemas (draft 2020-12, as OpenAPI 3.1 says).
 */
final class ServiceTitanSpecs {

    private static final List<String> MODULES = List.of("crm", "jpm", "settings", "marketing");
    /** ServiceTitan declares no 401, 429 or 5xx anywhere; their bodies are checked as its one error shape. */
    static final Set<Integer> UNDECLARED_ERRORS = Set.of(401, 429, 500, 502, 503, 504);

    private final OpenApiSpecs specs;

    private ServiceTitanSpecs(OpenApiSpecs specs) {
        this.specs = specs;
    }

    /** The specs' folder: {@code -Dservicetitan.specs=…}, else {@code ../shared/docs/servicetitan} next to the project root. */
    static Optional<ServiceTitanSpecs> load() throws IOException {
        Optional<Path> folder = OpenApiSpecs.folder("servicetitan.specs", "servicetitan", "crm-v2.json");
        return folder.isEmpty() ? Optional.empty() : Optional.of(new ServiceTitanSpecs(new OpenApiSpecs(folder.get(),
                MODULES.stream().map(ServiceTitanSpecs::file).toList(), "https://developer.servicetitan.io/specs/",
                SpecificationVersion.DRAFT_2020_12)));
    }

    static Path where() {
        return OpenApiSpecs.where("servicetitan.specs", "servicetitan");
    }

    /** What is wrong with one exchange, empty when it conforms. */
    List<String> check(FakeServiceTitan.Exchange exchange) {
        String what = exchange.method() + " /" + exchange.module() + "/v2" + exchange.path() + " → " + exchange.status();
        if (!MODULES.contains(exchange.module())) {
            return List.of(what + ": no spec for module " + exchange.module());
        }
        Optional<OpenApiSpecs.Operation> found = find(exchange);
        if (found.isEmpty()) {
            return List.of(what + ": no such operation in " + file(exchange.module()));
        }
        OpenApiSpecs.Operation operation = found.get();
        List<String> problems = new ArrayList<>(OpenApiSpecs.undeclaredQuery(operation, exchange.query().keySet(), what));
        JsonNode requestSchema = operation.spec().path("requestBody").path("content").path("application/json").get("schema");
        if (requestSchema != null && !exchange.requestBody().isEmpty()) {
            specs.validate(operation.file(), requestSchema, exchange.requestBody()).forEach(e -> problems.add(what + " request: " + e));
        } else if (!exchange.requestBody().isEmpty()) {
            problems.add(what + ": a body was sent to an operation that takes none");
        }
        JsonNode response = operation.spec().path("responses").get(String.valueOf(exchange.status()));
        JsonNode responseSchema;
        if (response != null) {
            responseSchema = response.path("content").path("application/json").get("schema");
        } else if (UNDECLARED_ERRORS.contains(exchange.status())) {
            responseSchema = OpenApiSpecs.JSON.createObjectNode().put("$ref", "#/components/schemas/ApiErrorResponse");
        } else {
            problems.add(what + ": status " + exchange.status() + " is not declared for this operation");
            return problems;
        }
        if (responseSchema != null) {
            specs.validate(operation.file(), responseSchema, exchange.responseBody()).forEach(e -> problems.add(what + " answer: " + e));
        }
        return problems;
    }

    /** The operation's id, e.g. {@code Bookings_Create}, for coverage reports. */
    String operationId(FakeServiceTitan.Exchange exchange) {
        return find(exchange).map(OpenApiSpecs.Operation::operationId).orElse("?");
    }

    private Optional<OpenApiSpecs.Operation> find(FakeServiceTitan.Exchange exchange) {
        return MODULES.contains(exchange.module()) ? specs.find(exchange.method(), exchange.path(), file(exchange.module()))
                : Optional.empty();
    }

    private static String file(String module) {
        return module + "-v2.json";
    }
}
