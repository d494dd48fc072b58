package io.redial.receptionist;

import io.redial.leads.LeadStatus;
import io.redial.leads.Urgency;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One scripted caller conversation and its expected outcome, read from the evaluation files under
 * {@code /receptionist/}. Besides the texts, a script may say when the booked window must fall ({@code when}),
 * what Anna's last reply must contain ({@code "+ "} lines) and what no reply may contain ({@code "! "} lines).
 */
record EvaluationScript(String id, String trade, LeadStatus disposition, @Nullable Urgency urgency, boolean escalated,
        String category, @Nullable String when, List<String> texts, List<String> mustSay, List<String> neverSay) {

    /** The development part: the first, tidy scripts and the real-texting ones written to iterate on (two authors). */
    static List<EvaluationScript> development() {
        List<EvaluationScript> all = new ArrayList<>(read("evaluation-scripts.txt"));
        all.addAll(read("evaluation-dev.txt"));
        all.addAll(read("evaluation-dev-2.txt"));
        all.addAll(read("evaluation-dev-3.txt"));
        all.addAll(read("evaluation-dev-4.txt"));
        all.addAll(read("evaluation-dev-5.txt"));
        all.addAll(read("evaluation-dev-6.txt"));
        all.addAll(read("evaluation-dev-7.txt"));
        all.addAll(read("evaluation-dev-8.txt"));
        all.addAll(read("evaluation-dev-9.txt"));
        all.addAll(read("evaluation-dev-10.txt"));
        return all;
    }

    /** The held-out part: written before the code it measures, never tuned on. */
    static List<EvaluationScript> heldOut() {
        return read("evaluation-held-out.txt");
    }

    /** A second held-out part, written later by someone who had not seen the first one's failures. */
    static List<EvaluationScript> secondHeldOut() {
        return read("evaluation-held-out-2.txt");
    }

    /**
     * The blind held-out parts, the third on: each written by someone else who read neither the receptionist's code
     * nor any other part's conversations, and committed before the round of changes it measures. By ordinal.
     */
    static java.util.SortedMap<Integer, List<EvaluationScript>> blindHeldOut() {
        java.util.SortedMap<Integer, List<EvaluationScript>> parts = new java.util.TreeMap<>();
        for (int part = 3; EvaluationScript.class.getResource("/receptionist/evaluation-held-out-" + part + ".txt") != null; part++) {
            parts.put(part, read("evaluation-held-out-" + part + ".txt"));
        }
        return parts;
    }

    static List<EvaluationScript> read(String file) {
        try (InputStream in = EvaluationScript.class.getResourceAsStream("/receptionist/" + file)) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<EvaluationScript> parse(String file) {
        List<EvaluationScript> scripts = new ArrayList<>();
        String[] header = null;
        List<String> texts = new ArrayList<>();
        List<String> must = new ArrayList<>();
        List<String> never = new ArrayList<>();
        for (String line : (file + "\n=== end").lines().toList()) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (line.startsWith("=== ")) {
                if (header != null) {
                    scripts.add(script(header, texts, must, never));
                }
                header = line.substring(4).split("\\s*\\|\\s*");
                texts.clear();
                must.clear();
                never.clear();
            } else if (line.startsWith("+ ")) {
                must.add(line.substring(2).strip());
            } else if (line.startsWith("! ")) {
                never.add(line.substring(2).strip());
            } else {
                texts.add(line);
            }
        }
        return scripts;
    }

    private static EvaluationScript script(String[] h, List<String> texts, List<String> must, List<String> never) {
        String category = h.length > 5 ? h[5] : "scripted";
        String when = h.length > 6 && !h[6].equals("-") ? h[6] : null;
        return new EvaluationScript(h[0], h[1], LeadStatus.valueOf(h[2]), h[3].equals("-") ? null : Urgency.valueOf(h[3]),
                h[4].equals("yes"), category, when, List.copyOf(texts), List.copyOf(must), List.copyOf(never));
    }
}
