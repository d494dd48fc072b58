package io.redial.admin.onboarding.ui;

import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.tenants.OnCallRoster;
import io.redial.tenants.Onboarding;
import java.util.ArrayList;
import java.util.List;

/** Who gets paged for an emergency, in order, and how long each has to acknowledge before the next. */
class OnCallStep extends SetupStep {

    static final int RUNGS = 3;

    final List<TextField> names = new ArrayList<>();
    final List<TextField> numbers = new ArrayList<>();
    final IntegerField ackMinutes = new IntegerField("Minutes to acknowledge before the next person is paged");
    private final Onboarding onboarding;
    private final TenantId tenant;

    OnCallStep(Onboarding onboarding, TenantId tenant) {
        super("On-call ladder", "When a caller reports an emergency (gas smell, flooding, no heat in a freeze), "
                + "Redial texts the first person; without a reply in time, the next.");
        this.onboarding = onboarding;
        this.tenant = tenant;
        List<OnCallRoster.Person> current = onboarding.onCall(tenant);
        for (int i = 0; i < RUNGS; i++) {
            TextField name = new TextField(i == 0 ? "Name" : "");
            TextField number = new TextField(i == 0 ? "Mobile number" : "");
            name.setPlaceholder((i + 1) + ". name");
            number.setPlaceholder("+15125550911");
            if (i < current.size()) {
                name.setValue(current.get(i).name());
                number.setValue(current.get(i).phone().e164());
            }
            names.add(name);
            numbers.add(number);
            add(new HorizontalLayout(name, number));
        }
        ackMinutes.setValue(onboarding.onCallAckMinutes(tenant));
        ackMinutes.setMin(1);
        ackMinutes.setMax(60);
        ackMinutes.setWidth("24rem");
        add(ackMinutes, problem);
    }

    @Override
    void store() {
        List<OnCallRoster.Person> ladder = new ArrayList<>();
        for (int i = 0; i < RUNGS; i++) {
            String raw = numbers.get(i).getValue().trim();
            if (raw.isEmpty()) {
                continue;
            }
            try {
                ladder.add(new OnCallRoster.Person(names.get(i).getValue(), PhoneNumber.parse(raw, "US")));
            } catch (IllegalArgumentException notANumber) {
                throw new IllegalArgumentException("'" + raw + "' is not a phone number");
            }
        }
        if (ackMinutes.getValue() == null) {
            throw new IllegalArgumentException("say how many minutes someone has to acknowledge");
        }
        onboarding.saveOnCall(tenant, ladder, ackMinutes.getValue());
    }
}
