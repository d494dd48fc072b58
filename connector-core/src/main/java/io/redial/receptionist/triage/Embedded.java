package io.redial.receptionist.triage;

import java.util.List;
import java.util.function.Function;

/** Something (an example text) with its vector from {@link TextEmbeddings}. */
public record Embedded<T>(T item, float[] vector) {

    /** Each item with the vector of its text. */
    public static <T> List<Embedded<T>> all(TextEmbeddings embeddings, List<T> items, Function<T, String> text) {
        return items.stream().map(item -> new Embedded<>(item, embeddings.embed(text.apply(item)))).toList();
    }

    /** How close the vector is to another text's (both unit length: the cosine similarity). */
    public double similarity(float[] other) {
        return TextEmbeddings.similarity(vector, other);
    }
}
