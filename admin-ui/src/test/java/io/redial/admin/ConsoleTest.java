package io.redial.admin;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** Base for browserless view tests: a real Spring context, Vaadin mocked by Karibu-Testing. */
@SpringBootTest(classes = AdminTestApplication.class)
public abstract class ConsoleTest {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("io.redial.admin");

    @Autowired
    protected ApplicationContext context;

    @BeforeEach
    void startVaadin() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
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
    }
}
