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
    final IntegerField ackMinutes = new IntegerField("Minutes to acknowledge");
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
            number.setPlaceholder("(512) 555-0911");
            if (i < current.size()) {
                name.setValue(current.get(i).name());
                number.setValue(io.redial.tenants.TextBackTemplates.national(current.get(i).phone()));
            }
            names.add(name);
            numbers.add(number);
            check(name, null, n -> true, ""); // counted as a change, nothing to refuse
            check(number, null, OnCallStep::phoneOrEmpty, "Write the mobile number as (512) 555-0911 or +1 512 555 0911.");
            add(new HorizontalLayout(name, number));
        }
        ackMinutes.setValue(onboarding.onCallAckMinutes(tenant));
        ackMinutes.setHelperText("before the next person is paged");
        check(ackMinutes, "Say how many minutes someone has to acknowledge.", m -> m >= 1 && m <= 60,
                "The acknowledgement timeout must be between 1 and 60 minutes.");
        add(ackMinutes);
    }

    @Override
    void store() {
        List<OnCallRoster.Person> ladder = new ArrayList<>();
        for (int i = 0; i < RUNGS; i++) {
            String raw = numbers.get(i).getValue().trim();
            if (raw.isEmpty()) {
                continue;
            }
            ladder.add(new OnCallRoster.Person(names.get(i).getValue(), PhoneNumber.parse(raw, "US")));
        }
        try {
            onboarding.saveOnCall(tenant, ladder, ackMinutes.getValue());
        } catch (IllegalArgumentException refused) {
            throw new Refused(numbers.getFirst(), refused.getMessage());
        }
    }

    private static boolean phoneOrEmpty(String raw) {
        if (raw.isBlank()) {
            return true;
        }
        try {
            PhoneNumber.parse(raw.trim(), "US");
            return true;
        } catch (IllegalArgumentException notANumber) {
            return false;
        }
    }
}
