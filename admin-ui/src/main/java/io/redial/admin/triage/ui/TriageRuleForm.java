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
import com.vaadin.flow.shared.Registration;
import io.redial.leads.Urgency;
import io.redial.receptionist.triage.Routing;
import io.redial.receptionist.triage.TriageRule;
import io.redial.receptionist.triage.TriageSettings;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One rule's editor. Passive: it shows what it is given and fires events; the view talks to the service. */
class TriageRuleForm extends VerticalLayout {

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
    final Span problem = new Span();
    final Button save = new Button("Save rule");
    final Button reset = new Button("Reset to default");
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
        problem.getElement().getThemeList().add("badge error");
        problem.setVisible(false);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> fireEvent(new SaveRequested(this)));
        reset.addClickListener(e -> fireEvent(new ResetRequested(this)));
        FormLayout fields = new FormLayout(code, urgency, routing, enabled, terms, safetyEn, safetyEs, questionEn, questionEs);
        fields.setColspan(terms, 2);
        add(new HorizontalLayout(title, origin), fields, new HorizontalLayout(save, reset, problem));
    }

    void edit(TriageSettings.Entry entry) {
        TriageRule rule = entry.rule();
        trade = rule.trade();
        title.setText(io.redial.shared.RuleNames.plain(rule.code()));
        code.setValue(rule.code());
        code.setReadOnly(true);
        terms.setValue(String.join("\nAND\n", rule.terms().stream().map(g -> String.join("\n", g)).toList()));
        urgency.setValue(rule.urgency());
        routing.setValue(rule.routing());
        safetyEn.setValue(orEmpty(rule.safetyEn()));
        safetyEs.setValue(orEmpty(rule.safetyEs()));
        questionEn.setValue(orEmpty(rule.questionEn()));
        questionEs.setValue(orEmpty(rule.questionEs()));
        enabled.setValue(rule.enabled());
        origin.setText(entry.builtIn() ? (entry.edited() ? "built in, edited" : "built in") : "your own");
        reset.setText(entry.builtIn() ? "Reset to default" : "Delete rule");
        reset.setEnabled(entry.edited());
        showProblem(null);
        setVisible(true);
    }

    void create(String trade) {
        this.trade = trade;
        title.setText("New " + trade + " rule");
        code.setReadOnly(false);
        code.clear();
        terms.clear();
        urgency.setValue(Urgency.URGENT);
        routing.setValue(Routing.BOOK_URGENT);
        List.of(safetyEn, safetyEs, questionEn, questionEs).forEach(TextArea::clear);
        enabled.setValue(true);
        origin.setText("your own");
        reset.setEnabled(false);
        showProblem(null);
        setVisible(true);
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

    void showProblem(@Nullable String why) {
        problem.setText(why == null ? "" : why);
        problem.setVisible(why != null);
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
