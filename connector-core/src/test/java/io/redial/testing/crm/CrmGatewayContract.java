package io.redial.testing.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redial.crm.CrmAuthExpired;
import io.redial.crm.CrmGateway;
import io.redial.crm.CrmLead;
import io.redial.crm.CrmRecordRef;
import io.redial.crm.CrmRejected;
import io.redial.crm.CrmUnavailable;
import io.redial.crm.Transcript;
import io.redial.leads.LeadDetails;
import io.redial.leads.Urgency;
import io.redial.shared.PhoneNumber;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What core relies on from every CRM adapter (DESIGN decision 4), run against the adapter's own HTTP
 * fake: writes are found again by phone instead of duplicated, transcripts attach to their lead, and
 * vendor failures map onto core's three outcomes. Subclass it as {@code <Vendor>CrmGatewayContractTests}.
 */
public abstract class CrmGatewayContract {

    private static final AtomicInteger numbers = new AtomicInteger(1000);

    /** A gateway on a healthy connection, with the adapter's normal timeouts. */
    protected abstract CrmGateway gateway();

    /** Like {@link #gateway()}, but waiting less than {@link #nextRequestTimesOut()} delays its answer. */
    protected abstract CrmGateway impatientGateway();

    /** A gateway whose access token the CRM no longer accepts. */
    protected abstract CrmGateway gatewayWithRevokedToken();

    /** The fake answers the next request with {@code status}; for 429 with {@code Retry-After} when not null. */
    protected abstract void nextRequestFails(int status, @Nullable Integer retryAfterSeconds);

    /** The fake answers the next request with the vendor's own validation error. */
    protected abstract void nextRequestFailsValidation();

    /** The fake answers the next request later than the gateway waits. */
    protected abstract void nextRequestTimesOut();

    /** How many records (contacts, clients, customers) the CRM holds with this phone number. */
    protected abstract int recordsWithPhone(PhoneNumber phone);

    /** The text of everything attached to a record: notes, activities, messages. */
    protected abstract List<String> attachedTo(CrmRecordRef record);

    @Test
    void theSameLeadTwiceGivesOneRecord() {
        CrmLead lead = lead(freshPhone());

        CrmRecordRef first = gateway().upsertLead(lead, null);
        CrmRecordRef second = gateway().upsertLead(lead, null);
        CrmRecordRef third = gateway().upsertLead(lead, first);

        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);
        assertThat(recordsWithPhone(lead.phone())).isEqualTo(1);
    }

    /**
     * Makes the CRM hold a customer with this phone and returns it. By default that is what a lead does; CRMs
     * where a lead is not yet a customer (ServiceTitan: a booking for a CSR to work) create one in their fake.
     */
    protected CrmRecordRef aCustomerWithPhone(PhoneNumber phone) {
        return gateway().upsertLead(lead(phone), null);
    }

    @Test
    void findsACustomerByPhoneOnlyWhenThereIsOne() {
        PhoneNumber phone = freshPhone();

        assertThat(gateway().findCustomer(phone)).isEmpty();
        CrmRecordRef created = aCustomerWithPhone(phone);
        assertThat(gateway().findCustomer(phone)).contains(created);
    }

    @Test
    void aTranscriptAttachesToItsLead() {
        CrmLead lead = lead(freshPhone());
        CrmRecordRef contact = gateway().upsertLead(lead, null);
        Instant at = Instant.parse("2026-11-25T15:04:05Z");
        Transcript transcript = new Transcript(77, List.of(
                new Transcript.Line(at, "receptionist", "Sorry we missed your call! How can we help?"),
                new Transcript.Line(at.plusSeconds(40), "caller", "Water heater is leaking everywhere")), lead.link());

        gateway().attachTranscript(contact, transcript);

        assertThat(attachedTo(contact)).anySatisfy(text -> assertThat(text)
                .contains("Water heater is leaking everywhere").contains("Sorry we missed your call!"));
    }

    @Test
    void unauthorizedMeansTheCredentialsExpired() {
        assertThatThrownBy(() -> gatewayWithRevokedToken().upsertLead(lead(freshPhone()), null))
                .isInstanceOf(CrmAuthExpired.class);
    }

    @Test
    void tooManyRequestsIsUnavailableAndCarriesRetryAfter() {
        nextRequestFails(429, 7);

        assertThatThrownBy(() -> gateway().upsertLead(lead(freshPhone()), null))
                .isInstanceOfSatisfying(CrmUnavailable.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void serverErrorsAreUnavailable(int status) {
        nextRequestFails(status, null);

        assertThatThrownBy(() -> gateway().upsertLead(lead(freshPhone()), null)).isInstanceOf(CrmUnavailable.class);
    }

    @Test
    void aTimeoutIsUnavailable() {
        nextRequestTimesOut();

        assertThatThrownBy(() -> impatientGateway().upsertLead(lead(freshPhone()), null)).isInstanceOf(CrmUnavailable.class);
    }

    @Test
    void validationErrorsAreRejected() {
        nextRequestFailsValidation();

        assertThatThrownBy(() -> gateway().upsertLead(lead(freshPhone()), null)).isInstanceOf(CrmRejected.class);
    }

    /** A US number no other test of this run has used. */
    protected static PhoneNumber freshPhone() {
        return new PhoneNumber("+1512555" + String.format("%04d", numbers.incrementAndGet() % 10_000));
    }

    protected static CrmLead lead(PhoneNumber phone) {
        return new CrmLead(4200 + numbers.get(), phone,
                new LeadDetails("Dana Ortiz", "12 Elm St, Austin, TX 78701", true, "Water heater leaking", "plumbing",
                        Urgency.URGENT),
                "Redial (missed call text-back)", URI.create("https://redial.example.com/leads/" + numbers.get()));
    }
}
