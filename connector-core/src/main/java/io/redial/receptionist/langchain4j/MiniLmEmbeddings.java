package io.redial.receptionist.langchain4j;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.redial.receptionist.triage.TextEmbeddings;
import org.springframework.stereotype.Component;

/**
 * all-MiniLM-L6-v2 (quantized), shipped inside its Maven artifact and run in the JVM with ONNX Runtime: no
 * network, no download, a few milliseconds a text.
 */
@Component
class MiniLmEmbeddings implements TextEmbeddings {

    private final EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();

    @Override
    public float[] embed(String text) {
        float[] v = model.embed(text).content().vector();
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float scale = (float) (1 / Math.sqrt(Math.max(norm, 1e-12)));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }
}
