package io.redial.admin.triage.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.redial.admin.MainLayout;
import io.redial.shared.RuleNames;
import io.redial.admin.security.ConsoleUser;
import io.redial.admin.security.TenantScope;
import io.redial.receptionist.triage.TriageRule;
import io.redial.receptionist.triage.TriageSettings;
import io.redial.tenants.Tenant;
import jakarta.annotation.security.RolesAllowed;

/**
 * Per trade, the words that make a text urgent, the safety text sent first, the question asked and what happens
 * next. Built-in rules show as such and can be reset; "Try a message" runs the receptionist's own matching.
 */
@Route(value = "triage", layout = MainLayout.class)
@PageTitle("Triage rules · Redial")
@RolesAllowed({ConsoleUser.OWNER, ConsoleUser.ADMIN})
class TriageView extends VerticalLayout {

    final Select<String> trade = new Select<>();
    final Grid<TriageSettings.Entry> rules = new Grid<>();
    final Button addRule = new Button("Add a rule");
    final Button resetTrade = new Button("Reset this trade to defaults");
    final TriageRuleForm form = new TriageRuleForm();
    final TextField message = new TextField("Try a message");
    final Button tryIt = new Button("Which rule fires?");
    final Paragraph verdict = new Paragraph();
    private final TriageSettings settings;
    private final Tenant tenant;

    TriageView(TriageSettings settings, TenantScope scope) {
        this.settings = settings;
        this.tenant = scope.tenant().orElseThrow();
        trade.setLabel("Trade");
        trade.setItems(TriageSettings.TRADES);
        trade.setValue(tenant.trades().isEmpty() ? TriageSettings.TRADES.getFirst() : tenant.trades().getFirst());
        trade.addValueChangeListener(e -> showRules());
        configureGrid();
        addRule.addClickListener(e -> form.create(trade.getValue()));
        resetTrade.addClickListener(e -> {
            settings.resetTrade(tenant.id(), trade.getValue());
            form.setVisible(false);
            showRules();
            notify("The built-in " + trade.getValue() + " rules are back to their defaults; your own rules stay.");
        });
        form.onSave(e -> save(form.read()));
        form.onReset(e -> reset(form.code.getValue()));
        form.setVisible(false);
        message.setWidth("30rem");
        message.setPlaceholder("e.g. there's water pouring through the ceiling");
        tryIt.addClickListener(e -> tryMessage());
        verdict.setId("verdict");
        HorizontalLayout tryRow = new HorizontalLayout(message, tryIt);
        tryRow.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        HorizontalLayout top = new HorizontalLayout(trade, addRule, resetTrade);
        top.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(new H2("Triage rules"), tryRow, verdict, new H3("Rules"), top, rules, form);
        showRules();
    }

    private void configureGrid() {
        rules.setId("rules");
        rules.setAllRowsVisible(true);
        rules.addColumn(e -> RuleNames.plain(e.rule().code())).setHeader("Rule").setAutoWidth(true);
        rules.addColumn(e -> e.rule().urgency().name().toLowerCase()).setHeader("Urgency").setAutoWidth(true);
        rules.addColumn(e -> TriageRuleForm.describe(e.rule().routing())).setHeader("Then").setAutoWidth(true);
        rules.addColumn(e -> String.join(" + ", e.rule().terms().stream().map(g -> String.join(", ", g)).toList()))
                .setHeader("Fires on").setFlexGrow(1);
        rules.addColumn(TriageView::origin).setHeader("Source").setAutoWidth(true);
        rules.addItemClickListener(e -> form.edit(e.getItem()));
    }

    void showRules() {
        rules.setItems(settings.rules(tenant.id(), trade.getValue()));
    }

    private void save(TriageRule rule) {
        try {
            settings.save(tenant.id(), rule);
            showRules();
            settings.rules(tenant.id(), rule.trade()).stream().filter(e -> e.rule().code().equals(rule.code()))
                    .findFirst().ifPresent(form::edit);
            notify("Saved. Anna applies it from the next text on.");
        } catch (IllegalArgumentException invalid) {
            form.showProblem(invalid.getMessage());
        }
    }

    private void reset(String code) {
        settings.reset(tenant.id(), code);
        showRules();
        settings.rules(tenant.id(), trade.getValue()).stream().filter(e -> e.rule().code().equals(code))
                .findFirst().ifPresentOrElse(form::edit, () -> form.setVisible(false));
    }

    void tryMessage() {
        TriageSettings.Trial trial = settings.tryMessage(tenant.id(), tenant.trades(), message.getValue());
        TriageRule rule = trial.rule();
        String trade = trial.trade() == null ? "Anna could not tell the trade from this message."
                : "Anna reads it as a " + trial.trade() + " job.";
        verdict.setText(rule == null ? "No rule matches, so Anna handles it as a routine request. " + trade
                : "Matches \"" + RuleNames.plain(rule.code()) + "\", a " + rule.trade() + " rule: "
                        + rule.urgency().name().toLowerCase() + ", then " + TriageRuleForm.describe(rule.routing()) + ". "
                        + trade + (trial.trade() != null && !trial.trade().equals(rule.trade())
                                ? " (The rule's trade differs: check its phrases.)" : "")
                        + (rule.safetyEn() == null ? "" : " Safety text: " + rule.safetyEn()));
    }

    private static String origin(TriageSettings.Entry e) {
        String source = e.builtIn() ? (e.edited() ? "built in, edited" : "built in") : "your own";
        return e.rule().enabled() ? source : source + " · off";
    }

    private static void notify(String text) {
        Notification.show(text, 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
