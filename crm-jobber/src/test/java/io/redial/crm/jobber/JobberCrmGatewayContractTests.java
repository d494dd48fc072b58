package io.redial.crm.jobber;

import io.redial.crm.CrmConnection;
import io.redial.crm.CrmGateway;
import io.redial.crm.CrmRecordRef;
import io.redial.crm.CrmThrottle;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.testing.crm.CrmGatewayContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;

/** Core's CRM contract against the Jobber fake. */
class JobberCrmGatewayContractTests extends CrmGatewayContract {

    static final FakeJobber jobber = new FakeJobber();
    static final JobberCrmProvider provider = provider(jobber, Duration.ofSeconds(20));
    static final JobberCrmProvider impatient = provider(jobber, Duration.ofSeconds(1));
    static final String token = jobber.issueAccessToken();

    @AfterAll
    static void stop() {
        jobber.close();
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
        return connect(provider, "eyJhbGciOiJIUzI1NiJ9.revoked.token");
    }

    @Override
    protected void nextRequestFails(int status, @Nullable Integer retryAfterSeconds) {
        jobber.nextRequestFails(status, retryAfterSeconds);
    }

    @Override
    protected void nextRequestFailsValidation() {
        jobber.nextRequestFailsValidation();
    }

    @Override
    protected void nextRequestTimesOut() {
        jobber.nextRequestTakes(Duration.ofSeconds(3));
    }

    @Override
    protected int recordsWithPhone(PhoneNumber phone) {
        return jobber.clientsWithPhone(phone).size();
    }

    @Override
    protected List<String> attachedTo(CrmRecordRef record) {
        List<String> texts = new ArrayList<>();
        jobber.notesOf(record.id()).forEach(n -> texts.add(n.message()));
        jobber.requestsOf(record.id()).forEach(r -> jobber.notesOf(r.id()).forEach(n -> texts.add(n.message())));
        return texts;
    }

    static JobberCrmProvider provider(FakeJobber fake, Duration readTimeout) {
        return new JobberCrmProvider(new JobberProperties(FakeJobber.CLIENT_ID, FakeJobber.CLIENT_SECRET, fake.baseUrl(),
                fake.baseUrl(), "https://secure.getjobber.com", FakeJobber.VERSION, Duration.ofSeconds(2), readTimeout));
    }

    static CrmGateway connect(JobberCrmProvider provider, String accessToken) {
        return connect(provider, accessToken, Map.of());
    }

    static CrmGateway connect(JobberCrmProvider provider, String accessToken, Map<String, String> settings) {
        return provider.connect(new CrmConnection(1, new TenantId("contract"), JobberCrmProvider.ID, FakeJobber.ACCOUNT_ID,
                accessToken, settings, CrmThrottle.NONE));
    }
}
