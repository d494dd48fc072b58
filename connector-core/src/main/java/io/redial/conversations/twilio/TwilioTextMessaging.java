package io.redial.conversations.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import io.redial.conversations.TextMessaging;
import io.redial.conversations.TextSendFailed;
import io.redial.shared.PhoneNumber;
import io.redial.shared.twilio.TwilioAccount;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/** Sends texts through twilio-java, with a status callback and a validity period. */
@Component
@ConditionalOnExpression("'${twilio.account-sid:}' != ''")
class TwilioTextMessaging implements TextMessaging {

    /** A text still queued at Twilio after this long is stale: better dropped than arriving hours late. */
    private static final int VALIDITY_SECONDS = 900;
    /** Texts to one caller read back when asking whether ours went: more than any conversation holds. */
    private static final long LOG_LOOK_BACK = 200;

    private final TwilioRestClient client;
    private final URI statusCallback;

    TwilioTextMessaging(TwilioRestClient client, TwilioAccount account) {
        this.client = client;
        this.statusCallback = URI.create(account.publicUrl("/twilio/sms/status"));
    }

    @Override
    public SentText send(OutboundText text) {
        try {
            var creator = text.messagingServiceSid() != null
                    ? Message.creator(twilioNumber(text.to()), text.messagingServiceSid(), text.body())
                    : Message.creator(twilioNumber(text.to()), twilioNumber(text.from()), text.body());
            Message message = creator
                    .setStatusCallback(statusCallback)
                    .setValidityPeriod(VALIDITY_SECONDS)
                    .create(client);
            return new SentText(message.getSid(), String.valueOf(message.getStatus()));
        } catch (ApiException e) {
            int status = e.getStatusCode() == null ? 0 : e.getStatusCode();
            boolean retryable = status == 429 || status >= 500 || status == 0;
            // Twilio's messages name the number ("The 'To' number +1... is not valid"): masked here, and its
            // exception is not kept as the cause, whose message a logged stack trace would print whole.
            throw new TextSendFailed("Twilio answered " + status + " with code " + e.getCode() + ": "
                    + PhoneNumber.maskAll(e.getMessage()), e.getCode() == null ? null : String.valueOf(e.getCode()),
                    retryable, null);
        } catch (ApiConnectionException e) {
            throw new TextSendFailed("Twilio unreachable: " + e.getMessage(), null, true, e);
        }
    }

    /**
     * Lists the texts to the caller and picks ours by body (and Messaging Service) and creation time. Not by
     * {@code DateSent}: a text Twilio accepted but has not sent yet has no send date, and a filter on it would
     * miss exactly the text an ambiguous 5xx or timeout left queued. Through a Messaging Service the sending
     * number is the pool's choice, so {@code From} is not filtered on then.
     */
    @Override
    public Optional<SentText> findSent(OutboundText text, Instant notBefore) {
        ZonedDateTime since = notBefore.minusSeconds(60).atZone(ZoneOffset.UTC); // clocks differ a little
        try {
            var reader = Message.reader().setTo(twilioNumber(text.to()));
            if (text.messagingServiceSid() == null) {
                reader.setFrom(twilioNumber(text.from()));
            }
            return StreamSupport.stream(reader.limit(LOG_LOOK_BACK).read(client).spliterator(), false)
                    .filter(m -> text.body().equals(m.getBody()))
                    .filter(m -> text.messagingServiceSid() == null || text.messagingServiceSid().equals(m.getMessagingServiceSid()))
                    .filter(m -> m.getDateCreated() == null || !m.getDateCreated().isBefore(since))
                    .findFirst()
                    .map(m -> new SentText(m.getSid(), String.valueOf(m.getStatus())));
        } catch (ApiException | ApiConnectionException e) {
            // Not knowing is not permission to send: retry the whole step later.
            throw new TextSendFailed("could not read Twilio's message log: " + e.getMessage(), null, true, e);
        }
    }

    private static com.twilio.type.PhoneNumber twilioNumber(PhoneNumber number) {
        return new com.twilio.type.PhoneNumber(number.e164());
    }
}
