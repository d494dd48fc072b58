package io.redial.conversations;

import io.redial.shared.TenantId;
import io.redial.shared.TtlCache;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A tenant's STOP and HELP keyword lists: the built-in carrier words, which always count and cannot be removed,
 * plus the words the tenant added (e.g. "BASTA" for a Spanish-speaking clientele), each answered in its language.
 */
@Repository
public class SmsKeywords {

    /** One keyword: what it does and whether the answer goes out in Spanish. */
    public record Word(String word, SmsKeyword kind, boolean spanish, boolean builtIn) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TtlCache<TenantId, List<Word>> cache;

    SmsKeywords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cache = new TtlCache<>(Duration.ofSeconds(5), clock);
    }

    /** The keyword a whole text is for this tenant, built-in words first. */
    public Optional<Word> match(TenantId tenant, String body, boolean senderOptedOut) {
        Optional<SmsKeyword> builtIn = SmsKeyword.of(body, senderOptedOut);
        if (builtIn.isPresent()) {
            return builtIn.map(kind -> new Word(normal(body), kind, SmsKeyword.spanish(body), true));
        }
        String word = normal(body);
        return cache.get(tenant, this::own).stream().filter(w -> w.word().equals(word)).findFirst();
    }

    /** The opt-out and help words that count for this tenant: the built-in ones, then the tenant's own. */
    public List<Word> all(TenantId tenant) {
        List<Word> all = new ArrayList<>(SmsKeyword.builtIn());
        all.addAll(own(tenant));
        return all;
    }

    /** Adds an opt-out or help word; refused when it is not one plain word or already means something. */
    public Word add(TenantId tenant, String word, SmsKeyword kind, boolean spanish) {
        String normal = normal(word);
        if (kind == SmsKeyword.OPT_IN) {
            throw new IllegalArgumentException("Only START, UNSTOP and YES opt a caller back in; that list is fixed.");
        }
        if (!normal.matches("\\p{L}{2,30}")) {
            throw new IllegalArgumentException("A keyword is one word of 2 to 30 letters, like BASTA.");
        }
        if (SmsKeyword.of(normal, true).isPresent() || all(tenant).stream().anyMatch(w -> w.word().equals(normal))) {
            throw new IllegalArgumentException(normal + " is already a keyword.");
        }
        jdbc.sql("INSERT INTO sms_keywords (tenant_id, word, kind, spanish, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(tenant.value(), normal, kind.name(), spanish, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
        cache.invalidate(tenant);
        return new Word(normal, kind, spanish, false);
    }

    /** Removes one of the tenant's own words; built-in words stay whatever is asked. */
    public void remove(TenantId tenant, String word) {
        jdbc.sql("DELETE FROM sms_keywords WHERE tenant_id = ? AND word = ?").params(tenant.value(), normal(word)).update();
        cache.invalidate(tenant);
    }

    private List<Word> own(TenantId tenant) {
        return jdbc.sql("SELECT word, kind, spanish FROM sms_keywords WHERE tenant_id = ? ORDER BY kind DESC, word")
                .param(tenant.value())
                .query((rs, n) -> new Word(rs.getString(1), SmsKeyword.valueOf(rs.getString(2)), rs.getBoolean(3), false))
                .list();
    }

    private static String normal(String body) {
        return body.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }
}
