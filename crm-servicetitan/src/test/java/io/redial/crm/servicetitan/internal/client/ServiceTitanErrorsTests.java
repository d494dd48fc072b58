package io.redial.crm.servicetitan.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.redial.crm.CrmAuthExpired;
import io.redial.crm.CrmRejected;
import io.redial.crm.CrmUnavailable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** ServiceTitan's statuses onto core's outcomes; messages name fields, never quote their values. */
class ServiceTitanErrorsTests {

    static final byte[] VALIDATION = """
            {"type":"https://tools.ietf.org/html/rfc7231#section-6.5.1","title":"One or more validation errors occurred.",
             "status":400,"traceId":"00-abc-01","errors":{"contacts[0].value":["'+1 512 555 0142' is not a valid phone"]},"data":{}}"""
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void validationIsRejectedNamingTheFieldButNotItsValue() {
        var e = ServiceTitanErrors.map(400, new HttpHeaders(), VALIDATION);

        assertThat(e).isInstanceOf(CrmRejected.class);
        assertThat(e.getMessage()).contains("400").contains("contacts[0].value").contains("traceId 00-abc-01")
                .doesNotContain("555");
    }

    @Test
    void unauthorizedAndForbiddenNeedAReconnect() {
        assertThat(ServiceTitanErrors.map(401, new HttpHeaders(), new byte[0])).isInstanceOf(CrmAuthExpired.class);
        assertThat(ServiceTitanErrors.map(403, new HttpHeaders(), new byte[0])).isInstanceOf(CrmAuthExpired.class);
    }

    @Test
    void tooManyRequestsWaitsWhatRetryAfterSaysElseOneSecond() {
        var headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "3");

        assertThat(ServiceTitanErrors.map(429, headers, new byte[0])).isInstanceOfSatisfying(CrmUnavailable.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(3)));
        assertThat(ServiceTitanErrors.map(429, new HttpHeaders(), new byte[0])).isInstanceOfSatisfying(CrmUnavailable.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(1)));
    }

    @Test
    void serverErrorsAreUnavailableAndConflictsRejected() {
        assertThat(ServiceTitanErrors.map(503, new HttpHeaders(), "<html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CrmUnavailable.class).hasMessageContaining("no ServiceTitan error body");
        assertThat(ServiceTitanErrors.map(409, new HttpHeaders(), new byte[0])).isInstanceOf(CrmRejected.class);
    }
}
