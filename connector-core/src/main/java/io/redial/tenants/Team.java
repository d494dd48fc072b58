package io.redial.tenants;

import io.redial.shared.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A tenant's console users and the invitations that bring new ones in. An invitation is a single-use link
 * that expires; the invitee picks a name and password and becomes a user of that tenant with that role.
 * Only owners grant or take away the owner role, and a tenant always keeps one owner.
 */
@Service
public class Team {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** Why a team change was refused, in words for the person who asked. */
    public static class TeamRuleBroken extends RuntimeException {
        public TeamRuleBroken(String message) {
            super(message);
        }
    }

    public record Member(long id, String username, @Nullable String displayName, AdminRole role) {
    }

    public record Invitation(long id, String email, AdminRole role, String invitedBy, Instant expiresAt) {
    }

    /** A new invitation and its token: the token is shown once (in the link) and stored only as a hash. */
    public record Invited(Invitation invitation, String token) {
    }

    /** What an open invitation link offers. */
    public record Offer(TenantId tenant, String tenantName, String email, AdminRole role) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    Team(JdbcClient jdbc, Clock clock, @Value("${redial.invitation-lifetime:P7D}") Duration lifetime) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** How long an invitation link works ({@code REDIAL_INVITATION_LIFETIME}, default 7 days). */
    public Duration invitationLifetime() {
        return lifetime;
    }

    public List<Member> members(TenantId tenant) {
        return jdbc.sql("SELECT id, username, display_name, role FROM admin_users WHERE tenant_id = ? ORDER BY username")
                .param(tenant.value()).query((rs, n) -> new Member(rs.getLong("id"), rs.getString("username"),
                        rs.getString("display_name"), AdminRole.of(rs.getString("role")))).list();
    }

    /** Invitations neither used, revoked nor expired. */
    public List<Invitation> pending(TenantId tenant) {
        return jdbc.sql("""
                SELECT * FROM admin_invitations WHERE tenant_id = ? AND accepted_at IS NULL AND revoked_at IS NULL
                  AND expires_at > ? ORDER BY created_at""")
                .params(tenant.value(), now()).query(Team::invitation).list();
    }

    /** @throws TeamRuleBroken for a malformed address, an existing user, or an admin inviting an owner */
    @Transactional
    public Invited invite(TenantId tenant, AdminRole inviter, String inviterName, String email, AdminRole role) {
        String address = email.trim().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(address).matches() || address.length() > 100) {
            throw new TeamRuleBroken("'" + email + "' is not an email address");
        }
        requireMayGrant(inviter, role);
        if (jdbc.sql("SELECT 1 FROM admin_users WHERE username = ?").param(address).query().optionalValue().isPresent()) {
            throw new TeamRuleBroken(address + " already has a console account");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        LocalDateTime now = now();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO admin_invitations (tenant_id, email, role, token_hash, invited_by, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(tenant.value(), address, role.stored(), hash(token), inviterName, now,
                        now.plus(lifetime))
                .update(keys);
        return new Invited(new Invitation(keys.getKey().longValue(), address, role, inviterName,
                now.plus(lifetime).toInstant(ZoneOffset.UTC)), token);
    }

    public void revoke(TenantId tenant, long invitationId) {
        jdbc.sql("UPDATE admin_invitations SET revoked_at = ? WHERE tenant_id = ? AND id = ? AND accepted_at IS NULL")
                .params(now(), tenant.value(), invitationId).update();
    }

    /** What the link offers, while it is still usable. */
    public Optional<Offer> offer(String token) {
        return jdbc.sql("""
                SELECT i.tenant_id, t.name, i.email, i.role FROM admin_invitations i JOIN tenants t ON t.id = i.tenant_id
                WHERE i.token_hash = ? AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > ?""")
                .params(hash(token), now())
                .query((rs, n) -> new Offer(new TenantId(rs.getString(1)), rs.getString(2), rs.getString(3),
                        AdminRole.of(rs.getString(4)))).optional();
    }

    /**
     * Uses the invitation once: creates the user (named by the invited address) and marks the link spent.
     *
     * @throws TeamRuleBroken when the link was used, revoked or has expired
     */
    @Transactional
    public AdminUser accept(String token, String displayName, String passwordHash) {
        if (displayName.isBlank()) {
            throw new TeamRuleBroken("Please give your name");
        }
        record Row(long id, TenantId tenant, String email, AdminRole role) {
        }
        Row invitation = jdbc.sql("""
                SELECT id, tenant_id, email, role FROM admin_invitations
                WHERE token_hash = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ? FOR UPDATE""")
                .params(hash(token), now())
                .query((rs, n) -> new Row(rs.getLong(1), new TenantId(rs.getString(2)), rs.getString(3),
                        AdminRole.of(rs.getString(4))))
                .optional().orElseThrow(() -> new TeamRuleBroken(
                        "This invitation link was already used, was revoked or has expired. Ask for a new one."));
        if (jdbc.sql("SELECT 1 FROM admin_users WHERE username = ?").param(invitation.email()).query().optionalValue()
                .isPresent()) {
            throw new TeamRuleBroken(invitation.email() + " already has a console account");
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO admin_users (tenant_id, username, password_hash, role, display_name, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(invitation.tenant().value(), invitation.email(), passwordHash, invitation.role().stored(),
                        displayName.trim(), now())
                .update(keys);
        jdbc.sql("UPDATE admin_invitations SET accepted_at = ? WHERE id = ?").params(now(), invitation.id()).update();
        return new AdminUser(keys.getKey().longValue(), invitation.tenant(), invitation.email(), passwordHash,
                invitation.role());
    }

    /** @throws TeamRuleBroken when an admin touches the owner role, or the last owner would be demoted */
    @Transactional
    public void changeRole(TenantId tenant, AdminRole changer, long userId, AdminRole role) {
        // Locking the tenant's owners serialises two demotions that would each leave the other as last owner.
        List<Long> owners = jdbc.sql("SELECT id FROM admin_users WHERE tenant_id = ? AND role = 'owner' FOR UPDATE")
                .param(tenant.value()).query(Long.class).list();
        Member member = members(tenant).stream().filter(m -> m.id() == userId).findFirst()
                .orElseThrow(() -> new TeamRuleBroken("no such user"));
        if (member.role() == role) {
            return;
        }
        requireMayGrant(changer, role);
        requireMayGrant(changer, member.role());
        if (member.role() == AdminRole.OWNER && owners.size() <= 1) {
            throw new TeamRuleBroken(member.username() + " is the last owner: make someone else an owner first");
        }
        jdbc.sql("UPDATE admin_users SET role = ? WHERE tenant_id = ? AND id = ?")
                .params(role.stored(), tenant.value(), userId).update();
    }

    private static void requireMayGrant(AdminRole actor, AdminRole role) {
        if (role == AdminRole.OWNER && actor != AdminRole.OWNER) {
            throw new TeamRuleBroken("only an owner can grant or take away the owner role");
        }
        if (actor == AdminRole.OFFICE) {
            throw new TeamRuleBroken("the office role cannot change the team");
        }
    }

    private static Invitation invitation(ResultSet rs, int n) throws SQLException {
        return new Invitation(rs.getLong("id"), rs.getString("email"), AdminRole.of(rs.getString("role")),
                rs.getString("invited_by"), rs.getObject("expires_at", LocalDateTime.class).toInstant(ZoneOffset.UTC));
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
