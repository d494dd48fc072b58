package io.redial.receptionist;

import io.redial.leads.LeadStatus;
import io.redial.leads.Urgency;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One scripted caller conversation and its expected outcome, read from {@code evaluation-scripts.txt}. */
record EvaluationScript(String id, String trade, LeadStatus disposition, @Nullable Urgency urgency, boolean escalated,
        List<String> texts) {

    static List<EvaluationScript> all() {
        try (InputStream in = EvaluationScript.class.getResourceAsStream("/receptionist/evaluation-scripts.txt")) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<EvaluationScript> parse(String file) {
        List<EvaluationScript> scripts = new ArrayList<>();
        String[] header = null;
        List<String> texts = new ArrayList<>();
        for (String line : (file + "\n=== end").lines().toList()) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (line.startsWith("=== ")) {
                if (header != null) {
                    scripts.add(new EvaluationScript(header[0], header[1], LeadStatus.valueOf(header[2]),
                            header[3].equals("-") ? null : Urgency.valueOf(header[3]), header[4].equals("yes"), List.copyOf(texts)));
                }
                header = line.substring(4).split("\\s*\\|\\s*");
                texts.clear();
            } else {
                texts.add(line);
            }
        }
        return scripts;
    }
}
