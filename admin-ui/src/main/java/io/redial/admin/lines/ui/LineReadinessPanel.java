package io.redial.admin.lines.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.redial.lines.LineReadiness;
import io.redial.lines.Registration;
import org.jspecify.annotations.Nullable;

/**
 * One line's texting registration: its state, the carrier's words, the next step, the Messaging Service it
 * sends through, "Check now", and in the sandbox a state to simulate. Passive: the view acts on its buttons.
 */
class LineReadinessPanel extends VerticalLayout {

    final H3 title = new H3("Texting registration");
    final Span state = new Span();
    final Paragraph detail = new Paragraph();
    final Paragraph nextStep = new Paragraph();
    final TextField service = new TextField("Messaging Service SID (from Twilio: Messaging › Services)");
    final Button saveService = new Button("Use this service");
    final Button checkNow = new Button("Check now");
    final Select<Registration.State> simulate = new Select<>();
    private LineReadiness.@Nullable LineState shown;

    LineReadinessPanel(boolean sandbox) {
        setId("line-readiness");
        setPadding(false);
        service.setPlaceholder("MG…");
        service.setWidth("26rem");
        service.setHelperText("Texts go through this service, as A2P campaigns require. Empty: sent from the number itself.");
        detail.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        simulate.setLabel("Simulate (sandbox)");
        simulate.setItems(Registration.State.values());
        simulate.setItemLabelGenerator(LineHealth::words);
        simulate.setVisible(sandbox);
        add(title, state, detail, nextStep, new HorizontalLayout(service, saveService), new HorizontalLayout(checkNow, simulate));
        setVisible(false);
    }

    void show(LineReadiness.LineState line) {
        shown = line;
        state.setText(LineHealth.words(line.registration().state()));
        state.getElement().getThemeList().clear();
        state.getElement().getThemeList().add(line.live() ? "badge success" : "badge error");
        detail.setText(line.registration().detail() == null ? "" : "Twilio says: " + line.registration().detail());
        nextStep.setText("Next step: " + line.nextStep());
        service.setValue(line.messagingServiceSid() == null ? "" : line.messagingServiceSid());
        simulate.setValue(line.registration().state());
        setVisible(true);
    }

    LineReadiness.@Nullable LineState shown() {
        return shown;
    }
}
