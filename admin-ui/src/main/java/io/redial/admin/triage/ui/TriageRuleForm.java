package io.redial.admin.triage.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import io.redial.admin.Forms;
import io.redial.leads.Urgency;
import io.redial.receptionist.triage.Routing;
import io.redial.receptionist.triage.TriageRule;
import io.redial.receptionist.triage.TriageSettings;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One rule's editor, bound through a {@link Binder}: a bad value shows beside its field. Passive: it shows what it
 * is given and fires events; the view talks to the service.
 */
class TriageRuleForm extends VerticalLayout {

    /** The rule as the fields edit it: mutable, one property per field. */
    static final class Draft {
        String code = "";
        String terms = "";
        Urgency urgency = Urgency.URGENT;
        Routing routing = Routing.BOOK_URGENT;
        String safetyEn = "";
        String safetyEs = "";
        String questionEn = "";
        String questionEs = "";
        boolean enabled = true;

        static Draft of(TriageRule rule) {
            Draft d = new Draft();
            d.code = rule.code();
            d.terms = String.join("\nAND\n", rule.terms().stream().map(g -> String.join("\n", g)).toList());
            d.urgency = rule.urgency();
            d.routing = rule.routing();
            d.safetyEn = orEmpty(rule.safetyEn());
            d.safetyEs = orEmpty(rule.safetyEs());
            d.questionEn = orEmpty(rule.questionEn());
            d.questionEs = orEmpty(rule.questionEs());
            d.enabled = rule.enabled();
            return d;
        }
    }

    final H3 title = new H3();
    final TextField code = new TextField("Rule name");
    final TextArea terms = new TextArea("Words and phrases");
    final Select<Urgency> urgency = new Select<>();
    final Select<Routing> routing = new Select<>();
    final TextArea safetyEn = new TextArea("Safety text (English), sent first");
    final TextArea safetyEs = new TextArea("Safety text (Spanish)");
    final TextArea questionEn = new TextArea("Question to ask (English)");
    final TextArea questionEs = new TextArea("Question to ask (Spanish)");
    final Checkbox enabled = new Checkbox("On");
    final Span origin = new Span();
    final Button save = new Button("Save rule");
    final Button reset = new Button("Reset to default");
    final Binder<Draft> binder = new Binder<>();
    private String trade = "";

    TriageRuleForm() {
        setId("rule-form");
        setPadding(false);
        terms.setHelperText("One phrase per line: any of them fires. A line \"AND\" starts a further group that must "
                + "match too (e.g. the symptom, AND the freezing weather).");
        urgency.setLabel("Urgency");
        urgency.setItems(Urgency.values());
        urgency.setItemLabelGenerator(u -> u.name().toLowerCase());
        routing.setLabel("Then");
        routing.setItems(Routing.values());
        routing.setItemLabelGenerator(TriageRuleForm::describe);
        origin.getElement().getThemeList().add("badge");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            if (Forms.valid(binder)) {
                fireEvent(new SaveRequested(this));
            }
        });
        reset.addClickListener(e -> fireEvent(new ResetRequested(this)));
        bind();
        FormLayout fields = new FormLayout(code, urgency, routing, enabled, terms, safetyEn, safetyEs, questionEn, questionEs);
        fields.setColspan(terms, 2);
        add(new HorizontalLayout(title, origin), fields, new HorizontalLayout(save, reset));
    }

    private void bind() {
        binder.forField(code).asRequired("Name the rule, e.g. ice-dam.")
                .withValidator(c -> c.strip().matches("[a-z0-9]+(-[a-z0-9]+)*"),
                        "Use lowercase letters, digits and dashes, e.g. ice-dam.")
                .bind(d -> d.code, (d, v) -> d.code = v.strip());
        binder.forField(terms).asRequired("Give at least one word or phrase that makes the rule fire.")
                .withValidator(t -> Arrays.stream(t.split("(?m)^\\s*AND\\s*$")).allMatch(g -> !g.isBlank()),
                        "Each group between AND lines needs at least one phrase.")
                .bind(d -> d.terms, (d, v) -> d.terms = v);
        binder.forField(urgency).asRequired("Choose how urgent it is.").bind(d -> d.urgency, (d, v) -> d.urgency = v);
        binder.forField(routing).asRequired("Choose what happens next.")
                .withValidator(r -> urgency.getValue() != Urgency.EMERGENCY || r == Routing.ESCALATE || r == Routing.HAND_OFF,
                        "An emergency must page the on-call ladder or go to a person, not just book.")
                .bind(d -> d.routing, (d, v) -> d.routing = v);
        urgency.addValueChangeListener(e -> {
            if (routing.getValue() != null) {
                binder.validate(); // the routing's rule depends on the urgency
            }
        });
        binder.forField(safetyEn).bind(d -> d.safetyEn, (d, v) -> d.safetyEn = v);
        binder.forField(safetyEs).bind(d -> d.safetyEs, (d, v) -> d.safetyEs = v);
        binder.forField(questionEn).bind(d -> d.questionEn, (d, v) -> d.questionEn = v);
        binder.forField(questionEs).bind(d -> d.questionEs, (d, v) -> d.questionEs = v);
        binder.forField(enabled).bind(d -> d.enabled, (d, v) -> d.enabled = v);
    }

    void edit(TriageSettings.Entry entry) {
        TriageRule rule = entry.rule();
        trade = rule.trade();
        title.setText(io.redial.shared.RuleNames.plain(rule.code()));
        binder.readBean(Draft.of(rule));
        code.setReadOnly(true);
        origin.setText(entry.builtIn() ? (entry.edited() ? "built in, edited" : "built in") : "your own");
        reset.setText(entry.builtIn() ? "Reset to default" : "Delete rule");
        reset.setEnabled(entry.edited());
        setVisible(true);
    }

    void create(String trade) {
        this.trade = trade;
        title.setText("New " + trade + " rule");
        code.setReadOnly(false);
        binder.readBean(new Draft());
        origin.setText("your own");
        reset.setEnabled(false);
        setVisible(true);
    }

    /** Changes in the shown rule that Save has not stored yet. */
    boolean unsaved() {
        return isVisible() && binder.hasChanges();
    }

    /** The rule as the fields describe it now. */
    TriageRule read() {
        String spec = String.join(";", Arrays.stream(terms.getValue().split("(?m)^\\s*AND\\s*$"))
                .map(group -> String.join("|", group.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()))
                .toList());
        return new TriageRule(code.getValue().strip(), trade, TriageRule.terms(spec), urgency.getValue(),
                routing.getValue(), safetyEn.getValue(), safetyEs.getValue(), questionEn.getValue(),
                questionEs.getValue(), enabled.getValue());
    }

    /** A refusal from the server, beside the field it is about (the phrases unless it names the rule). */
    void refuse(String why) {
        Forms.refuse(why.startsWith("Name the rule") ? code : why.startsWith("An emergency") ? routing : terms, why);
    }

    static String describe(Routing routing) {
        return switch (routing) {
            case ESCALATE -> "page the on-call ladder";
            case BOOK_URGENT -> "book the earliest slot";
            case HAND_OFF -> "hand to a person";
        };
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }

    Registration onSave(ComponentEventListener<SaveRequested> listener) {
        return addListener(SaveRequested.class, listener);
    }

    Registration onReset(ComponentEventListener<ResetRequested> listener) {
        return addListener(ResetRequested.class, listener);
    }

    static class SaveRequested extends ComponentEvent<TriageRuleForm> {
        SaveRequested(TriageRuleForm source) {
            super(source, false);
        }
    }

    static class ResetRequested extends ComponentEvent<TriageRuleForm> {
        ResetRequested(TriageRuleForm source) {
            super(source, false);
        }
    }
}
