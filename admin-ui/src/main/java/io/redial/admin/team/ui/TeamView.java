package io.redial.admin.team.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.redial.admin.MainLayout;
import io.redial.admin.security.ConsoleUser;
import io.redial.admin.security.TenantScope;
import io.redial.shared.TenantId;
import io.redial.shared.twilio.TwilioAccount;
import io.redial.tenants.AdminRole;
import io.redial.tenants.Team;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import io.redial.admin.Forms;
import io.redial.admin.Lists;
import io.redial.admin.UnsavedChanges;
import org.jspecify.annotations.Nullable;

/**
 * Who may sign in to this tenant's console. Invitations are links the inviter passes on (no mail server is
 * assumed): single-use, valid for seven days unless configured otherwise. Only owners grant the owner role; the last owner stays an owner.
 */
@Route(value = "team", layout = MainLayout.class)
@PageTitle("Team · Redial")
@RolesAllowed({ConsoleUser.OWNER, ConsoleUser.ADMIN})
class TeamView extends VerticalLayout implements BeforeLeaveObserver {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM");

    final EmailField email = new EmailField("Email");
    final Select<AdminRole> role = new Select<>();
    final Button invite = new Button("Create invitation link");
    final TextField link = new TextField();
    final Button copy = new Button("Copy");
    final Grid<Team.Member> members = new Grid<>();
    final Grid<Team.Invitation> invitations = new Grid<>();
    private final Team team;
    private final TenantId tenant;
    private final AdminRole me;
    private final String myName;
    private final String baseUrl;
    private final ZoneId zone;
    private final Binder<String[]> inviteForm = new Binder<>();
    /** The last refused role change, as shown beside the role (for tests). */
    @Nullable String lastRefusal;

    TeamView(Team team, TenantScope scope, TwilioAccount twilio) {
        this.team = team;
        this.tenant = scope.tenantId();
        this.zone = scope.tenant().orElseThrow().zone();
        ConsoleUser user = scope.user().orElseThrow();
        this.me = user.account().role();
        this.myName = user.getUsername();
        this.baseUrl = twilio.publicBaseUrl().toString();
        setMaxWidth("60rem");
        configureInvite();
        configureMembers();
        configureInvitations();
        HorizontalLayout form = new HorizontalLayout(email, role, invite);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout shared = new HorizontalLayout(link, copy);
        shared.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        shared.setWidthFull();
        add(new H2("Team"), new Paragraph("Owners and admins change settings; the office works leads, calls and "
                + "conversations."), new H3("Invite someone"), form, shared, new H3("People"), members,
                new H3("Pending invitations"), invitations);
        refresh();
    }

    private void configureInvite() {
        email.setId("invite-email");
        email.setWidth("20rem");
        role.setLabel("Role");
        role.setId("invite-role");
        role.setItems(grantable());
        role.setValue(AdminRole.OFFICE);
        role.setItemLabelGenerator(TeamView::label);
        email.setI18n(new EmailField.EmailFieldI18n() // the field's own check speaks first: the same words
                .setPatternErrorMessage("That is not an email address, e.g. sam@example.com.")
                .setRequiredErrorMessage("Enter the email address of the person to invite."));
        inviteForm.forField(email).asRequired("Enter the email address of the person to invite.")
                .withValidator(new com.vaadin.flow.data.validator.EmailValidator("That is not an email address, e.g. sam@example.com."))
                .bind(d -> d[0], (d, v) -> d[0] = v);
        inviteForm.readBean(new String[] {""});
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        invite.addClickListener(e -> invite());
        long days = Math.max(1, team.invitationLifetime().toDays());
        link.setLabel("Invitation link: send it to them; it works once, for " + days + (days == 1 ? " day" : " days"));
        link.setId("invite-link");
        link.setReadOnly(true);
        link.setWidthFull();
        link.setVisible(false);
        copy.setVisible(false);
        copy.addClickListener(e -> link.getElement().executeJs("navigator.clipboard.writeText($0)", link.getValue()));
    }

    private void configureMembers() {
        members.setId("members");
        members.setAllRowsVisible(true);
        members.addColumn(Team.Member::username).setHeader("Signs in as").setAutoWidth(true);
        members.addColumn(m -> m.displayName() == null ? "" : m.displayName()).setHeader("Name").setAutoWidth(true);
        members.addComponentColumn(this::roleOf).setHeader("Role").setKey("role").setWidth("9rem").setFlexGrow(1);
        // on a phone: one column, the person above their role
        Lists.compactAtPhoneWidth(members, members.addComponentColumn(m -> Lists.card(
                new Span(m.displayName() == null ? m.username() : m.displayName() + " · " + m.username()), roleOf(m)))
                .setHeader("Person"));
    }

    private void configureInvitations() {
        invitations.setId("invitations");
        invitations.setAllRowsVisible(true);
        invitations.addColumn(Team.Invitation::email).setHeader("Email").setAutoWidth(true);
        invitations.addColumn(i -> label(i.role())).setHeader("Role").setAutoWidth(true);
        invitations.addColumn(Team.Invitation::invitedBy).setHeader("Invited by").setAutoWidth(true);
        invitations.addColumn(i -> DAY.format(i.expiresAt().atZone(zone))).setHeader("Expires").setAutoWidth(true);
        invitations.addComponentColumn(i -> {
            Button revoke = new Button("Revoke", e -> {
                team.revoke(tenant, i.id());
                refresh();
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            return revoke;
        }).setKey("revoke");
        Lists.compactAtPhoneWidth(invitations, invitations.addComponentColumn(i -> {
            Button revoke = new Button("Revoke", e -> {
                team.revoke(tenant, i.id());
                refresh();
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            return Lists.card(new Span(i.email()), new Span(label(i.role()) + " · invited by " + i.invitedBy()),
                    Lists.nowrap("expires " + DAY.format(i.expiresAt().atZone(zone))), revoke);
        }).setHeader("Invitation"));
    }

    private Select<AdminRole> roleOf(Team.Member member) {
        Select<AdminRole> select = new Select<>();
        select.setWidth("8rem");
        // An admin sees an owner's role but cannot change it, and is never offered "owner" (the server refuses too).
        select.setItems(member.role() == AdminRole.OWNER ? Arrays.asList(AdminRole.values()) : grantable());
        select.setItemLabelGenerator(TeamView::label);
        select.setValue(member.role());
        select.setEnabled(me == AdminRole.OWNER || member.role() != AdminRole.OWNER);
        select.addValueChangeListener(e -> {
            if (e.getValue() != null && e.getValue() != member.role()) {
                changeRole(member, e.getValue(), select);
            }
        });
        return select;
    }

    void changeRole(Team.Member member, AdminRole to) {
        changeRole(member, to, null);
    }

    /** A refused change is shown beside the member's role, which goes back to what it was. */
    private void changeRole(Team.Member member, AdminRole to, @Nullable Select<AdminRole> shownIn) {
        try {
            team.changeRole(tenant, me, member.id(), to);
            Notification.show(member.username() + " is now " + label(to) + ".", 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (Team.TeamRuleBroken refused) {
            lastRefusal = refused.getMessage();
            if (shownIn != null) {
                shownIn.setValue(member.role());
                Forms.refuse(shownIn, refused.getMessage());
            } else {
                refresh();
            }
        }
    }

    void invite() {
        String[] draft = new String[1];
        if (!Forms.valid(inviteForm)) {
            return;
        }
        try {
            Team.Invited invited = team.invite(tenant, me, myName, email.getValue(), role.getValue());
            link.setValue(baseUrl + "/invite/" + invited.token());
            link.setVisible(true);
            copy.setVisible(true);
            inviteForm.readBean(new String[] {""});
            refresh();
        } catch (Team.TeamRuleBroken refused) {
            Forms.refuse(email, refused.getMessage());
        }
    }

    /** An address typed but not invited yet. */
    boolean unsaved() {
        return inviteForm.hasChanges();
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        UnsavedChanges.askBeforeLeaving(event, this::unsaved, "the invitation");
    }

    private void refresh() {
        members.setItems(team.members(tenant));
        invitations.setItems(team.pending(tenant));
    }

    private List<AdminRole> grantable() {
        return Arrays.stream(AdminRole.values()).filter(r -> me == AdminRole.OWNER || r != AdminRole.OWNER).toList();
    }

    static String label(AdminRole role) {
        return switch (role) {
            case OWNER -> "owner";
            case ADMIN -> "admin";
            case OFFICE -> "office";
        };
    }
}
