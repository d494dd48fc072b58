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
import io.redial.crm.FollowUpTask;
import io.redial.crm.JobRequest;
import io.redial.crm.Transcript;
import io.redial.shared.PhoneNumber;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
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
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

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
    private final TokenEndpoint tokenEndpoint = new TokenEndpoint();

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
    public ClientRegistration clientRegistration() {
        return ClientRegistration.withRegistrationId(ID.value())
                .clientId("scripted-app").clientSecret("scripted-secret")
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/crm/{registrationId}/oauth/callback").scope("contacts")
                .authorizationUri("https://crm.example/authorize").tokenUri(tokenEndpoint.uri())
                .build();
    }

    @Override
    public @Nullable String accountId(Map<String, Object> tokenResponseParameters) {
        Object account = tokenResponseParameters.get("account");
        return account == null ? null : account.toString();
    }

    /** Stops the token endpoint; Spring calls it when the test context closes. */
    public void close() {
        tokenEndpoint.close();
    }

    /** The CRM's OAuth token endpoint on loopback, answering refresh grants for the app's own client. */
    private final class TokenEndpoint implements AutoCloseable {
        private final HttpServer server;

        TokenEndpoint() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            server.createContext("/token", exchange -> {
                String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                boolean ok = form.contains("grant_type=refresh_token") && form.contains("client_id=scripted-app")
                        && form.contains("client_secret=scripted-secret") && form.contains("refresh_token=");
                String body = ok ? "{\"access_token\":\"refreshed-" + refreshes.incrementAndGet()
                        + "\",\"token_type\":\"bearer\",\"expires_in\":1800}" : "{\"error\":\"invalid_grant\"}";
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
                exchange.sendResponseHeaders(ok ? 200 : 400, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
        }

        String uri() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
        }

        @Override
        public void close() {
            server.stop(0);
        }
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
