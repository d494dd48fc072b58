package io.redial.conversations.twilio;

import com.twilio.http.TwilioRestClient;
import io.redial.shared.twilio.TwilioAccount;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One thread-safe Twilio REST client for every adapter, when a Twilio account is configured. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${twilio.account-sid:}' != ''")
class TwilioClientConfiguration {

    @Bean
    TwilioRestClient twilioRestClient(TwilioAccount account) {
        return new TwilioRestClient.Builder(account.accountSid(), account.authToken())
                .httpClient(new SingleShotHttpClient(account.apiBaseUrl()))
                .build();
    }
}
