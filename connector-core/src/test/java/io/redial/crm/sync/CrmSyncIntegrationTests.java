package io.redial.crm.sync;

import org.jspecify.annotations.Nullable;
import java.util.Optional;
import java.util.Map;
import java.util.ArrayList;
import io.redial.shared.PhoneNumber;
import io.redial.crm.Transcript;
import io.redial.crm.JobRequest;
import io.redial.crm.FollowUpTask;
import io.redial.crm.CrmThrottle;
import io.redial.crm.CrmRecordRef;
import io.redial.crm.CrmLead;
import io.redial.crm.CrmItemResult;
import io.redial.crm.CrmGateway;
import io.redial.crm.CrmConnection;
import io.redial.crm.CallLog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.conversations.ConversationClosed;
import io.redial.crm.CrmTokens;
import io.redial.crm.CrmUnavailable;
import io.redial.crm.CrmRejected;
import io.redial.leads.EmergencyEscalated;
import io.redial.leads.JobBooked;
import io.redial.leads.LeadCaptured;
import io.redial.leads.LeadDetails;
import io.redial.leads.Leads;
import io.redial.shared.TenantId;
import io.redial.shared.notices.AdminNotices;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Lead events → durable sync work → an in-memory CRM, on the real database and the real scheduler. */
@SpringBootTest(classes = CoreTestApplication.class, properties = {
        "redial.encryption-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "redial.jobs.polling-interval=PT0.2S", "redial.public-base-url=https://redial.example.com"})
@Import(CrmSyncIntegrationTests.Fakes.class)
class CrmSyncIntegrationTests {

    static final TenantId TENANT = new TenantId("sync-heating");

    @TestConfiguration
    static class Fakes {
        @Bean
        ScriptedCrm scriptedCrm() {
            return new ScriptedCrm();
        }

        @Bean
        BrokenConnections brokenConnections() {
            return new BrokenConnections();
        }
    }

    static class BrokenConnections {
        final List<CrmConnectionBroken> seen = new CopyOnWriteArrayList<>();

        @EventListener
        void on(CrmConnectionBroken event) {
            seen.add(event);
        }
    }

    @Autowired ScriptedCrm crm;
    @Autowired BrokenConnections broken;
    @Autowired CrmConnections connections;
    @Autowired CrmSyncControl control;
    @Autowired CrmStatus status;
    @Autowired AdminNotices notices;
    @Autowired Leads leads;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired ApplicationEventPublisher events;
    @Autowired Provisioner provisioner;

    static int phones = 100;

    @BeforeEach
    void tenantWithConnection() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: sync-heating
                    name: Sync Heating
                    timezone: America/Chicago
                    lines:
                      - number: "+15125550700"
                        pattern: forwarded
                        forwarded_from: "+15125557700"
                """));
        connections.connect(TENANT, ScriptedCrm.ID, new CrmTokens("token-1", "refresh-1", null, "acct-1"));
    }

    @Test
    void writesContactAndMissedCallOnceEvenWhenTheEventIsReplayed() {
        String phone = nextPhone();
        long lead = captureLeadWithCall(phone);
        awaitAllDone();

        tx.executeWithoutResult(s -> events.publishEvent(new LeadCaptured(TENANT, lead)));
        awaitAllDone();

        assertThat(crm.contactsByPhone).containsKey(phone);
        assertThat(crm.writes("call")).filteredOn(w -> w.contactId().equals(crm.contactsByPhone.get(phone))).hasSize(1);
        assertThat(crm.writes("call").getFirst().detail()).contains("texted the caller back");
    }

    @Test
    void aHiddenCallersLeadStaysOutOfTheCrm() {
        long lead = captureLeadWithCall(io.redial.shared.PhoneNumber.HIDDEN.e164());
        awaitAllDone();

        assertThat(workOf(lead)).isEmpty();
        assertThat(crm.contactsByPhone).doesNotContainKey(io.redial.shared.PhoneNumber.HIDDEN.e164());
    }

    @Test
    void detailsLearnedLaterReachTheSameContact() {
        String phone = nextPhone();
        long lead = captureLeadWithCall(phone);
        tx.executeWithoutResult(s -> leads.updateDetails(TENANT, lead,
                new LeadDetails("Dana Ortiz", null, null, "no heat", "hvac", null)));
        awaitAllDone();

        String contact = crm.contactsByPhone.get(phone);
        assertThat(crm.writes("upsert")).filteredOn(w -> w.contactId().equals(contact))
                .extracting(ScriptedCrm.Write::detail).contains("Dana Ortiz");
        assertThat(crm.contactsByPhone.values()).containsOnlyOnce(contact);
    }

    @Test
    void waitsForTheCrmsRetryAfterBeforeTryingAgain() {
        // The throttled answer is counted for the operator's alert (the app exports the global registry).
        var meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        io.micrometer.core.instrument.Metrics.addRegistry(meters);
        crm.failures.add(() -> new CrmUnavailable("429", Duration.ofSeconds(2), null));
        String phone = nextPhone();
        long lead = captureLeadWithCall(phone);

        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> crm.contactsByPhone.containsKey(phone));
            awaitAllDone();
            assertThat(meters.get("redial.crm.throttled").counter().count()).isEqualTo(1.0);
        } finally {
            io.micrometer.core.instrument.Metrics.removeRegistry(meters);
        }

        var item = workOf(lead).getFirst();
        assertThat(item.attempts()).isEqualTo(1);
        assertThat(item.lastError()).contains("429");
        Instant landed = crm.writes("upsert").stream()
                .filter(w -> w.contactId().equals(crm.contactsByPhone.get(phone))).findFirst().orElseThrow().at();
        assertThat(Duration.between(crm.failures.thrownAt.getLast(), landed)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void keepsRejectedWorkVisibleAndRetriesItFromTheConsole() {
        crm.failures.add(() -> new CrmRejected("400 VALIDATION_ERROR: phone is invalid", null));
        String phone = nextPhone();
        long lead = captureLeadWithCall(phone);

        await().atMost(Duration.ofSeconds(10)).until(() -> workOf(lead).getFirst().state() == SyncState.REJECTED);
        SyncItem rejected = workOf(lead).getFirst();
        assertThat(rejected.lastError()).contains("phone is invalid");
        assertThat(control.needingAttention(TENANT)).extracting(SyncItem::id).contains(rejected.id());
        assertThat(crm.contactsByPhone).doesNotContainKey(phone);

        assertThat(control.retry(TENANT, rejected.id())).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> workOf(lead).getFirst().state() == SyncState.DONE);
        assertThat(crm.contactsByPhone).containsKey(phone);
        assertThat(control.retry(new TenantId("someone-else"), rejected.id())).isFalse();
    }

    @Test
    void theConsoleSeesFailedWorkAndRetriesAllOfIt() {
        crm.failures.add(() -> new CrmRejected("400 VALIDATION_ERROR: phone is invalid", null));
        crm.failures.add(() -> new CrmRejected("400 VALIDATION_ERROR: phone is invalid", null));
        String first = nextPhone();
        String second = nextPhone();
        long firstLead = captureLeadWithCall(first);
        await().atMost(Duration.ofSeconds(10)).until(() -> workOf(firstLead).getFirst().state() == SyncState.REJECTED);
        long secondLead = captureLeadWithCall(second);
        await().atMost(Duration.ofSeconds(10)).until(() -> workOf(secondLead).getFirst().state() == SyncState.REJECTED);

        assertThat(status.failed(TENANT)).extracting(SyncItem::leadId).contains(firstLead, secondLead);
        assertThat(status.connections(TENANT).getFirst().failed()).isGreaterThanOrEqualTo(2);
        assertThat(status.retry(TENANT, workOf(firstLead).getFirst().id() + 1_000_000)).isFalse();

        assertThat(status.retryAll(TENANT)).isGreaterThanOrEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> crm.contactsByPhone.containsKey(first)
                && crm.contactsByPhone.containsKey(second));
        awaitAllDone();
        assertThat(status.failed(TENANT)).isEmpty();
        assertThat(status.connections(TENANT).getFirst().failed()).isZero();
    }

    @Test
    void expiredCredentialsBreakTheConnectionAndPendingWorkResumesAfterReconnecting() {
        crm.failures.add(ScriptedCrm::expired);
        String first = nextPhone();
        long firstLead = captureLeadWithCall(first);
        await().atMost(Duration.ofSeconds(10)).until(() -> workOf(firstLead).getFirst().state() == SyncState.BLOCKED);

        StoredConnection connection = connections.find(TENANT, ScriptedCrm.ID).orElseThrow();
        assertThat(connection.status()).isEqualTo(ConnectionStatus.BROKEN);
        assertThat(connection.lastError()).contains("401");
        assertThat(broken.seen).extracting(CrmConnectionBroken::connectionId).contains(connection.id());
        assertThat(notices.open(TENANT)).anySatisfy(n -> assertThat(n.message()).contains("Scripted CRM")
                .contains("reconnect"));
        CrmStatus.Connection shown = status.connections(TENANT).getFirst();
        assertThat(shown.status()).isEqualTo(ConnectionStatus.BROKEN);
        assertThat(shown.lastError()).contains("401");
        assertThat(shown.lastErrorAt()).isNotNull();
        assertThat(shown.pending()).isGreaterThanOrEqualTo(1);
        assertThat(shown.reconnectPath()).isEqualTo("/crm/scripted/install");

        String second = nextPhone();
        long secondLead = captureLeadWithCall(second);
        assertThat(workOf(secondLead).getFirst().state()).isEqualTo(SyncState.BLOCKED);

        connections.connect(TENANT, ScriptedCrm.ID, new CrmTokens("token-2", "refresh-2", null, "acct-1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> crm.contactsByPhone.containsKey(first)
                && crm.contactsByPhone.containsKey(second));
        awaitAllDone();
        assertThat(crm.writes("upsert")).filteredOn(w -> w.contactId().equals(crm.contactsByPhone.get(second)))
                .extracting(ScriptedCrm.Write::accessToken).containsOnly("token-2");
    }

    @Test
    void bookedJobBecomesAJobAndAnEmergencyAHighPriorityTask() {
        String phone = nextPhone();
        long lead = captureLeadWithCall(phone);
        Instant start = Instant.parse("2026-12-01T15:00:00Z");
        tx.executeWithoutResult(s -> {
            events.publishEvent(new JobBooked(TENANT, lead, start, start.plusSeconds(7200), "Furnace repair"));
            events.publishEvent(new EmergencyEscalated(TENANT, lead, "gas-smell", "Caller smells gas"));
        });
        tx.executeWithoutResult(s -> events.publishEvent(new JobBooked(TENANT, lead, start, start.plusSeconds(7200),
                "Furnace repair")));
        awaitAllDone();

        String contact = crm.contactsByPhone.get(phone);
        assertThat(crm.writes("job")).filteredOn(w -> w.contactId().equals(contact)).singleElement()
                .extracting(ScriptedCrm.Write::detail).asString().contains("Furnace repair");
        assertThat(crm.writes("task")).filteredOn(w -> w.contactId().equals(contact)).singleElement()
                .extracting(ScriptedCrm.Write::detail).asString().startsWith("HIGH EMERGENCY");
    }

    @Test
    void closedConversationsTranscriptAttachesToTheLeadsContact() {
        String phone = nextPhone();
        long lead = captureLeadWithCall(phone);
        long conversation = conversationWithTexts(lead, phone);
        tx.executeWithoutResult(s -> events.publishEvent(new ConversationClosed(TENANT, conversation, "idle")));
        awaitAllDone();

        String contact = crm.contactsByPhone.get(phone);
        assertThat(crm.writes("note")).filteredOn(w -> w.contactId().equals(contact)).singleElement()
                .extracting(ScriptedCrm.Write::detail).asString()
                .contains("caller: My furnace is out").contains("receptionist: Sorry we missed you");
    }

    @Autowired SyncSteps steps;

    @Test
    void aBatchOfTranscriptsRetriesOnlyTheInputItFailedAndARetriedBatchWritesEachNoteOnce() {
        String first = nextPhone();
        String second = nextPhone();
        long firstLead = captureLeadWithCall(first);
        long secondLead = captureLeadWithCall(second);
        awaitAllDone();
        List<SyncItem> batch = List.of(transcriptWork(firstLead, conversationWithTexts(firstLead, first)),
                transcriptWork(secondLead, conversationWithTexts(secondLead, second)));
        CrmGateway one = crm.connect(new CrmConnection(0, TENANT, ScriptedCrm.ID, "acct-1", "token-1", Map.of(), CrmThrottle.NONE));
        List<Integer> sent = new ArrayList<>();
        CrmGateway batching = new CrmGateway() { // a batch endpoint whose first answer is a 207 failing its second input
            @Override
            public List<CrmItemResult> attachTranscripts(List<TranscriptWrite> writes) {
                sent.add(writes.size());
                List<CrmItemResult> results = new ArrayList<>();
                for (int i = 0; i < writes.size(); i++) {
                    results.add(sent.size() == 1 && i == 1 ? CrmItemResult.failed(new CrmUnavailable("423 LOCKED", Duration.ofSeconds(2), null))
                            : CrmItemResult.of(one.attachTranscript(writes.get(i).target(), writes.get(i).transcript())));
                }
                return results;
            }

            @Override
            public CrmRecordRef upsertLead(CrmLead lead, @Nullable CrmRecordRef known) {
                return one.upsertLead(lead, known);
            }

            @Override
            public Optional<CrmRecordRef> findCustomer(PhoneNumber phone) {
                return one.findCustomer(phone);
            }

            @Override
            public CrmRecordRef logCall(CrmRecordRef contact, CallLog call) {
                return one.logCall(contact, call);
            }

            @Override
            public CrmRecordRef attachTranscript(CrmRecordRef contact, Transcript transcript) {
                throw new AssertionError("a batch goes through attachTranscripts");
            }

            @Override
            public CrmRecordRef bookJob(CrmRecordRef contact, JobRequest job) {
                return one.bookJob(contact, job);
            }

            @Override
            public CrmRecordRef createTask(CrmRecordRef contact, FollowUpTask task) {
                return one.createTask(contact, task);
            }
        };

        assertThat(steps.performBatch(batch, crm, batching)).containsOnlyKeys(batch.get(1).id());
        assertThat(steps.performBatch(batch, crm, batching)).as("the batch again, as after a crash").isEmpty();
        assertThat(steps.performBatch(batch, crm, batching)).isEmpty();

        assertThat(sent).as("only what is not linked yet is sent again").containsExactly(2, 1);
        for (String phone : List.of(first, second)) {
            assertThat(crm.writes("note")).filteredOn(w -> w.contactId().equals(crm.contactsByPhone.get(phone))).hasSize(1);
        }
    }

    private static SyncItem transcriptWork(long lead, long conversation) {
        return new SyncItem(-lead, TENANT, 0, lead, SyncKind.TRANSCRIPT, conversation, null, null, null, SyncState.PENDING, 0,
                null, null, Instant.now());
    }

    @Test
    void refreshesTokensBeforeTheyExpireAndKeepsThemEncrypted() {
        connections.connect(TENANT, ScriptedCrm.ID,
                new CrmTokens("about-to-expire", "refresh-x", Instant.now().plusSeconds(60), "acct-1"));
        String phone = nextPhone();
        captureLeadWithCall(phone);
        awaitAllDone();

        String usedToken = crm.writes("upsert").stream()
                .filter(w -> w.contactId().equals(crm.contactsByPhone.get(phone))).findFirst().orElseThrow().accessToken();
        assertThat(usedToken).startsWith("refreshed-");
        byte[] stored = jdbc.sql("SELECT credentials_encrypted FROM crm_connections WHERE tenant_id = ?")
                .param(TENANT.value()).query(byte[].class).single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(usedToken)
                .doesNotContain("refresh-x");
    }

    private long captureLeadWithCall(String phone) {
        return fixtures().captureLeadWithCall(phone);
    }

    private long conversationWithTexts(long lead, String phone) {
        return fixtures().conversationWithTexts(lead, phone);
    }

    private io.redial.testing.crm.LeadFixtures fixtures() {
        return new io.redial.testing.crm.LeadFixtures(jdbc, leads, tx, TENANT);
    }

    private List<SyncItem> workOf(long lead) {
        return java.util.Arrays.stream(SyncState.values()).flatMap(s -> control.inState(TENANT, s).stream())
                .filter(i -> i.leadId() == lead).sorted(java.util.Comparator.comparingLong(SyncItem::id)).toList();
    }

    private void awaitAllDone() {
        await().atMost(Duration.ofSeconds(15)).until(() -> control.inState(TENANT, SyncState.PENDING).isEmpty());
    }

    private static synchronized String nextPhone() {
        return "+1512555" + String.format("%04d", 1000 + phones++);
    }
}
