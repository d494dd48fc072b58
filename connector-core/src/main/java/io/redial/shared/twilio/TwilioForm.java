package io.redial.shared.twilio;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Twilio's form body as the single-valued map its signature covers. The servlet merges query and body
 * parameters, so the query's are taken out again: counting them twice would break the signature.
 */
public final class TwilioForm {

    private TwilioForm() {
    }

    /** @throws IllegalArgumentException on a repeated body parameter, which Twilio never sends */
    public static Map<String, String> bodyOf(HttpServletRequest request) {
        Map<String, List<String>> query = parseQuery(request.getQueryString());
        Map<String, String> form = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            List<String> remaining = new ArrayList<>(Arrays.asList(values));
            query.getOrDefault(name, List.of()).forEach(remaining::remove);
            if (remaining.size() > 1) {
                throw new IllegalArgumentException("repeated form parameter: " + name);
            }
            if (remaining.size() == 1) {
                form.put(name, remaining.getFirst());
            }
        });
        return form;
    }

    private static Map<String, List<String>> parseQuery(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
