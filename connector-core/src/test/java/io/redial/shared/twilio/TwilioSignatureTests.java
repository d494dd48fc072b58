package io.redial.shared.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.security.RequestValidator;
import io.redial.testing.TwilioWebhooks;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our test signer must agree with Twilio's published vector, or every webhook test proves nothing. */
class TwilioSignatureTests {

    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final Map<String, String> PARAMS = Map.of("Digits", "1234", "CallSid", "CA1234567890ABCDE",
            "To", "+18005551212", "Caller", "+14158675309", "From", "+14158675309");

    @Test
    void signerMatchesTwiliosKnownAnswer() {
        assertThat(TwilioWebhooks.sign("12345", URL, PARAMS)).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
        assertThat(new RequestValidator("12345").validate(URL, PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isTrue();
    }
}
