package io.redial.crm.hubspot;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * HubSpot's published OpenAPI 3.0 documents for the APIs the adapter calls, read from {@code ../shared/docs/hubspot/}
 * beside the project (never copied into it), and a check of one request the fake received against them: the
 * operation exists (the object's own document first, then the generic objects one), its query parameters are
 * declared, and its JSON body validates against the declared request schema.
 */
final class HubSpotSpecs {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** The object-specific documents come before the generic {@code {objectType}} one, so their schemas are used. */
    private static final List<String> FILES = List.of("crm-contacts-2026-03.json", "crm-calls-2026-03.json",
            "crm-notes-2026-03.json", "crm-tasks-2026-03.json", "crm-deals-2026-03.json", "crm-meetings-2026-03.json",
            "crm-objects-2026-03.json", "auth-oauth-2026-03.json", "webhooks-journal-2026-03.json");

    /** A request as the fake received it. */
    record Request(String method, String path, Map<String, String> query, String body) {
    }

    private final Map<String, JsonNode> documents = new LinkedHashMap<>();
    private final SchemaRegistry registry;
    private final AtomicInteger wrappers = new AtomicInteger();

    private HubSpotSpecs(Path folder) throws IOException {
        Map<String, String> texts = new HashMap<>();
        for (String file : FILES) {
            String text = Files.readString(folder.resolve(file));
            texts.put(base(file), text);
            documents.put(file, JSON.readTree(text));
        }
        // OpenAPI 3.0 schemas are a JSON Schema draft 4 dialect (nullable aside, which only widens).
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4, b -> b.schemas(texts));
    }

    /** The specs' folder: {@code -Dhubspot.specs=…}, else {@code ../shared/docs/hubspot} next to the project root. */
    static Optional<HubSpotSpecs> load() throws IOException {
        return Files.isRegularFile(where().resolve("crm-contacts-2026-03.json")) ? Optional.of(new HubSpotSpecs(where()))
                : Optional.empty();
    }

    static Path where() {
        String configured = System.getProperty("hubspot.specs");
        return configured != null ? Path.of(configured) : projectRoot().resolve("../shared/docs/hubspot").normalize();
    }

    /** The operation a request is, as "file operationId", or null when no document declares it. */
    String operation(Request request) {
        Found found = find(request);
        return found == null ? null : found.file() + " " + found.operation().path("operationId").asString("?");
    }

    /** What is wrong with one request, empty when it conforms. */
    List<String> check(Request request) {
        String what = request.method() + " " + request.path();
        Found found = find(request);
        if (found == null) {
            return List.of(what + ": no such operation in HubSpot's specs");
        }
        List<String> problems = new ArrayList<>();
        java.util.Set<String> declared = new java.util.HashSet<>();
        found.operation().path("parameters").forEach(p -> {
            if (p.path("in").asString().equals("query")) {
                declared.add(p.path("name").asString());
            }
        });
        request.query().keySet().stream().filter(name -> !declared.contains(name))
                .forEach(name -> problems.add(what + ": query parameter '" + name + "' is not declared"));
        JsonNode content = found.operation().path("requestBody").path("content");
        JsonNode schema = content.path("application/json").get("schema");
        if (schema != null && !request.body().isEmpty()) {
            validate(found.file(), schema, request.body()).forEach(e -> problems.add(what + " body: " + e));
        } else if (schema == null && !request.body().isEmpty() && !content.has("application/x-www-form-urlencoded")) {
            problems.add(what + ": a JSON body was sent to an operation that takes none");
        } else if (schema != null && found.operation().path("requestBody").path("required").asBoolean(false)) {
            problems.add(what + ": the operation requires a body and none was sent");
        }
        return problems;
    }

    private record Found(String file, JsonNode operation) {
    }

    private Found find(Request request) {
        for (var document : documents.entrySet()) {
            for (String template : document.getValue().path("paths").propertyNames()) {
                if (request.path().matches(template.replaceAll("\\{[^}]+}", "[^/]+"))) {
                    JsonNode operation = document.getValue().path("paths").path(template).get(request.method().toLowerCase());
                    if (operation != null) {
                        return new Found(document.getKey(), operation);
                    }
                }
            }
        }
        return null;
    }

    private List<String> validate(String file, JsonNode schemaNode, String body) {
        JsonNode absolute = absoluteRefs(schemaNode.deepCopy(), base(file));
        Schema schema = registry.getSchema(SchemaLocation.of("urn:redial:hubspot:" + wrappers.incrementAndGet()), absolute);
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

    private static String base(String file) {
        return "https://api.hubspot.com/specs/" + file;
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("mvnw")) && Files.exists(p.resolve("crm-hubspot"))) {
                return p;
            }
        }
        return dir;
    }
}
