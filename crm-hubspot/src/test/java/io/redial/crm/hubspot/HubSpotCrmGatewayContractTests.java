package io.redial.crm.hubspot;

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

/** Core's CRM contract against the HubSpot fake. */
class HubSpotCrmGatewayContractTests extends CrmGatewayContract {

    static final FakeHubSpot hubspot = new FakeHubSpot();
    static final HubSpotCrmProvider provider = provider(Duration.ofSeconds(20));
    static final HubSpotCrmProvider impatient = provider(Duration.ofSeconds(1));
    static final String token = hubspot.issueAccessToken();

    static {
        hubspot.limitRequests(100_000, 100_000); // budgets are the sync engine's business, not this contract's
    }

    @AfterAll
    static void stop() {
        hubspot.close();
    }

    @Override
    protected CrmGateway gateway() {
        return connect(token);
    }

    @Override
    protected CrmGateway impatientGateway() {
        return connect(impatient, token);
    }

    @Override
    protected CrmGateway gatewayWithRevokedToken() {
        return connect("pat-na1-revoked");
    }

    @Override
    protected void nextRequestFails(int status, @Nullable Integer retryAfterSeconds) {
        hubspot.nextRequestFails(status, retryAfterSeconds);
    }

    @Override
    protected void nextRequestFailsValidation() {
        hubspot.nextRequestFailsValidation();
    }

    @Override
    protected void nextRequestTimesOut() {
        hubspot.nextRequestTakes(Duration.ofSeconds(3));
    }

    @Override
    protected int recordsWithPhone(PhoneNumber phone) {
        return hubspot.contactsWithPhone(phone).size();
    }

    @Override
    protected List<String> attachedTo(CrmRecordRef record) {
        return hubspot.associatedWith(record.id()).stream().map(o -> String.join("\n", o.properties().values())).toList();
    }

    static CrmGateway connect(String accessToken) {
        return connect(provider, accessToken);
    }

    static HubSpotCrmProvider provider(Duration readTimeout) {
        return new HubSpotCrmProvider(new HubSpotProperties(FakeHubSpot.CLIENT_ID, FakeHubSpot.CLIENT_SECRET,
                hubspot.baseUrl(), hubspot.baseUrl(), Duration.ofSeconds(2), readTimeout), Clock.systemUTC());
    }

    static CrmGateway connect(HubSpotCrmProvider provider, String accessToken) {
        return provider.connect(new CrmConnection(1, new TenantId("contract"), HubSpotCrmProvider.ID,
                String.valueOf(FakeHubSpot.HUB_ID), accessToken, Map.of(), CrmThrottle.NONE));
    }
}
