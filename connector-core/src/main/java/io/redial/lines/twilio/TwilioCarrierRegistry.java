package io.redial.lines.twilio;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumber;
import com.twilio.rest.messaging.v1.BrandRegistration;
import com.twilio.rest.messaging.v1.Service;
import com.twilio.rest.messaging.v1.TollfreeVerification;
import com.twilio.rest.messaging.v1.service.PhoneNumber;
import com.twilio.rest.messaging.v1.service.UsAppToPerson;
import io.redial.lines.CarrierRegistry;
import io.redial.lines.Registration;
import io.redial.lines.Registration.SenderKind;
import io.redial.lines.Registration.State;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * A line's registration as Twilio's Messaging resources tell it. A local number: the Messaging Service holding
 * it (the stored one, else the account's service whose sender pool has it), that service's US A2P campaign
 * ({@code UsAppToPerson}, {@code campaign_status}) and the campaign's brand ({@code BrandRegistration},
 * {@code status}, {@code failure_reason}). A toll-free number: its Toll-Free Verification ({@code status},
 * {@code rejection_reason}).
 */
@Component
@ConditionalOnExpression("'${twilio.account-sid:}' != ''")
class TwilioCarrierRegistry implements CarrierRegistry {

    /** Services looked through for a number when none is stored: more than any one account of ours holds. */
    private static final long SERVICES_LOOKED_AT = 100;

    private final TwilioRestClient client;

    TwilioCarrierRegistry(TwilioRestClient client) {
        this.client = client;
    }

    @Override
    public Registration check(io.redial.shared.PhoneNumber number, @Nullable String messagingServiceSid, @Nullable State simulated) {
        return CarrierRegistry.tollFree(number) ? tollFree(number) : local(number, messagingServiceSid);
    }

    private Registration local(io.redial.shared.PhoneNumber number, @Nullable String storedService) {
        Optional<String> service = storedService != null && holds(storedService, number) ? Optional.of(storedService)
                : serviceHolding(number);
        if (service.isEmpty()) {
            return new Registration(State.NOT_REGISTERED, SenderKind.LOCAL, storedService == null
                    ? "The number is in no Messaging Service." : "The number is not in Messaging Service " + storedService + ".", null);
        }
        List<UsAppToPerson> campaigns = list(UsAppToPerson.reader(service.get()).read(client));
        if (campaigns.isEmpty()) {
            return new Registration(State.NOT_REGISTERED, SenderKind.LOCAL,
                    "Messaging Service " + service.get() + " has no US A2P campaign.", null);
        }
        UsAppToPerson campaign = campaigns.getFirst();
        String status = String.valueOf(campaign.getCampaignStatus()).toUpperCase();
        BrandRegistration brand = campaign.getBrandRegistrationSid() == null ? null
                : BrandRegistration.fetcher(campaign.getBrandRegistrationSid()).fetch(client);
        String brandStatus = brand == null || brand.getStatus() == null ? "UNKNOWN" : brand.getStatus().toString().toUpperCase();
        String detail = "Campaign " + status + ", brand " + brandStatus;
        Integer mps = messagesPerSecond(campaign.getRateLimits());
        if (List.of("FAILED", "SUSPENDED").contains(brandStatus)) {
            return new Registration(State.REJECTED, SenderKind.LOCAL, detail + ": " + text(brand.getFailureReason(), brand.getErrors()), mps);
        }
        if (List.of("FAILED", "SUSPENDED").contains(status)) {
            return new Registration(State.REJECTED, SenderKind.LOCAL, detail + ": " + text(null, campaign.getErrors()), mps);
        }
        boolean approved = "VERIFIED".equals(status) && "APPROVED".equals(brandStatus);
        return new Registration(approved ? State.APPROVED : State.PENDING, SenderKind.LOCAL, detail + ".", mps);
    }

    private boolean holds(String service, io.redial.shared.PhoneNumber number) {
        return list(PhoneNumber.reader(service).read(client)).stream()
                .anyMatch(p -> p.getPhoneNumber() != null && number.e164().equals(p.getPhoneNumber().toString()));
    }

    private Optional<String> serviceHolding(io.redial.shared.PhoneNumber number) {
        return StreamSupport.stream(Service.reader().limit(SERVICES_LOOKED_AT).read(client).spliterator(), false)
                .map(Service::getSid).filter(Objects::nonNull).filter(sid -> holds(sid, number)).findFirst();
    }

    private Registration tollFree(io.redial.shared.PhoneNumber number) {
        Optional<String> numberSid = list(IncomingPhoneNumber.reader()
                .setPhoneNumber(new com.twilio.type.PhoneNumber(number.e164())).read(client)).stream()
                .map(IncomingPhoneNumber::getSid).findFirst();
        if (numberSid.isEmpty()) {
            return new Registration(State.UNKNOWN, SenderKind.TOLL_FREE, "The number is not on this Twilio account.", null);
        }
        List<TollfreeVerification> verifications = list(TollfreeVerification.reader()
                .setTollfreePhoneNumberSid(numberSid.get()).read(client));
        if (verifications.isEmpty()) {
            return new Registration(State.NOT_REGISTERED, SenderKind.TOLL_FREE, "No toll-free verification was submitted.", null);
        }
        TollfreeVerification verification = verifications.getFirst();
        String status = String.valueOf(verification.getStatus()).toUpperCase();
        String detail = "Toll-free verification " + status;
        return switch (status) {
            case "TWILIO_APPROVED" -> new Registration(State.APPROVED, SenderKind.TOLL_FREE, detail + ".", null);
            case "TWILIO_REJECTED" -> new Registration(State.REJECTED, SenderKind.TOLL_FREE, detail + ": "
                    + text(verification.getRejectionReason(), verification.getRejectionReasons()), null);
            default -> new Registration(State.PENDING, SenderKind.TOLL_FREE, detail + ".", null);
        };
    }

    /** A campaign's AT&amp;T grant ({@code rate_limits.att.mps}): the one throughput Twilio states per campaign. */
    static @Nullable Integer messagesPerSecond(@Nullable Object rateLimits) {
        if (rateLimits instanceof Map<?, ?> limits && limits.get("att") instanceof Map<?, ?> att
                && att.get("mps") instanceof Number mps) {
            return mps.intValue();
        }
        return null;
    }

    /** The carrier's reason, from its text field or its list of errors ({@code description} or {@code reason} each). */
    static String text(@Nullable String reason, @Nullable List<Object> errors) {
        if (reason != null && !reason.isBlank()) {
            return reason;
        }
        String listed = errors == null ? "" : errors.stream().map(e -> e instanceof Map<?, ?> m
                ? String.valueOf(m.containsKey("description") ? m.get("description") : m.get("reason")) : String.valueOf(e))
                .collect(Collectors.joining("; "));
        return listed.isBlank() ? "no reason given" : listed;
    }

    private static <T> List<T> list(Iterable<T> items) {
        return StreamSupport.stream(items.spliterator(), false).toList();
    }
}
