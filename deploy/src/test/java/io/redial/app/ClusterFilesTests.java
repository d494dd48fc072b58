package io.redial.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The cluster and compose files hold together: every kustomize resource exists and is well formed, the probes
 * reach the app's health groups on its management port, the Service, Ingress, autoscaler and disruption budget
 * point at what the Deployment defines, and every setting they pass is one docs/configuration.md documents.
 * Each resource is also read into the Kubernetes API's types (fabric8's model, a Maven package) and must have
 * no field the API lacks. No kubeconform or compose binary comes from the registries here: the compose file's
 * structure and cross-references are checked in Java.
 */
class ClusterFilesTests {

    private static final Path DEPLOY = Path.of("").toAbsolutePath();
    private static final Path BASE = DEPLOY.resolve("k8s/base");

    @Test
    void everyKustomizeResourceExistsAndIsAKubernetesObject() throws IOException {
        for (String resource : strings(yaml(BASE.resolve("kustomization.yaml")).get("resources"))) {
            Map<String, Object> object = yaml(BASE.resolve(resource));
            assertThat(object).as(resource).containsKeys("apiVersion", "kind", "metadata", "spec");
            assertThat(map(object.get("metadata")).get("name")).as(resource).isEqualTo("redial");
        }
    }

    /**
     * Every resource, the Secret template too, read into the Kubernetes API's own types (fabric8's model, generated
     * from the API's OpenAPI schema): a mistyped field is an error, and a field the API does not have, which the
     * model would keep aside as an "additional property", fails the test with its path.
     */
    @Test
    void everyResourceFitsTheKubernetesApiSchema() throws IOException {
        Map<String, Class<?>> types = Map.of(
                "apps/v1 Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class,
                "v1 Service", io.fabric8.kubernetes.api.model.Service.class,
                "v1 Secret", io.fabric8.kubernetes.api.model.Secret.class,
                "networking.k8s.io/v1 Ingress", io.fabric8.kubernetes.api.model.networking.v1.Ingress.class,
                "autoscaling/v2 HorizontalPodAutoscaler", io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class,
                "policy/v1 PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class);
        var json = new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        List<String> files = new ArrayList<>(strings(yaml(BASE.resolve("kustomization.yaml")).get("resources")));
        files.add("secret.example.yaml");
        for (String file : files) {
            Map<String, Object> object = yaml(BASE.resolve(file));
            Class<?> type = types.get(object.get("apiVersion") + " " + object.get("kind"));
            assertThat(type).as(file + ": a kind and API version the cluster serves").isNotNull();
            assertThat(unknownFields(json.convertValue(object, type), file)).as(file + ": fields the API does not have")
                    .isEmpty();
        }
    }

    @Test
    void aFieldTheApiLacksIsFoundWithItsPath() {
        Map<String, Object> service = Map.of("apiVersion", "v1", "kind", "Service", "metadata", Map.of("name", "redial"),
                "spec", Map.of("selector", Map.of("app", "redial"), "sessionAfinity", "ClientIP"));
        var model = new com.fasterxml.jackson.databind.ObjectMapper()
                .convertValue(service, io.fabric8.kubernetes.api.model.Service.class);
        assertThat(unknownFields(model, "service.yaml")).containsExactly("service.yaml.Spec.sessionAfinity");
    }

    /** The paths of whatever a model object kept as additional properties, anywhere below {@code value}. */
    private static List<String> unknownFields(Object value, String path) {
        List<String> unknown = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                unknown.addAll(unknownFields(list.get(i), path + "[" + i + "]"));
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknown.addAll(unknownFields(v, path + "." + k)));
        } else if (value != null && value.getClass().getName().startsWith("io.fabric8.")) {
            for (var method : value.getClass().getMethods()) {
                if (method.getParameterCount() != 0 || !method.getName().startsWith("get")
                        || method.getDeclaringClass() == Object.class) {
                    continue;
                }
                try {
                    Object field = method.invoke(value);
                    if (method.getName().equals("getAdditionalProperties")) {
                        ((Map<?, ?>) field).keySet().forEach(k -> unknown.add(path + "." + k));
                    } else {
                        unknown.addAll(unknownFields(field, path + "." + method.getName().substring(3)));
                    }
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return unknown;
    }

    @Test
    void theDeploymentRunsTwoNodesAtLeastWithProbesOnTheHealthGroups() throws IOException {
        Map<String, Object> spec = map(yaml(BASE.resolve("deployment.yaml")).get("spec"));
        Map<String, Object> container = container(spec);

        assertThat((Integer) spec.get("replicas")).isGreaterThanOrEqualTo(2);
        assertThat(map(map(spec.get("selector")).get("matchLabels"))).isEqualTo(podLabels(spec));
        assertThat(probePath(container, "startupProbe")).isEqualTo("/actuator/health/liveness");
        assertThat(probePath(container, "livenessProbe")).isEqualTo("/actuator/health/liveness");
        assertThat(probePath(container, "readinessProbe")).isEqualTo("/actuator/health/readiness");
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(map(map(container.get(probe)).get("httpGet")).get("port")).isEqualTo("management");
        }
        int managementPort = containerPort(container, "management");
        assertThat(env(container)).containsEntry("MANAGEMENT_PORT", String.valueOf(managementPort));
        assertThat(map(map(map(spec.get("template")).get("metadata")).get("annotations")))
                .containsEntry("prometheus.io/port", String.valueOf(managementPort))
                .containsEntry("prometheus.io/path", "/actuator/prometheus");
        assertThat(map(map(container.get("resources")).get("requests"))).containsKeys("cpu", "memory");
    }

    @Test
    void serviceIngressAutoscalerAndBudgetPointAtTheDeployment() throws IOException {
        Map<String, Object> deployment = map(yaml(BASE.resolve("deployment.yaml")).get("spec"));
        Map<String, Object> container = container(deployment);
        Map<String, Object> service = map(yaml(BASE.resolve("service.yaml")).get("spec"));
        Map<String, Object> ingress = yaml(BASE.resolve("ingress.yaml"));
        Map<String, Object> hpa = map(yaml(BASE.resolve("hpa.yaml")).get("spec"));
        Map<String, Object> pdb = map(yaml(BASE.resolve("pdb.yaml")).get("spec"));

        assertThat(map(service.get("selector"))).isEqualTo(podLabels(deployment));
        List<Map<String, Object>> servicePorts = maps(service.get("ports"));
        assertThat(servicePorts).extracting(p -> p.get("targetPort")).containsExactly("http")
                .doesNotContain("management");
        containerPort(container, "http");

        var backend = map(map(maps(map(maps(map(ingress.get("spec")).get("rules")).getFirst().get("http")).get("paths"))
                .getFirst().get("backend")).get("service"));
        assertThat(backend.get("name")).isEqualTo("redial");
        assertThat(map(backend.get("port")).get("name")).isIn(servicePorts.stream().map(p -> p.get("name")).toList());
        assertThat(map(map(ingress.get("metadata")).get("annotations")))
                .containsEntry("nginx.ingress.kubernetes.io/affinity", "cookie");

        assertThat(map(hpa.get("scaleTargetRef"))).containsEntry("kind", "Deployment").containsEntry("name", "redial");
        assertThat((Integer) hpa.get("minReplicas")).isGreaterThanOrEqualTo(2);
        assertThat(map(map(pdb.get("selector")).get("matchLabels"))).isEqualTo(podLabels(deployment));
    }

    @Test
    void theSecretTemplateAndComposeFilePassOnlyDocumentedSettings() throws IOException {
        String configuration = Files.readString(DEPLOY.resolve("../docs/configuration.md"));
        Map<String, Object> secret = map(yaml(BASE.resolve("secret.example.yaml")).get("stringData"));
        Map<String, Object> compose = yaml(DEPLOY.resolve("compose.yaml"));
        Map<String, Object> services = map(compose.get("services"));
        Map<String, Object> app = map(services.get("redial"));

        assertThat(secret).containsKeys("SPRING_DATASOURCE_URL", "REDIAL_ENCRYPTION_KEY", "REDIAL_PUBLIC_BASE_URL");
        assertThat(map(services.get("mysql")).get("image")).isEqualTo("mysql:8.4");
        assertThat(map(app.get("depends_on"))).containsKey("mysql");
        assertThat(map(app.get("environment")).get("SPRING_DATASOURCE_URL")).asString().contains("//mysql:3306/");
        List<String> settings = new ArrayList<>(secret.keySet());
        settings.addAll(map(app.get("environment")).keySet());
        settings.addAll(env(container(map(yaml(BASE.resolve("deployment.yaml")).get("spec")))).keySet());
        assertThat(settings).allSatisfy(name -> assertThat(configuration).as(name + " in docs/configuration.md")
                .contains(documentedName(name)));
    }

    /** Both images start the app as the load harness measures it: the Dockerfile reads deploy/jvm.options, Jib repeats it. */
    @Test
    void bothImagesStartTheAppWithItsJvmOptions() throws IOException {
        List<String> options = Files.readAllLines(DEPLOY.resolve("jvm.options")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        String pom = Files.readString(DEPLOY.resolve("pom.xml"));
        List<String> jibFlags = java.util.regex.Pattern.compile("<jvmFlag>([^<]+)</jvmFlag>").matcher(pom).results()
                .map(m -> m.group(1)).toList();
        assertThat(jibFlags).isEqualTo(options);
        String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"));
        assertThat(dockerfile).contains("-XX:AOTCacheOutput=/app/redial.aot", "-XX:AOTCache=/app/redial.aot",
                "ENTRYPOINT [\"java\", \"@/app/jvm.options\"");
    }

    /** The docs table names families once: {@code SPRING_DATASOURCE_URL}, {@code _USERNAME}, {@code _PASSWORD}. */
    private static String documentedName(String name) {
        return name.startsWith("SPRING_DATASOURCE_") && !name.endsWith("_URL")
                ? name.substring("SPRING_DATASOURCE".length()) : name;
    }

    private static Map<String, Object> container(Map<String, Object> deploymentSpec) {
        return maps(map(map(deploymentSpec.get("template")).get("spec")).get("containers")).getFirst();
    }

    private static Map<String, Object> podLabels(Map<String, Object> deploymentSpec) {
        return map(map(map(deploymentSpec.get("template")).get("metadata")).get("labels"));
    }

    private static String probePath(Map<String, Object> container, String probe) {
        return (String) map(map(container.get(probe)).get("httpGet")).get("path");
    }

    private static int containerPort(Map<String, Object> container, String name) {
        return maps(container.get("ports")).stream().filter(p -> name.equals(p.get("name")))
                .map(p -> (Integer) p.get("containerPort")).findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + name));
    }

    private static Map<String, String> env(Map<String, Object> container) {
        Map<String, String> env = new java.util.HashMap<>();
        maps(container.get("env")).forEach(e -> env.put((String) e.get("name"), String.valueOf(e.get("value"))));
        return env;
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<String>) value;
    }
}
