package io.redial.receptionist.triage;

/**
 * The port to an in-process sentence-embedding model: the semantic matcher's only view of it, so triage
 * code never imports a model library. Vectors are normalised, so a dot product is the cosine similarity.
 */
public interface TextEmbeddings {

    float[] embed(String text);

    /** The cosine similarity of two unit-length vectors: their dot product. */
    static double similarity(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** The vector scaled to length one, in place. */
    static float[] unitLength(float[] v) {
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
