package io.redial.crm.sync;

import io.redial.crm.CallLog;
import io.redial.crm.CrmAuthExpired;
import io.redial.crm.CrmCapability;
import io.redial.crm.CrmConnection;
import io.redial.crm.CrmGateway;
import io.redial.crm.CrmId;
import io.redial.crm.CrmLead;
import io.redial.crm.CrmOAuth;
import io.redial.crm.CrmProvider;
import io.redial.crm.CrmRecordRef;
import io.redial.crm.CrmTokens;
import io.redial.crm.FollowUpTask;
import io.redial.crm.JobRequest;
import io.redial.crm.Transcript;
import io.redial.shared.PhoneNumber;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** An in-memory CRM for the sync engine's tests: records every write and fails on cue. */
class ScriptedCrm implements CrmProvider, CrmOAuth {

    static final CrmId ID = new CrmId("scripted");

    record Write(String kind, String contactId, String detail, String accessToken, Instant at) {
    }

    final Map<String, String> contactsByPhone = new ConcurrentHashMap<>();
    final List<Write> writes = Collections.synchronizedList(new ArrayList<>());
    final Queue failures = new Queue();
    final AtomicInteger refreshes = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger(100);

    /** Failures the next calls throw, one each, in order. */
    static final class Queue {
        private final ConcurrentLinkedQueue<Supplier<RuntimeException>> next = new ConcurrentLinkedQueue<>();

        void add(Supplier<RuntimeException> failure) {
            next.add(failure);
        }

        final List<Instant> thrownAt = new java.util.concurrent.CopyOnWriteArrayList<>();

        void throwIfScripted() {
            Supplier<RuntimeException> failure = next.poll();
            if (failure != null) {
                thrownAt.add(Instant.now());
                throw failure.get();
            }
        }
    }

    List<Write> writes(String kind) {
        synchronized (writes) {
            return writes.stream().filter(w -> w.kind().equals(kind)).toList();
        }
    }

    @Override
    public CrmId id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Scripted CRM";
    }

    @Override
    public Set<CrmCapability> capabilities() {
        return EnumSet.of(CrmCapability.CONTACTS, CrmCapability.CALL_LOG, CrmCapability.TRANSCRIPTS,
                CrmCapability.JOBS, CrmCapability.FOLLOW_UP_TASKS);
    }

    @Override
    public CrmGateway connect(CrmConnection connection) {
        return new Gateway(connection.accessToken());
    }

    @Override
    public URI authorizeUrl(String state, URI redirectUri) {
        return URI.create("https://crm.example/authorize?state=" + state);
    }

    @Override
    public Set<String> scopes() {
        return Set.of("contacts");
    }

    @Override
    public CrmTokens exchange(String code, URI redirectUri) {
        return new CrmTokens("access-" + code, "refresh-" + code, Instant.now().plusSeconds(1800), "acct-1");
    }

    @Override
    public CrmTokens refresh(String refreshToken) {
        failures.throwIfScripted();
        int n = refreshes.incrementAndGet();
        return new CrmTokens("refreshed-" + n, null, Instant.now().plusSeconds(1800), null);
    }

    private final class Gateway implements CrmGateway {
        private final String token;

        Gateway(String token) {
            this.token = token;
        }

        @Override
        public CrmRecordRef upsertLead(CrmLead lead, @Nullable CrmRecordRef known) {
            failures.throwIfScripted();
            String id = contactsByPhone.computeIfAbsent(lead.phone().e164(), p -> "c" + ids.incrementAndGet());
            writes.add(new Write("upsert", id, String.valueOf(lead.details().callerName()), token, Instant.now()));
            return new CrmRecordRef("contact", id);
        }

        @Override
        public Optional<CrmRecordRef> findCustomer(PhoneNumber phone) {
            return Optional.ofNullable(contactsByPhone.get(phone.e164())).map(id -> new CrmRecordRef("contact", id));
        }

        @Override
        public CrmRecordRef logCall(CrmRecordRef contact, CallLog call) {
            return write("call", contact, call.summary());
        }

        @Override
        public CrmRecordRef attachTranscript(CrmRecordRef contact, Transcript transcript) {
            return write("note", contact, transcript.asText());
        }

        @Override
        public CrmRecordRef bookJob(CrmRecordRef contact, JobRequest job) {
            return write("job", contact, job.summary() + " @ " + job.start());
        }

        @Override
        public CrmRecordRef createTask(CrmRecordRef contact, FollowUpTask task) {
            return write("task", contact, task.priority() + " " + task.subject());
        }

        private CrmRecordRef write(String kind, CrmRecordRef contact, String detail) {
            failures.throwIfScripted();
            writes.add(new Write(kind, contact.id(), detail, token, Instant.now()));
            return new CrmRecordRef(kind, kind + ids.incrementAndGet());
        }
    }

    static CrmAuthExpired expired() {
        return new CrmAuthExpired("401 from the scripted CRM", null);
    }
}
