package io.redial.lines;

import static org.assertj.core.api.Assertions.assertThat;

import io.redial.lines.Registration.SenderKind;
import io.redial.lines.Registration.State;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.shared.notices.AdminNotices;
import io.redial.tenants.Tenants;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import io.redial.testing.FakeTwilio;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each line's registration read through twilio-java from the Twilio fake's Messaging resources: every campaign,
 * brand and toll-free verification state, the notice when a state changes, and the pace a campaign grants.
 */
@SpringBootTest(classes = CoreTestApplication.class, properties = "redial.sandbox.demo-tenant=false")
class LineReadinessIntegrationTests {

    static final String ACCOUNT = "AC17171717171717171717171717171717";
    static final FakeTwilio twilio = new FakeTwilio(ACCOUNT, "readiness-token");
    static final TenantId TENANT = new TenantId("readiness-hvac");
    static final String SERVICE = "MG17170000000000000000000000000001";
    static final String OTHER_SERVICE = "MG17170000000000000000000000000002";
    static final String REGISTERED = "+15125551700";
    static final String UNSTORED = "+15125551701";
    static final String NOWHERE = "+15125551702";
    static final String TOLL_FREE = "+18885551703";

    @Autowired Provisioner provisioner;
    @Autowired LineReadiness readiness;
    @Autowired AdminNotices notices;
    @Autowired Tenants tenants;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void provision() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: readiness-hvac
                    name: Readiness HVAC
                    timezone: America/Chicago
                    sends_per_minute: 60
                    lines:
                      - number: "%s"
                        pattern: forwarded
                        messaging_service_sid: %s
                      - number: "%s"
                        pattern: forwarded
                      - number: "%s"
                        pattern: forwarded
                      - number: "%s"
                        pattern: forwarded
                """.formatted(REGISTERED, SERVICE, UNSTORED, NOWHERE, TOLL_FREE)));
        jdbc.sql("DELETE FROM line_readiness WHERE tenant_id = ?").param(TENANT.value()).update(); // each test reads afresh
        tenants.configurationChanged();
        twilio.registrations.service(SERVICE, REGISTERED);
        twilio.registrations.service(OTHER_SERVICE, UNSTORED);
    }

    @Test
    void aLocalNumberIsApprovedOnlyWhenItsCampaignIsVerifiedAndItsBrandApproved() {
        twilio.registrations.campaign(SERVICE, "VERIFIED", null, "APPROVED", null, 4);
        assertThat(check(REGISTERED).registration()).isEqualTo(new Registration(State.APPROVED, SenderKind.LOCAL,
                "Campaign VERIFIED, brand APPROVED.", 4));
        assertThat(check(REGISTERED).live()).isTrue();

        twilio.registrations.campaign(SERVICE, "IN_PROGRESS", null, "APPROVED", null, null);
        assertThat(check(REGISTERED).registration().state()).isEqualTo(State.PENDING);
        assertThat(check(REGISTERED).live()).isFalse();

        twilio.registrations.campaign(SERVICE, "VERIFIED", null, "IN_REVIEW", null, null);
        assertThat(check(REGISTERED).registration().state()).isEqualTo(State.PENDING);
    }

    @Test
    void aRejectionCarriesTheCarriersReason() {
        twilio.registrations.campaign(SERVICE, "FAILED", "Sample messages do not match the use case", "APPROVED", null, null);
        var campaign = check(REGISTERED);
        assertThat(campaign.registration().state()).isEqualTo(State.REJECTED);
        assertThat(campaign.registration().detail()).contains("Campaign FAILED", "Sample messages do not match the use case");
        assertThat(campaign.nextStep()).contains("resubmit");

        twilio.registrations.campaign(SERVICE, "PENDING", null, "FAILED", "Tax ID does not match the legal name", null);
        assertThat(check(REGISTERED).registration().detail()).contains("brand FAILED", "Tax ID does not match the legal name");

        twilio.registrations.campaign(SERVICE, "SUSPENDED", "Suspended by the carrier", "APPROVED", null, null);
        assertThat(check(REGISTERED).registration().state()).isEqualTo(State.REJECTED);
        twilio.registrations.campaign(SERVICE, "VERIFIED", null, "SUSPENDED", "Brand suspended", null);
        assertThat(check(REGISTERED).registration().detail()).contains("brand SUSPENDED", "Brand suspended");
        twilio.registrations.campaign(SERVICE, "PENDING", null, "PENDING", null, null);
        assertThat(check(REGISTERED).registration().state()).isEqualTo(State.PENDING);
    }

    @Test
    void aNumberInNoServiceOrAServiceWithoutCampaignIsNotRegistered() {
        var nowhere = check(NOWHERE);
        assertThat(nowhere.registration().state()).isEqualTo(State.NOT_REGISTERED);
        assertThat(nowhere.registration().detail()).isEqualTo("The number is in no Messaging Service.");
        assertThat(nowhere.nextStep()).contains("brand", "A2P campaign", "Messaging Service");

        var unstored = check(UNSTORED);
        assertThat(unstored.registration().detail()).as("found in the account's services without a stored SID")
                .isEqualTo("Messaging Service " + OTHER_SERVICE + " has no US A2P campaign.");
    }

    @Test
    void aTollFreeNumberGoesByItsVerification() {
        twilio.registrations.tollFree(TOLL_FREE, null, null);
        assertThat(check(TOLL_FREE).registration()).extracting(Registration::state, Registration::kind)
                .containsExactly(State.NOT_REGISTERED, SenderKind.TOLL_FREE);
        assertThat(check(TOLL_FREE).nextStep()).contains("toll-free verification");

        twilio.registrations.tollFree(TOLL_FREE, "IN_REVIEW", null);
        assertThat(check(TOLL_FREE).registration().state()).isEqualTo(State.PENDING);
        twilio.registrations.tollFree(TOLL_FREE, "PENDING_REVIEW", null);
        assertThat(check(TOLL_FREE).registration().state()).isEqualTo(State.PENDING);

        twilio.registrations.tollFree(TOLL_FREE, "TWILIO_REJECTED", "Opt-in process not shown");
        assertThat(check(TOLL_FREE).registration().detail()).contains("TWILIO_REJECTED", "Opt-in process not shown");

        twilio.registrations.tollFree(TOLL_FREE, "TWILIO_APPROVED", null);
        assertThat(check(TOLL_FREE).registration().state()).isEqualTo(State.APPROVED);
    }

    @Test
    void aChangedStateTellsTheAdminOnceAndTheDashboardListsBlockedLines() {
        twilio.registrations.campaign(SERVICE, "IN_PROGRESS", null, "APPROVED", null, null);
        twilio.registrations.tollFree(TOLL_FREE, "TWILIO_APPROVED", null);
        readiness.checkAll();
        readiness.checkAll();
        assertThat(readiness.blocked(TENANT)).extracting(l -> l.number().e164()).contains(REGISTERED, NOWHERE)
                .doesNotContain(TOLL_FREE);

        twilio.registrations.campaign(SERVICE, "VERIFIED", null, "APPROVED", null, 4);
        readiness.checkAll();
        readiness.checkAll();

        assertThat(notices.open(TENANT)).filteredOn(n -> n.message().contains("(512) 555-1700"))
                .extracting(AdminNotices.Notice::message)
                .containsOnlyOnce("Line (512) 555-1700: texting registration (A2P 10DLC) approved. Its text-backs now reach US phones.")
                .anyMatch(m -> m.contains("under review"));
        assertThat(readiness.blocked(TENANT)).extracting(l -> l.number().e164()).doesNotContain(REGISTERED);
    }

    @Test
    void aLineIsPacedAtTheThroughputItsCampaignGrants() {
        assertThat(tenants.sending(TENANT, new PhoneNumber(REGISTERED)).sendsPerMinute()).isEqualTo(60);
        twilio.registrations.campaign(SERVICE, "VERIFIED", null, "APPROVED", null, 4);
        check(REGISTERED);
        tenants.configurationChanged();

        assertThat(tenants.sending(TENANT, new PhoneNumber(REGISTERED)).sendsPerMinute()).isEqualTo(240);
        assertThat(tenants.sending(TENANT, new PhoneNumber(REGISTERED)).messagingServiceSid()).isEqualTo(SERVICE);
    }

    @Test
    void theMessagingServiceSidIsCheckedBeforeItIsStored() {
        long line = lineId(NOWHERE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> readiness.useMessagingService(TENANT, line, "MG123"))
                .hasMessageContaining("MG followed by 32");
        readiness.useMessagingService(TENANT, line, OTHER_SERVICE);
        assertThat(readiness.line(TENANT, line).orElseThrow().messagingServiceSid()).isEqualTo(OTHER_SERVICE);
        readiness.useMessagingService(TENANT, line, " ");
        assertThat(readiness.line(TENANT, line).orElseThrow().messagingServiceSid()).isNull();
    }

    @Test
    void theRecurringCheckIsOneScheduledRowForAllNodes() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ?").param(LineReadinessCheck.TASK)
                .query(Long.class).single()).isEqualTo(1);
    }

    private LineReadiness.LineState check(String number) {
        return readiness.checkNow(TENANT, lineId(number));
    }

    private long lineId(String number) {
        return jdbc.sql("SELECT id FROM phone_lines WHERE number = ?").param(number).query(Long.class).single();
    }
}
