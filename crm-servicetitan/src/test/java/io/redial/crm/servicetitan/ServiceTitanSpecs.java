package io.redial.crm.servicetitan;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * ServiceTitan's own OpenAPI 3.1 documents (crm, jpm, settings, marketing v2), read from
 * {@code ../shared/docs/servicetitan/} beside the project (never copied into it), and a check of one
 * recorded exchange against them: the operation exists, its query parameters are declared, the request body
 * and the answer validate against the declared JSON schemas (networknt, draft 2020-12 as OpenAPI 3.1 says).
 */
final class ServiceTitanSpecs {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final List<String> MODULES = List.of("crm", "jpm", "settings", "marketing");
    /** ServiceTitan declares no 401, 429 or 5xx anywhere; their bodies are checked as its one error shape. */
    static final Set<Integer> UNDECLARED_ERRORS = Set.of(401, 429, 500, 502, 503, 504);

    private final Map<String, JsonNode> documents = new HashMap<>();
    private final SchemaRegistry registry;
    private final AtomicInteger wrappers = new AtomicInteger();

    private ServiceTitanSpecs(Path folder) throws IOException {
        Map<String, String> texts = new HashMap<>();
        for (String module : MODULES) {
            String text = Files.readString(folder.resolve(module + "-v2.json"));
            texts.put(base(module), text);
            documents.put(module, JSON.readTree(text));
        }
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemas(texts));
    }

    /** The specs' folder: {@code -Dservicetitan.specs=…}, else {@code ../shared/docs/servicetitan} next to the project root. */
    static Optional<ServiceTitanSpecs> load() throws IOException {
        String configured = System.getProperty("servicetitan.specs");
        Path folder = configured != null ? Path.of(configured) : projectRoot().resolve("../shared/docs/servicetitan").normalize();
        if (!Files.isRegularFile(folder.resolve("crm-v2.json"))) {
            return Optional.empty();
        }
        return Optional.of(new ServiceTitanSpecs(folder));
    }

    static Path where() {
        String configured = System.getProperty("servicetitan.specs");
        return configured != null ? Path.of(configured) : projectRoot().resolve("../shared/docs/servicetitan").normalize();
    }

    /** What is wrong with one exchange, empty when it conforms. */
    List<String> check(FakeServiceTitan.Exchange exchange) {
        List<String> problems = new ArrayList<>();
        JsonNode spec = documents.get(exchange.module());
        String what = exchange.method() + " /" + exchange.module() + "/v2" + exchange.path() + " → " + exchange.status();
        if (spec == null) {
            return List.of(what + ": no spec for module " + exchange.module());
        }
        String template = template(spec, exchange.path());
        JsonNode operation = template == null ? null : spec.path("paths").path(template).get(exchange.method().toLowerCase());
        if (operation == null) {
            return List.of(what + ": no such operation in " + exchange.module() + "-v2.json");
        }
        Set<String> declared = new java.util.HashSet<>();
        operation.path("parameters").forEach(p -> {
            if (p.path("in").asString().equals("query")) {
                declared.add(p.path("name").asString());
            }
        });
        for (String name : exchange.query().keySet()) {
            if (!declared.contains(name)) {
                problems.add(what + ": query parameter '" + name + "' is not declared");
            }
        }
        JsonNode requestSchema = operation.path("requestBody").path("content").path("application/json").get("schema");
        if (requestSchema != null && !exchange.requestBody().isEmpty()) {
            validate(exchange.module(), requestSchema, exchange.requestBody()).forEach(e -> problems.add(what + " request: " + e));
        } else if (!exchange.requestBody().isEmpty()) {
            problems.add(what + ": a body was sent to an operation that takes none");
        }
        JsonNode response = operation.path("responses").get(String.valueOf(exchange.status()));
        JsonNode responseSchema;
        if (response != null) {
            responseSchema = response.path("content").path("application/json").get("schema");
        } else if (UNDECLARED_ERRORS.contains(exchange.status())) {
            responseSchema = JSON.createObjectNode().put("$ref", "#/components/schemas/ApiErrorResponse");
        } else {
            problems.add(what + ": status " + exchange.status() + " is not declared for this operation");
            return problems;
        }
        if (responseSchema != null) {
            validate(exchange.module(), responseSchema, exchange.responseBody()).forEach(e -> problems.add(what + " answer: " + e));
        }
        return problems;
    }

    /** The operation's id, e.g. {@code Bookings_Create}, for coverage reports. */
    String operationId(FakeServiceTitan.Exchange exchange) {
        JsonNode spec = documents.get(exchange.module());
        String template = spec == null ? null : template(spec, exchange.path());
        return template == null ? "?" : spec.path("paths").path(template).path(exchange.method().toLowerCase())
                .path("operationId").asString("?");
    }

    private List<String> validate(String module, JsonNode schemaNode, String body) {
        JsonNode absolute = absoluteRefs(schemaNode.deepCopy(), base(module));
        Schema schema = registry.getSchema(SchemaLocation.of("urn:redial:check:" + wrappers.incrementAndGet()), absolute);
        try {
            return schema.validate(JSON.readTree(body)).stream().map(Object::toString).toList();
        } catch (RuntimeException notJson) {
            return List.of("not JSON: " + notJson.getMessage());
        }
    }

    /** {@code #/components/...} refs made absolute, so a schema lifted out of its document still resolves. */
    private static JsonNode absoluteRefs(JsonNode node, String base) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isString() && ref.asString().startsWith("#")) {
                object.put("$ref", base + ref.asString());
            }
            for (Iterator<JsonNode> it = object.values().iterator(); it.hasNext(); ) {
                absoluteRefs(it.next(), base);
            }
        } else if (node.isArray()) {
            node.forEach(child -> absoluteRefs(child, base));
        }
        return node;
    }

    private static String template(JsonNode spec, String path) {
        for (String template : spec.path("paths").propertyNames()) {
            if (path.matches(template.replaceAll("\\{[^}]+}", "[^/]+"))) {
                return template;
            }
        }
        return null;
    }

    private static String base(String module) {
        return "https://developer.servicetitan.io/specs/" + module + "-v2.json";
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("mvnw")) && Files.exists(p.resolve("crm-servicetitan"))) {
                return p;
            }
        }
        return dir;
    }
}
