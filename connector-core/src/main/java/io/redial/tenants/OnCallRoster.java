package io.redial.tenants;

import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is paged for an emergency, in order, with their names, and how long each has to acknowledge. The order
 * lives in {@code tenants.on_call} (what paging reads); the names beside it, for people to read.
 */
@Repository
public class OnCallRoster {

    /** One rung of the ladder; the name may be blank. */
    public record Person(String name, PhoneNumber phone) {
    }

    private final JdbcClient jdbc;
    private final Tenants tenants;
    private final Clock clock;

    OnCallRoster(JdbcClient jdbc, Tenants tenants, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** The ladder in paging order, as stored now. */
    public List<Person> ladder(TenantId tenant) {
        Map<String, String> names = jdbc.sql("SELECT phone, name FROM on_call_names WHERE tenant_id = ?").param(tenant.value())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        String onCall = jdbc.sql("SELECT on_call FROM tenants WHERE id = ?").param(tenant.value()).query(String.class)
                .optional().orElse("");
        return java.util.Arrays.stream(onCall.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(phone -> new Person(names.getOrDefault(phone, ""), new PhoneNumber(phone))).toList();
    }

    /**
     * Replaces the ladder and the acknowledgement time.
     *
     * @throws IllegalArgumentException for a number listed twice or a time outside 1 to 60 minutes
     */
    @Transactional
    public void replace(TenantId tenant, List<Person> ladder, int ackMinutes) {
        if (ackMinutes < 1 || ackMinutes > 60) {
            throw new IllegalArgumentException("The acknowledgement timeout must be between 1 and 60 minutes.");
        }
        var seen = new HashSet<PhoneNumber>();
        for (Person person : ladder) {
            if (!seen.add(person.phone())) {
                throw new IllegalArgumentException(person.phone().e164() + " is on the ladder twice.");
            }
        }
        jdbc.sql("UPDATE tenants SET on_call = ?, on_call_ack_minutes = ?, updated_at = ? WHERE id = ?")
                .params(ladder.stream().map(p -> p.phone().e164()).collect(Collectors.joining(",")), ackMinutes,
                        LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), tenant.value())
                .update();
        jdbc.sql("DELETE FROM on_call_names WHERE tenant_id = ?").param(tenant.value()).update();
        ladder.stream().filter(p -> !p.name().isBlank()).forEach(p -> jdbc.sql(
                        "INSERT INTO on_call_names (tenant_id, phone, name) VALUES (?, ?, ?)")
                .params(tenant.value(), p.phone().e164(), p.name().strip()).update());
        tenants.configurationChanged();
    }
}
