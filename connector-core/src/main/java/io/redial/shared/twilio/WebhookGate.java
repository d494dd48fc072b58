package io.redial.shared.twilio;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.Semaphore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets a bounded number of Twilio webhooks work at once; the rest wait their turn, first come first served.
 * Webhooks run on virtual threads, so without a bound a burst takes every database connection and the
 * durable tasks that send the texts wait behind it: the pool must keep room for both. Texting webhooks
 * ({@code /twilio/sms/...}) take at most half of the turns, so a flood of texts never makes a call's webhook
 * (and so its text-back) wait behind it. A body larger than any
 * Twilio sends is refused (413) before it is read or waits for a turn; Twilio always says how long its body is.
 */
@Configuration(proxyBeanMethods = false)
class WebhookGate {

    /** Twilio's largest webhooks (a 1,600-character text with its parameters) are a few kilobytes. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    @Bean
    FilterRegistrationBean<Filter> twilioWebhookGate(@Value("${redial.webhooks.max-concurrent:8}") int permits) {
        Semaphore turns = new Semaphore(permits, true);
        Semaphore textTurns = new Semaphore(Math.max(1, permits / 2), true);
        Filter gate = (ServletRequest request, ServletResponse response, FilterChain chain) -> {
            long length = request.getContentLengthLong();
            boolean chunked = ((HttpServletRequest) request).getHeader("Transfer-Encoding") != null;
            if (length > MAX_BODY_BYTES || (length < 0 && chunked)) {
                HttpServletResponse refusal = (HttpServletResponse) response;
                refusal.setStatus(length < 0 ? HttpServletResponse.SC_LENGTH_REQUIRED : HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                refusal.setContentType("text/plain");
                refusal.getWriter().write(length < 0 ? "a Twilio webhook states its Content-Length"
                        : "a Twilio webhook body is at most " + MAX_BODY_BYTES + " bytes");
                return;
            }
            boolean text = ((HttpServletRequest) request).getRequestURI().contains("/twilio/sms/");
            if (text) {
                textTurns.acquireUninterruptibly(); // texts queue here, not ahead of calls in the shared queue
            }
            turns.acquireUninterruptibly();
            try {
                chain.doFilter(request, response);
            } finally {
                turns.release();
                if (text) {
                    textTurns.release();
                }
            }
        };
        var registration = new FilterRegistrationBean<>(gate);
        registration.addUrlPatterns("/twilio/*");
        registration.setName("twilioWebhookGate");
        return registration;
    }
}
