package io.redial.receptionist.langchain4j;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.redial.testing.FakeService;
import java.util.List;
import java.util.Map;

/**
 * An OpenAI-compatible {@code /v1/chat/completions} on loopback (WireMock) that only answers requests
 * carrying the expected bearer key. A request without a tool result gets {@link #firstAnswer}; once the
 * conversation holds a tool result, {@link #afterTool}.
 */
final class FakeOpenAi implements FakeService {

    static final String KEY = "test-llm-key";
    private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    FakeOpenAi() {
        server.start();
    }

    /** The app's LLM settings: this endpoint, the key it expects and a model name. */
    @Override
    public Map<String, String> appProperties() {
        return Map.of("redial.llm.base-url", baseUrl(), "redial.llm.api-key", KEY, "redial.llm.model", "test-model");
    }

    String baseUrl() {
        return "http://localhost:" + server.port() + "/v1";
    }

    void reset() {
        server.resetAll();
    }

    /** The model answers with plain text at once. */
    void text(String content) {
        stub(false, completion("{\"role\":\"assistant\",\"content\":" + quote(content) + "}", "stop"), 0);
    }

    /** The model calls one tool, then answers with text once it has the tool's result. */
    void toolThenText(String tool, String argumentsJson, String content) {
        stub(false, completion("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"" + tool + "\",\"arguments\":" + quote(argumentsJson) + "}}]}", "tool_calls"), 0);
        stub(true, completion("{\"role\":\"assistant\",\"content\":" + quote(content) + "}", "stop"), 0);
    }

    void slowText(String content, int delayMillis) {
        stub(false, completion("{\"role\":\"assistant\",\"content\":" + quote(content) + "}", "stop"), delayMillis);
    }

    void fails(int status) {
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}")));
    }

    /** The model's endpoint answers 200 with something that is not a chat completion at all. */
    void nonsense(String body) {
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    List<String> requestBodies() {
        return server.getAllServeEvents().stream().map(e -> e.getRequest().getBodyAsString()).toList().reversed();
    }

    List<String> authorizations() {
        return server.getAllServeEvents().stream().map(e -> e.getRequest().getHeader("Authorization")).toList();
    }

    private void stub(boolean afterTool, String body, int delayMillis) {
        var request = post(urlEqualTo("/v1/chat/completions")).withHeader("Authorization", equalTo("Bearer " + KEY));
        if (afterTool) {
            request = request.withRequestBody(matchingJsonPath("$.messages[?(@.role == 'tool')]")).atPriority(1);
        } else {
            request = request.atPriority(5);
        }
        server.stubFor(request.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withFixedDelay(delayMillis).withBody(body)));
    }

    private static String completion(String message, String finish) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1764115200,\"model\":\"test-model\","
                + "\"choices\":[{\"index\":0,\"message\":" + message + ",\"finish_reason\":\"" + finish + "\"}],"
                + "\"usage\":{\"prompt_tokens\":50,\"completion_tokens\":10,\"total_tokens\":60}}";
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @Override
    public void close() {
        server.stop();
    }
}
