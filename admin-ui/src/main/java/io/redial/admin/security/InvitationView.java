package io.redial.admin.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.redial.tenants.AdminRole;
import io.redial.tenants.Onboarding;
import io.redial.tenants.Team;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Where an invitation link lands: the invitee picks a display name and a password, and is then signed in to the
 * inviting tenant with the invited role. A used, revoked or expired link says so and offers nothing.
 */
@Route(value = "invite/:token", autoLayout = false)
@PageTitle("Join · Redial")
@AnonymousAllowed
class InvitationView extends VerticalLayout implements BeforeEnterObserver {

    static final int MIN_PASSWORD = 10;

    final H1 title = new H1("Join Redial");
    final Paragraph offer = new Paragraph();
    final TextField displayName = new TextField("Your name");
    final PasswordField password = new PasswordField("Choose a password");
    final PasswordField repeat = new PasswordField("Repeat the password");
    final Paragraph problem = new Paragraph();
    final Button join = new Button("Join and sign in");
    private final Team team;
    private final PasswordEncoder encoder;
    private final ConsoleSignIn signIn;
    private final Onboarding onboarding;
    private String token = "";

    InvitationView(Team team, PasswordEncoder encoder, ConsoleSignIn signIn, Onboarding onboarding) {
        this.team = team;
        this.encoder = encoder;
        this.signIn = signIn;
        this.onboarding = onboarding;
        setAlignItems(Alignment.CENTER);
        setMaxWidth("28rem");
        getStyle().set("margin", "0 auto");
        offer.setId("invitation-offer");
        displayName.setId("invitee-name");
        password.setId("invitee-password");
        repeat.setId("invitee-repeat");
        join.setId("invitee-join");
        problem.setId("invitation-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        password.setHelperText("At least " + MIN_PASSWORD + " characters");
        join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        join.addClickListener(e -> join());
        add(title, offer, displayName, password, repeat, problem, join);
        java.util.List.of(displayName, password, repeat).forEach(f -> f.setWidthFull());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        team.offer(token).ifPresentOrElse(o -> offer.setText("You are invited to " + o.tenantName() + " as "
                + o.role().name().toLowerCase() + ". You will sign in as " + o.email() + "."), this::spent);
    }

    private void spent() {
        offer.setText("This invitation link was already used, was revoked or has expired. Ask for a new one.");
        java.util.List.of(displayName, password, repeat, join).forEach(c -> c.setVisible(false));
    }

    void join() {
        if (password.getValue().length() < MIN_PASSWORD) {
            problem.setText("The password needs at least " + MIN_PASSWORD + " characters.");
            return;
        }
        if (!password.getValue().equals(repeat.getValue())) {
            problem.setText("The two passwords differ.");
            return;
        }
        try {
            var user = team.accept(token, displayName.getValue(), encoder.encode(password.getValue()));
            signIn.signIn(user.username());
            boolean setUp = user.role() != AdminRole.OFFICE && onboarding.pending(user.tenant());
            // A full page load, so every part of the page sees the new session.
            UI.getCurrent().getPage().setLocation(setUp ? "onboarding" : "dashboard");
        } catch (Team.TeamRuleBroken refused) {
            problem.setText(refused.getMessage());
        }
    }
}
