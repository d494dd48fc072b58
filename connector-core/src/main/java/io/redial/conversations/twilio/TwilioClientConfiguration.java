package io.redial.conversations.twilio;

import com.twilio.http.TwilioRestClient;
import io.redial.shared.twilio.TwilioAccount;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One thread-safe Twilio REST client for every adapter, when a Twilio account is configured. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${twilio.account-sid:}' != ''")
class TwilioClientConfiguration {

    @Bean
    TwilioRestClient twilioRestClient(TwilioAccount account,
            @Value("${redial.twilio.read-timeout:PT30.5S}") Duration readTimeout) {
        // A read that times out is an ambiguous send: the send ledger settles it from Twilio's message log.
        return new TwilioRestClient.Builder(account.accountSid(), account.authToken())
                .httpClient(new SingleShotHttpClient(account.apiBaseUrl(), readTimeout))
                .build();
    }
}
