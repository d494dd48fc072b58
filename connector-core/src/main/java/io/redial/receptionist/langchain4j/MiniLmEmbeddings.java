package io.redial.receptionist.langchain4j;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.redial.receptionist.triage.TextEmbeddings;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * all-MiniLM-L6-v2 (quantized), shipped inside its Maven artifact and run in the JVM with ONNX Runtime: no
 * network, no download, a few milliseconds a text. The last few texts' vectors are kept, because triage and the
 * intent layer both read the same caller text in one turn; only a few, so that a repeated text from another
 * conversation is not what makes a turn fast (callers' texts are seldom repeated, benchmarks' are).
 */
@Component
class MiniLmEmbeddings implements TextEmbeddings {

    private static final int RECENT = 8; // about the turns running at once

    private final EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    private final Map<String, float[]> recent = new LinkedHashMap<>(RECENT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > RECENT;
        }
    };

    @Override
    public float[] embed(String text) {
        synchronized (recent) {
            float[] known = recent.get(text);
            if (known != null) {
                return known;
            }
        }
        float[] v = TextEmbeddings.unitLength(model.embed(text).content().vector());
        synchronized (recent) {
            recent.put(text, v);
        }
        return v;
    }
}
