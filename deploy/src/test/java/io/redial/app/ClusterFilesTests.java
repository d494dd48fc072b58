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
 * (No kubeconform or compose binary comes from the registries here, so the cross-references are checked in Java.)
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
