package io.redial.receptionist.triage;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A fixed set of example texts with their vectors, embedded once on a background thread started with the
 * application, so the first caller does not wait for it (one who comes sooner embeds them on their own turn).
 */
public final class EmbeddedExamples<T> {

    private final Supplier<List<Embedded<T>>> embedAll;
    private volatile List<Embedded<T>> embedded;

    private EmbeddedExamples(Supplier<List<Embedded<T>>> embedAll) {
        this.embedAll = embedAll;
    }

    /** Starts embedding the items at once, on a virtual thread named after them. */
    public static <T> EmbeddedExamples<T> inBackground(String name, TextEmbeddings embeddings,
            Supplier<List<T>> items, Function<T, String> text) {
        EmbeddedExamples<T> examples = new EmbeddedExamples<>(() -> Embedded.all(embeddings, items.get(), text));
        Thread.ofVirtual().name(name).start(examples::get);
        return examples;
    }

    public List<Embedded<T>> get() {
        List<Embedded<T>> e = embedded;
        if (e == null) {
            e = embedAll.get();
            embedded = e;
        }
        return e;
    }
}
