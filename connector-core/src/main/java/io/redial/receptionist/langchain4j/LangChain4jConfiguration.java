package io.redial.receptionist.langchain4j;

import dev.langchain4j.model.openai.OpenAiChatModel;
import io.redial.receptionist.ReceptionistAgent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The LLM receptionist exists only when {@code REDIAL_LLM_BASE_URL} is set; otherwise Anna runs offline.
 * No retries inside the model client: the per-turn timeout and the offline fallback are the safety net.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${redial.llm.base-url:}' != ''")
class LangChain4jConfiguration {

    @Bean
    ReceptionistAgent langChain4jReceptionist(@Value("${redial.llm.base-url}") String baseUrl,
            @Value("${redial.llm.api-key:none}") String apiKey, @Value("${redial.llm.model:gpt-4o-mini}") String model,
            @Value("${redial.llm.timeout:PT8S}") Duration timeout, JdbcClient jdbc, Clock clock) {
        var chatModel = OpenAiChatModel.builder().baseUrl(baseUrl).apiKey(apiKey).modelName(model)
                .timeout(timeout).maxRetries(0).temperature(0.2).listeners(List.of(new ModelTimer())).build();
        return new LangChain4jReceptionist(chatModel, new JdbcChatMemoryStore(jdbc, clock), timeout);
    }
}
