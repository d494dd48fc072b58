package io.redial.testing;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A vendor's published OpenAPI documents, read from a folder beside the project (never copied into it), for the
 * adapters' conformance tests: which operation a request is, which query parameters it declares, and whether a
 * JSON body validates against one of its schemas (networknt, in the JSON Schema dialect the OpenAPI version uses).
 */
public final class OpenApiSpecs {

    public static final ObjectMapper JSON = JsonMapper.builder().build();

    /** One operation of one document: the file it is in, its path template, and its OpenAPI object. */
    public record Operation(String file, String template, JsonNode spec) {

        public String operationId() {
            return spec.path("operationId").asString("?");
        }

        /** The names of its query parameters. */
        public Set<String> queryParameters() {
            Set<String> declared = new java.util.HashSet<>();
            spec.path("parameters").forEach(p -> {
                if (p.path("in").asString().equals("query")) {
                    declared.add(p.path("name").asString());
                }
            });
            return declared;
        }
    }

    private final Map<String, JsonNode> documents = new LinkedHashMap<>();
    private final String baseUri;
    private final SchemaRegistry registry;
    private final AtomicInteger wrappers = new AtomicInteger();

    /** {@code files} in the order {@link #find} tries them; {@code baseUri} names them for the schema registry. */
    public OpenApiSpecs(Path folder, List<String> files, String baseUri, SpecificationVersion dialect) throws IOException {
        this.baseUri = baseUri;
        Map<String, String> texts = new HashMap<>();
        for (String file : files) {
            String text = Files.readString(folder.resolve(file));
            texts.put(baseUri + file, text);
            documents.put(file, JSON.readTree(text));
        }
        registry = SchemaRegistry.withDefaultDialect(dialect, b -> b.schemas(texts));
    }

    /**
     * The specs' folder: the system property {@code property} when set, else {@code ../shared/docs/<vendor>} next to the
     * project root; empty (the caller skips, saying where it looked) when {@code probe} is not in it.
     */
    public static Optional<Path> folder(String property, String vendor, String probe) {
        Path folder = where(property, vendor);
        return Files.isRegularFile(folder.resolve(probe)) ? Optional.of(folder) : Optional.empty();
    }

    public static Path where(String property, String vendor) {
        String configured = System.getProperty(property);
        return configured != null ? Path.of(configured) : projectRoot().resolve("../shared/docs/" + vendor).normalize();
    }

    /** The operation {@code method path} is, in the first of {@code files} (all documents when none) that declares it. */
    public Optional<Operation> find(String method, String path, String... files) {
        Set<String> in = Set.of(files);
        for (var document : documents.entrySet()) {
            if (!in.isEmpty() && !in.contains(document.getKey())) {
                continue;
            }
            for (String template : document.getValue().path("paths").propertyNames()) {
                if (path.matches(template.replaceAll("\\{[^}]+}", "[^/]+"))) {
                    JsonNode operation = document.getValue().path("paths").path(template).get(method.toLowerCase());
                    if (operation != null) {
                        return Optional.of(new Operation(document.getKey(), template, operation));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The query parameters {@code operation} does not declare, each as a problem of {@code what}. */
    public static List<String> undeclaredQuery(Operation operation, Set<String> sent, String what) {
        Set<String> declared = operation.queryParameters();
        return sent.stream().filter(name -> !declared.contains(name)).sorted()
                .map(name -> what + ": query parameter '" + name + "' is not declared").collect(Collectors.toList());
    }

    /** What is wrong with {@code body} as {@code schema} of {@code file} describes it; empty when it validates. */
    public List<String> validate(String file, JsonNode schema, @Nullable String body) {
        JsonNode absolute = absoluteRefs(schema.deepCopy(), baseUri + file);
        Schema compiled = registry.getSchema(SchemaLocation.of("urn:redial:check:" + wrappers.incrementAndGet()), absolute);
        try {
            return compiled.validate(JSON.readTree(body == null ? "" : body)).stream().map(Object::toString).toList();
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

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("mvnw")) && Files.exists(p.resolve("connector-core"))) {
                return p;
            }
        }
        return dir;
    }
}
