package io.redial.crm.install;

import io.redial.crm.CrmId;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The OAuth {@code state} of installs in flight, one row each, in the database so any node may take the
 * callback. A state is consumed by the first callback that brings it: a replay finds nothing.
 */
@Repository
class InstallStates {

    private static final Duration VALID_FOR = Duration.ofMinutes(15);

    /** Spring Security's own state generator: 32 random bytes, URL-safe. */
    private final StringKeyGenerator generator = new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 32);
    private final JdbcClient jdbc;
    private final Clock clock;

    InstallStates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    String issue(CrmId crm, String redirectUri) {
        jdbc.sql("DELETE FROM crm_install_states WHERE expires_at < ?").param(now()).update(); // abandoned installs
        String state = generator.generateKey();
        jdbc.sql("INSERT INTO crm_install_states (state, crm_id, redirect_uri, expires_at, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(state, crm.value(), redirectUri, now().plus(VALID_FOR), now()).update();
        return state;
    }

    /**
     * The redirect URI the install started with, when {@code state} was issued for this CRM, has not
     * expired and no callback consumed it yet; it is consumed now, whatever happens next.
     */
    @Transactional
    Optional<String> consume(String state, CrmId crm) {
        Optional<String> redirect = jdbc.sql("""
                SELECT redirect_uri FROM crm_install_states WHERE state = ? AND crm_id = ? AND expires_at > ? FOR UPDATE""")
                .params(state, crm.value(), now()).query(String.class).optional();
        if (redirect.isEmpty()) {
            return Optional.empty();
        }
        boolean mine = jdbc.sql("DELETE FROM crm_install_states WHERE state = ?").param(state).update() == 1;
        return mine ? redirect : Optional.empty();
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
