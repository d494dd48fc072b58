package io.redial.shared.twilio;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.util.concurrent.Semaphore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets a bounded number of Twilio webhooks work at once; the rest wait their turn, first come first served.
 * Webhooks run on virtual threads, so without a bound a burst takes every database connection and the
 * durable tasks that send the texts wait behind it: the pool must keep room for both.
 */
@Configuration(proxyBeanMethods = false)
class WebhookGate {

    @Bean
    FilterRegistrationBean<Filter> twilioWebhookGate(@Value("${redial.webhooks.max-concurrent:8}") int permits) {
        Semaphore turns = new Semaphore(permits, true);
        Filter gate = (ServletRequest request, ServletResponse response, FilterChain chain) -> {
            turns.acquireUninterruptibly();
            try {
                chain.doFilter(request, response);
            } finally {
                turns.release();
            }
        };
        var registration = new FilterRegistrationBean<>(gate);
        registration.addUrlPatterns("/twilio/*");
        registration.setName("twilioWebhookGate");
        return registration;
    }
}
