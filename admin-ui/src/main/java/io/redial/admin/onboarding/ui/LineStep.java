package io.redial.admin.onboarding.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.tenants.CallPattern;
import io.redial.tenants.Onboarding;
import io.redial.tenants.PhoneLine;
import io.redial.tenants.Tenants;
import java.util.Optional;

/**
 * The phone line and how calls reach it: (a) the business number lives on Redial and rings the team first, or
 * (b) the contractor keeps their number and their carrier forwards what they miss, with the exact codes.
 */
class LineStep extends SetupStep {

    final TextField number = new TextField("Redial number");
    final RadioButtonGroup<CallPattern> pattern = new RadioButtonGroup<>("How calls reach Redial");
    final TextField forwardedFrom = new TextField("Your business number (the one customers call)");
    final Div forwarding = new Div();
    private final Onboarding onboarding;
    private final TenantId tenant;

    LineStep(Onboarding onboarding, Tenants tenants, TenantId tenant) {
        super("Your phone line", "Redial texts missed callers from this number.");
        this.onboarding = onboarding;
        this.tenant = tenant;
        Optional<PhoneLine> line = tenants.lines(tenant).stream().findFirst();
        number.setPlaceholder("+15125550100");
        number.setWidth("16rem");
        line.ifPresent(l -> {
            number.setValue(l.number().e164());
            number.setReadOnly(true);
        });
        pattern.setItems(CallPattern.values());
        pattern.setItemLabelGenerator(p -> p == CallPattern.DIAL
                ? "(a) Customers call the Redial number; it rings your team's phones first"
                : "(b) Keep your number; your carrier forwards the calls you miss to Redial");
        pattern.setValue(line.map(PhoneLine::pattern).orElse(CallPattern.FORWARDED));
        line.map(PhoneLine::forwardedFrom).ifPresent(f -> forwardedFrom.setValue(f.e164()));
        forwardedFrom.setWidth("24rem");
        forwarding.setId("forwarding-steps");
        number.setValueChangeMode(ValueChangeMode.LAZY);
        number.addValueChangeListener(e -> showForwarding());
        pattern.addValueChangeListener(e -> showForwarding());
        showForwarding();
        add(number, pattern, forwardedFrom, forwarding, registration(), problem);
    }

    /** Carriers deliver business texts only from registered numbers: say so, and where this line stands. */
    private static Div registration() {
        Div registration = new Div(new H4("Texting registration"), new Paragraph("US carriers deliver business texts only"
                + " from registered numbers: a local number needs an approved A2P 10DLC campaign (a brand for your"
                + " business plus a campaign \"customers call, we text back\"), a toll-free number an approved toll-free"
                + " verification. Review takes days to a few weeks; Redial checks it for you, shows it under Phone lines,"
                + " and meanwhile flags every caller whose text does not arrive for a call back."),
                io.redial.admin.lines.ui.LineHealth.create().forOnboarding());
        registration.setId("line-registration");
        return registration;
    }

    private void showForwarding() {
        boolean forwarded = pattern.getValue() == CallPattern.FORWARDED;
        forwardedFrom.setVisible(forwarded);
        forwarding.removeAll();
        forwarding.setVisible(forwarded);
        if (!forwarded) {
            return;
        }
        Optional<PhoneNumber> line = parsed(number.getValue());
        if (line.isEmpty()) {
            forwarding.add(new Paragraph("Enter the Redial number to see your forwarding codes."));
            return;
        }
        forwarding.add(new Paragraph("On the phone that has your business number, dial the code for your carrier. "
                + "These are the typical codes; if yours differs, your carrier's support names the right one."));
        ForwardingSteps.to(line.get()).forEach(carrier -> {
            UnorderedList steps = new UnorderedList();
            carrier.steps().forEach(step -> steps.add(new ListItem(step)));
            forwarding.add(new H4(carrier.name()), steps);
        });
    }

    @Override
    void store() {
        PhoneNumber line = parsed(number.getValue())
                .orElseThrow(() -> new IllegalArgumentException("enter the Redial number, e.g. +15125550100"));
        PhoneNumber from = null;
        if (pattern.getValue() == CallPattern.FORWARDED && !forwardedFrom.getValue().isBlank()) {
            from = parsed(forwardedFrom.getValue())
                    .orElseThrow(() -> new IllegalArgumentException("the business number is not a phone number"));
        }
        onboarding.saveLine(tenant, line, pattern.getValue() == null ? CallPattern.FORWARDED : pattern.getValue(), from);
    }

    private static Optional<PhoneNumber> parsed(String raw) {
        try {
            return raw.isBlank() ? Optional.empty() : Optional.of(PhoneNumber.parse(raw.trim(), "US"));
        } catch (IllegalArgumentException notANumber) {
            return Optional.empty();
        }
    }
}
