package io.redial.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextBackTemplatesTests {

    private static final TextBackTemplates.Fields FIELDS = new TextBackTemplates.Fields("Lone Star Home Services", "Maria",
            "https://book.example/ls", "(512) 555-0100", "open 7:00 AM-6:00 PM today");

    @Test
    void fillsEveryMergeField() {
        var rendered = TextBackTemplates.render(TextBackTemplates.BUSINESS_HOURS,
                "Hi {caller_first_name}, {business} here ({hours_today}). Book at {booking_link} or call {callback_number}.",
                FIELDS);

        assertThat(rendered.problem()).isNull();
        assertThat(rendered.text()).isEqualTo("Hi Maria, Lone Star Home Services here (open 7:00 AM-6:00 PM today). "
                + "Book at https://book.example/ls or call (512) 555-0100.");
    }

    @Test
    void anUnknownCallerIsGreetedWithoutAName() {
        var noName = new TextBackTemplates.Fields("Lone Star", null, null, "(512) 555-0100", "closed today");
        assertThat(TextBackTemplates.render(TextBackTemplates.AFTER_HOURS, "Hi {caller_first_name}!", noName).text())
                .isEqualTo("Hi there!");
    }

    @Test
    void aBrokenTemplateFallsBackToTheDefaultAndSaysWhy() {
        var unknownField = TextBackTemplates.render(TextBackTemplates.AFTER_HOURS, "Hi {customer_name}", FIELDS);
        var noLink = TextBackTemplates.render(TextBackTemplates.BUSINESS_HOURS, "Book: {booking_link}",
                new TextBackTemplates.Fields("Lone Star", null, null, "(512) 555-0100", "closed today"));
        var tooLong = TextBackTemplates.render(TextBackTemplates.BUSINESS_HOURS, "x".repeat(307), FIELDS);

        assertThat(unknownField.problem()).contains("unknown merge field {customer_name}");
        assertThat(unknownField.text()).startsWith("Hi Maria, this is Lone Star Home Services. We're closed right now");
        assertThat(noLink.problem()).contains("{booking_link} has no value");
        assertThat(tooLong.problem()).contains("3 segments");
        assertThat(tooLong.text()).contains("Sorry we missed your call");
    }

    @Test
    void theDefaultsFitTwoSegments() {
        for (String kind : new String[] {TextBackTemplates.BUSINESS_HOURS, TextBackTemplates.AFTER_HOURS,
                TextBackTemplates.REPEAT_CALL}) {
            assertThat(TextBackTemplates.problem(TextBackTemplates.defaultFor(kind), FIELDS)).as(kind).isNull();
        }
    }
}
