package io.redial.lines.sandbox;

import io.redial.lines.CarrierRegistry;
import io.redial.lines.Registration;
import io.redial.lines.Registration.SenderKind;
import io.redial.lines.Registration.State;
import io.redial.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The sandbox carrier's registrations: each line is in the state the console chose to simulate (approved until
 * then), described in the words Twilio would use, so the Lines screen, onboarding and dashboard can be tried
 * without an account.
 */
@Component
@ConditionalOnExpression("'${twilio.account-sid:}' == ''")
class SandboxCarrierRegistry implements CarrierRegistry {

    @Override
    public Registration check(PhoneNumber number, @Nullable String messagingServiceSid, @Nullable State simulated) {
        SenderKind kind = CarrierRegistry.tollFree(number) ? SenderKind.TOLL_FREE : SenderKind.LOCAL;
        State state = simulated == null ? State.APPROVED : simulated;
        boolean local = kind == SenderKind.LOCAL;
        String detail = switch (state) {
            case APPROVED -> local ? "Campaign VERIFIED, brand APPROVED (simulated)." : "Toll-free verification TWILIO_APPROVED (simulated).";
            case PENDING -> local ? "Campaign IN_PROGRESS, brand APPROVED (simulated)." : "Toll-free verification IN_REVIEW (simulated).";
            case REJECTED -> local
                    ? "Campaign FAILED, brand APPROVED: the sample messages do not match the campaign description (simulated)."
                    : "Toll-free verification TWILIO_REJECTED: the opt-in process is not described (simulated).";
            case NOT_REGISTERED -> local ? "The number is in no Messaging Service (simulated)." : "No toll-free verification was submitted (simulated).";
            case UNKNOWN -> "Not checked (simulated).";
        };
        return new Registration(state, kind, detail, null); // the sandbox grants no throughput: the configured pace holds
    }
}
