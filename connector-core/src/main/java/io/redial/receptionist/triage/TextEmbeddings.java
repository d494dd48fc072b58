package io.redial.receptionist.triage;

/**
 * The port to an in-process sentence-embedding model: the semantic matcher's only view of it, so triage
 * code never imports a model library. Vectors are normalised, so a dot product is the cosine similarity.
 */
public interface TextEmbeddings {

    float[] embed(String text);
}
