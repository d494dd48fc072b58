package io.redial.crm.hubspot.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.redial.crm.CrmAuthExpired;
import io.redial.crm.CrmRejected;
import io.redial.crm.CrmUnavailable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** HubSpot's error shapes onto core's outcomes, for the cases the fake does not script. */
class HubSpotErrorsTests {

    @Test
    void missingScopesNeedAReconnectNotARetry() {
        var error = HubSpotErrors.map(403, new HttpHeaders(), body("""
                {"status":"error","message":"This app hasn't been granted all required scopes","correlationId":"c1",
                 "category":"MISSING_SCOPES","context":{"requiredGranularScopes":["crm.objects.deals.write"]}}"""));

        assertThat(error).isInstanceOf(CrmAuthExpired.class).hasMessageContaining("MISSING_SCOPES");
    }

    @Test
    void aSpentDailyQuotaWaitsAnHour() {
        var error = HubSpotErrors.map(429, new HttpHeaders(), body("""
                {"status":"error","message":"You have reached your daily limit.","errorType":"RATE_LIMIT",
                 "correlationId":"c2","policyName":"DAILY"}"""));

        assertThat(error).isInstanceOfSatisfying(CrmUnavailable.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofHours(1)));
    }

    @Test
    void retryAfterMayBeAnHttpDate() {
        var headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(30)));

        var error = HubSpotErrors.map(503, headers, new byte[0]);

        assertThat(error).isInstanceOfSatisfying(CrmUnavailable.class, e -> assertThat(e.retryAfter())
                .hasValueSatisfying(wait -> assertThat(wait).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(30))));
    }

    @Test
    void aLockedRecordIsRetriedAfterTwoSecondsAtLeast() {
        var headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");

        assertThat(HubSpotErrors.map(423, new HttpHeaders(), body("""
                {"status":"error","message":"Record is locked","correlationId":"c4","category":"LOCKED"}""")))
                .isInstanceOfSatisfying(CrmUnavailable.class, e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(2)));
        assertThat(HubSpotErrors.map(423, headers, new byte[0]))
                .isInstanceOfSatisfying(CrmUnavailable.class, e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(2)));
    }

    @Test
    void aPortalBeingMigratedIsRetriedWhenItSays() {
        var headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "120");

        assertThat(HubSpotErrors.map(477, headers, new byte[0]))
                .isInstanceOfSatisfying(CrmUnavailable.class, e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(120)));
        assertThat(HubSpotErrors.map(477, new HttpHeaders(), new byte[0])).isInstanceOf(CrmUnavailable.class);
    }

    @Test
    void aBodyThatIsNoJsonStillMapsByStatus() {
        assertThat(HubSpotErrors.map(400, new HttpHeaders(), body("<html>Bad Request</html>"))).isInstanceOf(CrmRejected.class);
    }

    @Test
    void phoneNumbersQuotedInAMessageAreMasked() {
        var error = HubSpotErrors.map(400, new HttpHeaders(), body("""
                {"status":"error","message":"+1 (512) 555-0142 is not a valid phone number","correlationId":"c3",
                 "category":"VALIDATION_ERROR"}"""));

        assertThat(error.getMessage()).doesNotContain("555-0142").contains("…42 is not a valid phone number");
    }

    private static byte[] body(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
