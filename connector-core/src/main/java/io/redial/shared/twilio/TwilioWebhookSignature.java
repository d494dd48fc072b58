package io.redial.shared.twilio;

import com.twilio.security.RequestValidator;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Checks {@code X-Twilio-Signature} over the public URL (from configuration, not from the servlet, which
 * sits behind TLS termination) plus the form parameters Twilio posted.
 */
@Component
public class TwilioWebhookSignature {

    public static final String HEADER = "X-Twilio-Signature";

    private final TwilioAccount account;
    private final RequestValidator validator;

    TwilioWebhookSignature(TwilioAccount account) {
        this.account = account;
        this.validator = new RequestValidator(account.authToken());
    }

    /** True when the request carries a valid signature for {@code form}, the body parameters only. */
    public boolean isValid(HttpServletRequest request, Map<String, String> form) {
        String signature = request.getHeader(HEADER);
        if (signature == null || signature.isBlank()) {
            return false;
        }
        String query = request.getQueryString();
        String url = account.publicUrl(request.getRequestURI()) + (query == null ? "" : "?" + query);
        return validator.validate(url, form, signature);
    }
}
