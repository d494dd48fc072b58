package io.redial.shared.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.redial.shared.PhoneNumber;
import java.util.List;
import java.util.Map;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Jazzer over what every Twilio webhook does before it stores anything: the form as its signature covers it
 * ({@link TwilioForm}), then each parameter read as the controllers read it ({@link TwilioParams}). Whatever the
 * bytes (control characters, emoji, odd encodings, huge values, repeated names), the only way out is an
 * {@link IllegalArgumentException} (answered 400), and what is let through fits the columns it goes to.
 * In {@code ./mvnw verify} each target runs its stored inputs once; to fuzz for five minutes:
 * {@code JAZZER_FUZZ=1 ./redial test -pl connector-core -Dtest=WebhookParsingFuzzTests -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class WebhookParsingFuzzTests {

    private static final List<String> NAMES = List.of("CallSid", "MessageSid", "From", "To", "ForwardedFrom", "Body",
            "DialCallStatus", "CallStatus", "MessageStatus", "AnsweredBy", "DialCallDuration", "StirVerstat", "Digits",
            "ErrorCode", "RecordingUrl");

    @FuzzTest(maxDuration = "5m")
    void aWebhookFormIsReadOrRefusedNeverBroken(FuzzedDataProvider data) {
        var request = new MockHttpServletRequest("POST", "/twilio/voice/dial-status");
        String query = data.consumeString(200);
        request.setQueryString(query);
        int params = data.consumeInt(0, 8);
        for (int i = 0; i < params; i++) {
            String name = data.consumeBoolean() ? data.pickValue(NAMES) : data.consumeString(40);
            String[] values = new String[data.consumeInt(1, 2)];
            for (int v = 0; v < values.length; v++) {
                values[v] = data.consumeBoolean() ? data.consumeString(4_000) : data.consumeAsciiString(40);
            }
            request.addParameter(name, values);
        }
        Map<String, String> form;
        try {
            form = TwilioForm.bodyOf(request);
        } catch (IllegalArgumentException refused) {
            return;
        }
        read(() -> assertThat(TwilioParams.sid(form, "CallSid", "CA")).hasSize(34));
        read(() -> assertThat(TwilioParams.sid(form, "MessageSid", "SM", "MM")).hasSize(34));
        read(() -> assertThat(TwilioParams.caller(form, "From").e164()).hasSizeLessThanOrEqualTo(16));
        read(() -> assertThat(TwilioParams.number(form, "To").e164()).hasSizeLessThanOrEqualTo(16));
        read(() -> {
            PhoneNumber forwarded = TwilioParams.optionalNumber(form, "ForwardedFrom");
            assertThat(forwarded == null || forwarded.e164().length() <= 16).isTrue();
        });
        read(() -> assertThat(TwilioParams.text(form, "Body", TwilioParams.MAX_BODY)).hasSizeLessThanOrEqualTo(TwilioParams.MAX_BODY));
        read(() -> assertThat(TwilioParams.oneOf(form, "DialCallStatus", TwilioParams.DIAL_CALL_STATUSES))
                .isIn(TwilioParams.DIAL_CALL_STATUSES));
        read(() -> assertThat(TwilioParams.oneOf(form, "CallStatus", TwilioParams.CALL_STATUSES)).isIn(TwilioParams.CALL_STATUSES));
        read(() -> assertThat(TwilioParams.optionalOneOf(form, "AnsweredBy", TwilioParams.ANSWERED_BY))
                .isIn(null, TwilioParams.ANSWERED_BY.toArray()));
        read(() -> assertThat(TwilioParams.count(form, "DialCallDuration", 86_400)).isBetween(0, 86_400));
        read(() -> {
            String token = TwilioParams.optionalToken(form, "StirVerstat", 60, "-");
            assertThat(token == null || token.length() <= 60 && token.chars().allMatch(c -> c < 128)).isTrue();
        });
        read(() -> {
            String url = TwilioParams.optionalUrl(form, "RecordingUrl", 500);
            assertThat(url == null || url.length() <= 500 && url.startsWith("http")).isTrue();
        });
    }

    @FuzzTest(maxDuration = "5m")
    void aPhoneNumberIsParsedOrRefusedNeverBroken(FuzzedDataProvider data) {
        String raw = data.consumeRemainingAsString();
        try {
            PhoneNumber parsed = PhoneNumber.parse(raw);
            assertThat(parsed.e164()).matches("\\+[1-9]\\d{6,14}");
            assertThat(parsed.masked()).doesNotContain(parsed.e164().substring(2, parsed.e164().length() - 2));
        } catch (IllegalArgumentException refused) {
            // a 400 at the edge
        }
    }

    private static void read(Runnable reading) {
        try {
            reading.run();
        } catch (IllegalArgumentException refused) {
            // the parameter was refused with its name: a 400, nothing stored
        }
    }
}
