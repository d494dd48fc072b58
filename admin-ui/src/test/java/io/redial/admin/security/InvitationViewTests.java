package io.redial.admin.security;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import io.redial.admin.ConsoleTest;
import io.redial.shared.TenantId;
import io.redial.tenants.AdminRole;
import io.redial.tenants.AdminUsers;
import io.redial.tenants.Team;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/** An invitation link: single use, expiring, and it lands the invitee signed in to that tenant with that role. */
class InvitationViewTests extends ConsoleTest {

    static final TenantId TENANT = new TenantId("invite-plumbing");

    @Autowired Provisioner provisioner;
    @Autowired Team team;
    @Autowired AdminUsers users;
    @Autowired PasswordEncoder encoder;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void provision() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: invite-plumbing
                    name: Invite Plumbing
                    timezone: America/Denver
                    lines: [{number: "+17205550300", pattern: forwarded}]
                """));
    }

    @Test
    void theInviteeSetsANameAndPasswordAndIsSignedInWithTheInvitedRole() {
        String token = team.invite(TENANT, AdminRole.OWNER, "boss", "kim@invite-plumbing.test", AdminRole.OFFICE).token();

        InvitationView view = openLink(token);
        assertThat(view.offer.getText()).isEqualTo("You are invited to Invite Plumbing as office. "
                + "You will sign in as kim@invite-plumbing.test.");
        view.displayName.setValue("Kim Lee");
        view.password.setValue("a long enough secret");
        view.repeat.setValue("a long enough secret");
        _click(view.join);

        ConsoleUser signedIn = (ConsoleUser) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        assertThat(signedIn.getUsername()).isEqualTo("kim@invite-plumbing.test");
        assertThat(signedIn.account().tenant()).isEqualTo(TENANT);
        assertThat(signedIn.hasRole(ConsoleUser.OFFICE)).isTrue();
        assertThat(VaadinServletRequest.getCurrent().getHttpServletRequest().getSession().getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)).isNotNull();
        String hash = users.byUsername("kim@invite-plumbing.test").orElseThrow().passwordHash();
        assertThat(hash).startsWith("{bcrypt}");
        assertThat(encoder.matches("a long enough secret", hash)).isTrue();
        assertThat(team.members(TENANT)).extracting(Team.Member::displayName).contains("Kim Lee");
    }

    @Test
    void aLinkWorksOnce() {
        String token = team.invite(TENANT, AdminRole.OWNER, "boss", "once@invite-plumbing.test", AdminRole.ADMIN).token();
        team.accept(token, "First Use", encoder.encode("whatever123"));
        SecurityContextHolder.clearContext();

        InvitationView view = openLink(token);

        assertThat(view.offer.getText()).contains("already used, was revoked or has expired");
        assertThat(view.join.isVisible()).isFalse();
    }

    @Test
    void anExpiredOrRevokedLinkOffersNothing() {
        var expired = team.invite(TENANT, AdminRole.OWNER, "boss", "late@invite-plumbing.test", AdminRole.ADMIN);
        var revoked = team.invite(TENANT, AdminRole.OWNER, "boss", "nope@invite-plumbing.test", AdminRole.ADMIN);
        jdbc.sql("UPDATE admin_invitations SET expires_at = created_at - INTERVAL 1 SECOND WHERE id = ?")
                .param(expired.invitation().id()).update(); // as if seven days had passed
        team.revoke(TENANT, revoked.invitation().id());

        assertThat(openLink(expired.token()).join.isVisible()).isFalse();
        assertThat(openLink(revoked.token()).join.isVisible()).isFalse();
        assertThat(openLink("not-a-token").join.isVisible()).isFalse();
        assertThat(users.byUsername("late@invite-plumbing.test")).isEmpty();
    }

    @Test
    void aShortOrMismatchedPasswordIsRefusedWithoutUsingTheLink() {
        String token = team.invite(TENANT, AdminRole.OWNER, "boss", "typo@invite-plumbing.test", AdminRole.ADMIN).token();
        InvitationView view = openLink(token);
        view.displayName.setValue("Typo");

        view.password.setValue("short");
        view.repeat.setValue("short");
        _click(view.join);
        assertThat(view.problem.getText()).contains("at least 10");
        view.password.setValue("long enough one");
        view.repeat.setValue("long enough two");
        _click(view.join);
        assertThat(view.problem.getText()).isEqualTo("The two passwords differ.");

        assertThat(team.offer(token)).isPresent();
        assertThat(users.byUsername("typo@invite-plumbing.test")).isEmpty();
    }

    @Test
    void theInvitationDefaultsToSevenDays() {
        var invited = team.invite(TENANT, AdminRole.OWNER, "boss", "week@invite-plumbing.test", AdminRole.OFFICE);

        assertThat(java.time.Duration.between(java.time.Instant.now(), invited.invitation().expiresAt()))
                .isBetween(java.time.Duration.ofDays(7).minusMinutes(5), java.time.Duration.ofDays(7));
    }

    private static InvitationView openLink(String token) {
        UI.getCurrent().navigate("invite/" + token);
        return LocatorJ._get(InvitationView.class);
    }
}
