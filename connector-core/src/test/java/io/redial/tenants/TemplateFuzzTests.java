package io.redial.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Jazzer over the text-back template renderer, where an admin's words become what callers get: a template,
 * whatever its bytes and whatever the merge values (a business name with markup, a caller's name with control
 * characters or emoji), renders to a text (its own, or its kind's default with a reason), never an empty one,
 * and never throws. In {@code ./mvnw verify} the stored inputs run once; to fuzz for five minutes:
 * {@code JAZZER_FUZZ=1 ./redial test -pl connector-core -Dtest=TemplateFuzzTests -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class TemplateFuzzTests {

    private static final List<String> KINDS = List.of(TextBackTemplates.BUSINESS_HOURS, TextBackTemplates.AFTER_HOURS,
            TextBackTemplates.REPEAT_CALL, TextBackTemplates.FOLLOW_UP,
            TextBackTemplates.spanish(TextBackTemplates.BUSINESS_HOURS));
    private static final List<String> FIELDS = List.copyOf(TextBackTemplates.FIELDS);

    @FuzzTest(maxDuration = "5m")
    void aTemplateRendersOrFallsBackNeverBreaks(FuzzedDataProvider data) {
        String kind = data.pickValue(KINDS);
        StringBuilder template = new StringBuilder();
        int parts = data.consumeInt(0, 6);
        for (int i = 0; i < parts; i++) {
            template.append(data.consumeBoolean() ? "{" + data.pickValue(FIELDS) + "}" : data.consumeString(200));
        }
        var fields = new TextBackTemplates.Fields(data.consumeString(120), data.consumeBoolean() ? data.consumeString(40) : null,
                data.consumeBoolean() ? data.consumeString(100) : null, data.consumeString(20),
                data.consumeBoolean() ? data.consumeString(80) : null);

        var rendered = TextBackTemplates.render(kind, template.toString(), fields);

        assertThat(rendered.text()).isNotBlank();
        if (rendered.problem() == null) { // the tenant's own text: every field it names had a value
            for (String field : FIELDS) {
                if (template.toString().contains("{" + field + "}")) {
                    assertThat(fields.asMap().get(field)).as(field).isNotNull();
                }
            }
        }
    }
}
