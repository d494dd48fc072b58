package io.redial.crm.servicetitan;

import io.redial.crm.CrmConnection;
import io.redial.crm.CrmGateway;
import io.redial.crm.CrmRecordRef;
import io.redial.crm.CrmThrottle;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.testing.crm.CrmGatewayContract;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;

/** Core's CRM contract against the ServiceTitan fake. */
class ServiceTitanCrmGatewayContractTests extends CrmGatewayContract {

    static final FakeServiceTitan servicetitan = new FakeServiceTitan();
    static final FakeServiceTitan.Tenant tenant = servicetitan.addTenant(1_234_567);
    static final ServiceTitanCrmProvider provider = provider(Duration.ofSeconds(20));
    static final ServiceTitanCrmProvider impatient = provider(Duration.ofSeconds(1));
    static final String token = servicetitan.issueToken(tenant.id());

    static {
        servicetitan.limitRequestsPerSecond(100_000); // budgets are the sync engine's business, not this contract's
    }

    @AfterAll
    static void stop() {
        servicetitan.close();
    }

    @Override
    protected CrmGateway gateway() {
        return connect(provider, token);
    }

    @Override
    protected CrmGateway impatientGateway() {
        return connect(impatient, token);
    }

    @Override
    protected CrmGateway gatewayWithRevokedToken() {
        return connect(provider, "eyJ.revoked");
    }

    @Override
    protected void nextRequestFails(int status, @Nullable Integer retryAfterSeconds) {
        servicetitan.nextRequestFails(status, retryAfterSeconds);
    }

    @Override
    protected void nextRequestFailsValidation() {
        servicetitan.nextRequestFailsValidation();
    }

    @Override
    protected void nextRequestTimesOut() {
        servicetitan.nextRequestTakes(Duration.ofSeconds(3));
    }

    /** A lead is a booking for the CSRs, not a customer: both count as records with the phone. */
    @Override
    protected int recordsWithPhone(PhoneNumber phone) {
        return servicetitan.withPhone("booking", phone).size() + servicetitan.withPhone("customer", phone).size();
    }

    @Override
    protected CrmRecordRef aCustomerWithPhone(PhoneNumber phone) {
        return new CrmRecordRef("customer", String.valueOf(servicetitan.seedCustomer(tenant.id(), "Dana Ortiz", phone)));
    }

    /** A booking carries the conversation in its summary (bookings have no notes); customers and jobs in notes. */
    @Override
    protected List<String> attachedTo(CrmRecordRef record) {
        return switch (record.type()) {
            case "booking" -> List.of(String.valueOf(servicetitan.find("booking", Long.parseLong(record.id())).get("summary")));
            case "customer", "job" -> servicetitan.notesOf(record.type(), Long.parseLong(record.id())).stream()
                    .map(n -> String.valueOf(n.get("text"))).toList();
            default -> List.of();
        };
    }

    static ServiceTitanCrmProvider provider(Duration readTimeout) {
        return new ServiceTitanCrmProvider(new ServiceTitanProperties(FakeServiceTitan.APP_KEY, servicetitan.baseUrl(),
                servicetitan.baseUrl(), 60, "Redial", Duration.ofSeconds(2), readTimeout), Clock.systemUTC());
    }

    static CrmGateway connect(ServiceTitanCrmProvider provider, String accessToken) {
        return provider.connect(new CrmConnection(1, new TenantId("contract"), ServiceTitanCrmProvider.ID,
                String.valueOf(tenant.id()), accessToken, Map.of("booking_provider", String.valueOf(tenant.bookingProvider())),
                CrmThrottle.NONE));
    }
}
