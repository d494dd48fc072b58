package io.redial.admin.leads.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vaadin.flow.shared.Registration;
import io.redial.admin.Forms;
import io.redial.leads.LeadDetails;
import io.redial.leads.Urgency;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Correcting what Anna captured about a lead. Passive: binds its fields and fires an event with the correction. */
class LeadForm extends FormLayout {

    /** The editable part of a lead, as the binder needs it: mutable, one property per field. */
    static final class Draft {
        @Nullable String name;
        @Nullable String address;
        @Nullable String trade;
        @Nullable String problem;
        @Nullable Urgency urgency;

        static Draft of(LeadDetails d) {
            Draft draft = new Draft();
            draft.name = d.callerName();
            draft.address = d.serviceAddress();
            draft.trade = d.trade();
            draft.problem = d.problem();
            draft.urgency = d.urgency();
            return draft;
        }

        LeadDetails details() {
            return new LeadDetails(name, address, null, problem, trade, urgency);
        }
    }

    final TextField name = new TextField("Caller's name");
    final TextField address = new TextField("Service address");
    final ComboBox<String> trade = new ComboBox<>("Trade");
    final Select<Urgency> urgency = new Select<>();
    final TextArea problem = new TextArea("Problem, in the caller's words");
    final Button save = new Button("Save and send to the CRM");
    final Button cancel = new Button("Cancel");
    final Binder<Draft> binder = new Binder<>();

    LeadForm(List<String> trades) {
        setId("lead-form");
        trade.setItems(trades);
        trade.setAllowCustomValue(false);
        urgency.setLabel("Urgency");
        urgency.setItems(Urgency.values());
        urgency.setItemLabelGenerator(u -> u == null ? "" : LeadView.urgencyWord(u));
        urgency.setEmptySelectionAllowed(true);
        urgency.setEmptySelectionCaption("Not decided");
        binder.forField(name).withNullRepresentation("")
                .withValidator(new StringLengthValidator("A name is at most 200 characters.", 0, 200))
                .bind(d -> d.name, (d, v) -> d.name = v);
        binder.forField(address).withNullRepresentation("")
                .withValidator(new StringLengthValidator("An address is at most 400 characters.", 0, 400))
                .withValidator(v -> v.isBlank() || v.strip().length() >= 5,
                        "Write the whole address: street, number and town, so a technician can find it.")
                .bind(d -> d.address, (d, v) -> d.address = v);
        binder.forField(trade).bind(d -> d.trade, (d, v) -> d.trade = v);
        binder.forField(urgency).bind(d -> d.urgency, (d, v) -> d.urgency = v);
        binder.forField(problem).withNullRepresentation("")
                .withValidator(new StringLengthValidator("Keep the problem under 2,000 characters.", 0, 2000))
                .bind(d -> d.problem, (d, v) -> d.problem = v);
        save.setId("save-lead");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            Draft draft = new Draft();
            if (Forms.valid(binder) && binder.writeBeanIfValid(draft)) {
                fireEvent(new SaveRequested(this, draft.details()));
            }
        });
        cancel.addClickListener(e -> fireEvent(new CancelRequested(this)));
        setColspan(problem, 2);
        add(name, address, trade, urgency, problem, new HorizontalLayout(save, cancel));
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("32em", 2));
    }

    void edit(LeadDetails details) {
        binder.readBean(Draft.of(details));
    }

    boolean unsaved() {
        return isVisible() && binder.hasChanges();
    }

    static final class SaveRequested extends ComponentEvent<LeadForm> {
        final LeadDetails corrected;

        SaveRequested(LeadForm source, LeadDetails corrected) {
            super(source, false);
            this.corrected = corrected;
        }
    }

    static final class CancelRequested extends ComponentEvent<LeadForm> {
        CancelRequested(LeadForm source) {
            super(source, false);
        }
    }

    Registration onSave(ComponentEventListener<SaveRequested> listener) {
        return addListener(SaveRequested.class, listener);
    }

    Registration onCancel(ComponentEventListener<CancelRequested> listener) {
        return addListener(CancelRequested.class, listener);
    }
}
