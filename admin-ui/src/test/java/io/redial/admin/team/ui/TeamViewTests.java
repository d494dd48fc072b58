package io.redial.admin.team.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import io.redial.admin.ConsoleTest;
import io.redial.shared.TenantId;
import io.redial.tenants.AdminRole;
import io.redial.tenants.Team;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TeamViewTests extends ConsoleTest {

    static final TenantId TENANT = new TenantId("team-hvac");

    @Autowired Provisioner provisioner;
    @Autowired Team team;

    @BeforeEach
    void provision() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: team-hvac
                    name: Team Heating
                    timezone: America/Chicago
                    lines: [{number: "+13125550100", pattern: forwarded}]
                """));
    }

    @Test
    void anOwnerCreatesAnInvitationLinkThatListsAsPendingAndCanBeRevoked() {
        signIn(TENANT, "owner@team-heating.test", AdminRole.OWNER);
        TeamView view = open(TeamView.class);

        view.email.setValue("Dana@Team-Heating.test");
        view.role.setValue(AdminRole.ADMIN);
        _click(view.invite);

        assertThat(view.link.isVisible()).isTrue();
        assertThat(view.link.getLabel()).endsWith("it works once, for 7 days");
        assertThat(view.link.getValue()).matches("http://localhost:8080/invite/[A-Za-z0-9_-]{43}");
        assertThat(rows(view.invitations)).contains("dana@team-heating.test | admin | owner@team-heating.test");
        assertThat(rows(view.members)).contains("owner@team-heating.test");

        _click((com.vaadin.flow.component.button.Button) GridKt._getCellComponent(view.invitations, 0, "revoke"));
        assertThat(rows(view.invitations)).doesNotContain("dana@team-heating.test");
        String token = view.link.getValue().substring(view.link.getValue().lastIndexOf('/') + 1);
        assertThat(team.offer(token)).isEmpty();
    }

    @Test
    void aMissingOrMistypedAddressIsRefusedBesideTheFieldAndLeavingWithItAsksFirst() {
        signIn(TENANT, "owner@team-heating.test", AdminRole.OWNER);
        TeamView view = open(TeamView.class);

        _click(view.invite);
        assertThat(view.email.getErrorMessage()).isEqualTo("Enter the email address of the person to invite.");
        view.email.setValue("dana at team heating");
        _click(view.invite);
        assertThat(view.email.isInvalid()).isTrue();
        assertThat(view.email.getErrorMessage()).isEqualTo("That is not an email address, e.g. sam@example.com.");
        assertThat(view.link.isVisible()).isFalse();

        com.vaadin.flow.component.UI.getCurrent().navigate("dashboard");
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class,
                spec -> spec.withId("unsaved-changes")).isOpened()).isTrue();
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(TeamView.class)).hasSize(1);
    }

    @Test
    void anAdminCannotInviteOrMakeOwners() {
        signIn(TENANT, "admin@team-heating.test", AdminRole.ADMIN);
        TeamView view = open(TeamView.class);

        assertThat(view.role.getListDataView().getItems()).containsExactly(AdminRole.ADMIN, AdminRole.OFFICE);
        assertThat(roleSelect(view, row(view, "admin@team-heating.test")).getListDataView().getItems())
                .containsExactly(AdminRole.ADMIN, AdminRole.OFFICE);
        assertThatThrownBy(() -> team.invite(TENANT, AdminRole.ADMIN, "admin", "x@y.test", AdminRole.OWNER))
                .hasMessageContaining("only an owner");
    }

    @Test
    void theLastOwnerCannotBeDemotedAndOnlyOwnersMakeOwners() {
        signIn(TENANT, "solo-owner@team-heating.test", AdminRole.OWNER);
        TeamView view = open(TeamView.class);
        int me = row(view, "solo-owner@team-heating.test");

        Select<AdminRole> mine = roleSelect(view, me);
        mine.setValue(AdminRole.ADMIN);

        assertThat(mine.isInvalid()).isTrue();
        assertThat(mine.getErrorMessage()).contains("is the last owner");
        assertThat(mine.getValue()).isEqualTo(AdminRole.OWNER);
        assertThat(rows(view.members)).contains("solo-owner@team-heating.test");
        assertThat(team.members(TENANT)).filteredOn(m -> m.username().equals("solo-owner@team-heating.test"))
                .extracting(Team.Member::role).containsExactly(AdminRole.OWNER);

        long ownerId = team.members(TENANT).stream().filter(m -> m.role() == AdminRole.OWNER).findFirst().orElseThrow().id();
        assertThatThrownBy(() -> team.changeRole(TENANT, AdminRole.ADMIN, ownerId, AdminRole.OFFICE))
                .hasMessageContaining("only an owner");
    }

    @Test
    void anOwnerPromotesSomeoneToOwnerAndMayThenStepDown() {
        signIn(TENANT, "first-owner@team-heating.test", AdminRole.OWNER);
        var invited = team.invite(TENANT, AdminRole.OWNER, "first-owner", "second@team-heating.test", AdminRole.OFFICE);
        team.accept(invited.token(), "Second Person", "{noop}irrelevant-here");
        TeamView view = open(TeamView.class);

        roleSelect(view, row(view, "second@team-heating.test")).setValue(AdminRole.OWNER);
        view = open(TeamView.class);
        roleSelect(view, row(view, "first-owner@team-heating.test")).setValue(AdminRole.ADMIN);

        assertThat(team.members(TENANT)).extracting(Team.Member::username, Team.Member::role).contains(
                org.assertj.core.groups.Tuple.tuple("second@team-heating.test", AdminRole.OWNER),
                org.assertj.core.groups.Tuple.tuple("first-owner@team-heating.test", AdminRole.ADMIN));
    }

    @Test
    void theOfficeRoleCannotOpenTheTeamOrAnySettingsScreenEvenByUrl() {
        signIn(TENANT, "office@team-heating.test", AdminRole.OFFICE);

        for (String route : new String[] {"team", "templates", "hours", "onboarding"}) {
            assertThatThrownBy(() -> UI.getCurrent().navigate(route)).as(route)
                    .isInstanceOf(MockAccessDeniedException.class);
        }
        UI.getCurrent().navigate("leads");
        assertThat(shownView()).isEqualTo("LeadsView");
        UI.getCurrent().navigate("dashboard");
        assertThat(shownView()).isEqualTo("DashboardView");
    }

    static String shownView() {
        return UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst().getClass().getSimpleName();
    }

    @SuppressWarnings("unchecked")
    private static Select<AdminRole> roleSelect(TeamView view, int row) {
        return (Select<AdminRole>) GridKt._getCellComponent(view.members, row, "role");
    }

    private static int row(TeamView view, String username) {
        return IntStream.range(0, GridKt._size(view.members))
                .filter(i -> GridKt._get(view.members, i).username().equals(username)).findFirst().orElseThrow();
    }

    static String rows(com.vaadin.flow.component.grid.Grid<?> grid) {
        return String.join("\n", IntStream.range(0, GridKt._size(grid))
                .mapToObj(i -> String.join(" | ", GridKt._getFormattedRow(grid, i))).toList());
    }
}
