package io.redial.conversations.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.lookups.v2.PhoneNumber;
import io.redial.conversations.LineTypes;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/** Twilio Lookup v2 with line-type intelligence. A failed lookup is "unknown", never a reason to skip a text. */
@Component
@ConditionalOnExpression("'${twilio.account-sid:}' != ''")
class TwilioLineTypes implements LineTypes {

    private static final Logger log = LoggerFactory.getLogger(TwilioLineTypes.class);

    private final TwilioRestClient client;

    TwilioLineTypes(TwilioRestClient client) {
        this.client = client;
    }

    @Override
    public Optional<String> typeOf(io.redial.shared.PhoneNumber number) {
        try {
            PhoneNumber result = PhoneNumber.fetcher(number.e164()).setFields("line_type_intelligence").fetch(client);
            return Optional.ofNullable(result.getLineTypeIntelligence()).map(i -> i.getType());
        } catch (ApiException | ApiConnectionException e) {
            log.info("line-type lookup for {} failed: {}", number.masked(), e.getMessage());
            return Optional.empty();
        }
    }
}
