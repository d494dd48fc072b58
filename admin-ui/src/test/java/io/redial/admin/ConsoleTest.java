package io.redial.admin;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import io.redial.admin.security.ConsoleUser;
import io.redial.shared.TenantId;
import io.redial.tenants.AdminRole;
import io.redial.tenants.AdminUsers;
import kotlin.jvm.functions.Function0;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Base for browserless view tests: a real Spring context (security included), Vaadin mocked by
 * Karibu-Testing. {@link #signIn} makes a real console user the signed-in one, as the login form would.
 */
@SpringBootTest(classes = AdminTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vaadin.productionMode=true") // a real server for loopback webhooks; no dev server in tests
public abstract class ConsoleTest {

    private static final Routes ROUTES = routes();

    /** Karibu's discovery sees public views only; ours are package-private behind navigation. */
    @SuppressWarnings("unchecked")
    private static Routes routes() {
        Routes routes = new Routes().autoDiscoverViews("io.redial.admin");
        try (var scan = new io.github.classgraph.ClassGraph().acceptPackages("io.redial.admin").enableAnnotationInfo()
                .ignoreClassVisibility().scan()) {
            scan.getClassesWithAnnotation(com.vaadin.flow.router.Route.class.getName()).loadClasses()
                    .forEach(view -> routes.getRoutes().add((Class<? extends Component>) view));
        }
        return routes;
    }

    @Autowired
    protected ApplicationContext context;

    @BeforeEach
    void startVaadin() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
    }

    /** Creates the user when missing, then signs them in for this test's UI. */
    protected void signIn(@Nullable TenantId tenant, String username, AdminRole role) {
        AdminUsers users = context.getBean(AdminUsers.class);
        if (users.byUsername(username).isEmpty()) {
            users.create(tenant, username, context.getBean(PasswordEncoder.class).encode("not-a-real-password"), role);
        }
        ConsoleUser user = (ConsoleUser) context.getBean(UserDetailsService.class).loadUserByUsername(username);
        var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        SecurityContextHolder.getContext().setAuthentication(authentication);
        FakeRequest request = (FakeRequest) ((VaadinServletRequest) VaadinServletRequest.getCurrent()).getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role1) -> user.hasRole(role1));
    }

    /** Opens a view afresh, as a person arriving at it would (Karibu's setup already opened the root). */
    protected static <T extends Component> T open(Class<T> view) {
        UI.getCurrent().navigate(view);
        UI.getCurrent().refreshCurrentRoute(true);
        return LocatorJ._get(view);
    }

    @AfterEach
    void stopVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }
}
