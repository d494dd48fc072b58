package io.redial.admin.triage.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.redial.admin.Forms;
import io.redial.admin.MainLayout;
import io.redial.admin.UnsavedChanges;
import io.redial.admin.security.ConsoleUser;
import io.redial.admin.security.TenantScope;
import io.redial.leads.Urgency;
import io.redial.receptionist.ReceptionistProfiles;
import io.redial.receptionist.ReceptionistSettings;
import io.redial.receptionist.triage.SafetyThresholds;
import io.redial.receptionist.triage.TriageExample;
import io.redial.receptionist.triage.TriageExamples;
import io.redial.receptionist.triage.TriageRule;
import io.redial.receptionist.triage.TriageSettings;
import io.redial.shared.RuleNames;
import io.redial.tenants.Tenant;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Per trade, the words that make a text urgent, the safety text sent first, the question asked and what happens
 * next; the tenant's own examples of emergencies and of routine texts for Anna's matching by meaning; and the
 * temperatures at which no heat or no cooling becomes an emergency. Built-in rules show as such and can be reset;
 * "Try a message" runs the receptionist's own matching.
 */
@Route(value = "triage", layout = MainLayout.class)
@PageTitle("Triage rules · Redial")
@RolesAllowed({ConsoleUser.OWNER, ConsoleUser.ADMIN})
class TriageView extends VerticalLayout implements BeforeLeaveObserver {

    /** Not an emergency: the example's side in the kind select. */
    static final String ROUTINE = "";

    final Select<String> trade = new Select<>();
    final Grid<TriageSettings.Entry> rules = new Grid<>();
    final Button addRule = new Button("Add a rule");
    final Button resetTrade = new Button("Reset this trade to defaults");
    final TriageRuleForm form = new TriageRuleForm();
    final TextField message = new TextField("Try a message");
    final Button tryIt = new Button("Which rule fires?");
    final Paragraph verdict = new Paragraph();
    final Grid<TriageExamples.Stored> examples = new Grid<>();
    final Paragraph noExamples = new Paragraph();
    final TextField exampleText = new TextField("A caller's text");
    final Select<String> exampleKind = new Select<>();
    final Button addExample = new Button("Add example");
    final IntegerField vulnerableHeatBelow = degrees("No heat: inside at or below");
    final IntegerField outdoorColdBelow = degrees("No heat: outside at or below");
    final IntegerField vulnerableCoolAbove = degrees("No cooling: inside at or above");
    final IntegerField outdoorHotAbove = degrees("No cooling: outside at or above");
    final IntegerField anyoneHeatBelow = degrees("No heat, anyone: inside at or below");
    final IntegerField anyoneCoolAbove = degrees("No cooling, anyone: inside at or above");
    final Button saveLimits = new Button("Save temperatures");
    private final Binder<ExampleDraft> example = new Binder<>();
    private final Binder<int[]> limits = new Binder<>();
    private final TriageSettings settings;
    private final TriageExamples ownExamples;
    private final ReceptionistProfiles profiles;
    private final Tenant tenant;

    /** The example being typed: its text and its side (a rule code, or {@link #ROUTINE}). */
    static final class ExampleDraft {
        String text = "";
        String kind = ROUTINE;
    }

    TriageView(TriageSettings settings, TriageExamples ownExamples, ReceptionistProfiles profiles, TenantScope scope) {
        this.settings = settings;
        this.ownExamples = ownExamples;
        this.profiles = profiles;
        this.tenant = scope.tenant().orElseThrow();
        trade.setLabel("Trade");
        trade.setItems(TriageSettings.TRADES);
        trade.setValue(tenant.trades().isEmpty() ? TriageSettings.TRADES.getFirst() : tenant.trades().getFirst());
        trade.addValueChangeListener(e -> showTrade());
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
        message.setWidth("min(30rem, 100%)");
        message.setPlaceholder("e.g. there's water pouring through the ceiling");
        tryIt.addClickListener(e -> tryMessage());
        verdict.setId("verdict");
        add(new H2("Triage rules"), wrapping(message, tryIt), verdict, new H3("Rules"),
                wrapping(trade, addRule, resetTrade), rules, form, examplesSection(), limitsSection());
        showTrade();
        loadLimits();
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

    private Component examplesSection() {
        examples.setId("examples");
        examples.setAllRowsVisible(true);
        examples.addColumn(s -> s.example().text()).setHeader("Text").setFlexGrow(1);
        examples.addColumn(s -> side(s.example().ruleCode())).setHeader("Anna treats it as").setAutoWidth(true);
        examples.addComponentColumn(s -> {
            Button remove = new Button("Remove", e -> {
                ownExamples.remove(tenant.id(), s.id());
                showExamples();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return remove;
        }).setHeader("").setKey("remove").setAutoWidth(true);
        exampleText.setId("example-text");
        exampleText.setWidth("min(30rem, 100%)");
        exampleText.setPlaceholder("e.g. water is coming through the light fixture");
        exampleKind.setId("example-kind");
        exampleKind.setLabel("Anna should treat it as");
        exampleKind.setItemLabelGenerator(TriageView::side);
        example.forField(exampleText).asRequired("Type a text as a caller would write it.")
                .withValidator(t -> t.strip().length() <= 500, "Keep an example under 500 characters: one caller's text.")
                .bind(d -> d.text, (d, v) -> d.text = v);
        example.forField(exampleKind).asRequired("Choose which side the example is on.")
                .bind(d -> d.kind, (d, v) -> d.kind = v);
        example.readBean(new ExampleDraft());
        addExample.setId("add-example");
        addExample.addClickListener(e -> addExample());
        Paragraph why = new Paragraph("Anna compares every text with these by meaning (typos, other words and Spanish "
                + "included), alongside the built-in examples: add texts your callers really send, on either side.");
        noExamples.setId("no-examples");
        return section("Your examples", why, examples, noExamples, wrapping(exampleText, exampleKind, addExample));
    }

    private Component limitsSection() {
        limits.forField(vulnerableHeatBelow).asRequired(REQUIRED).withValidator(t -> within(t, 30, 75), range(30, 75))
                .bind(t -> t[0], (t, v) -> t[0] = v);
        limits.forField(vulnerableCoolAbove).asRequired(REQUIRED).withValidator(t -> within(t, 70, 110), range(70, 110))
                .bind(t -> t[1], (t, v) -> t[1] = v);
        limits.forField(outdoorColdBelow).asRequired(REQUIRED).withValidator(t -> within(t, -40, 60), range(-40, 60))
                .bind(t -> t[2], (t, v) -> t[2] = v);
        limits.forField(outdoorHotAbove).asRequired(REQUIRED).withValidator(t -> within(t, 80, 130), range(80, 130))
                .bind(t -> t[3], (t, v) -> t[3] = v);
        limits.forField(anyoneHeatBelow).asRequired(REQUIRED).withValidator(t -> within(t, 20, 75), range(20, 75))
                .withValidator(t -> vulnerableHeatBelow.getValue() == null || t <= vulnerableHeatBelow.getValue(),
                        "For anyone, the limit is at most the one for a vulnerable person.")
                .bind(t -> t[4], (t, v) -> t[4] = v);
        limits.forField(anyoneCoolAbove).asRequired(REQUIRED).withValidator(t -> within(t, 70, 120), range(70, 120))
                .withValidator(t -> vulnerableCoolAbove.getValue() == null || t >= vulnerableCoolAbove.getValue(),
                        "For anyone, the limit is at least the one for a vulnerable person.")
                .bind(t -> t[5], (t, v) -> t[5] = v);
        saveLimits.setId("save-limits");
        saveLimits.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveLimits.addClickListener(e -> saveLimits());
        FormLayout fields = new FormLayout(vulnerableHeatBelow, outdoorColdBelow, vulnerableCoolAbove, outdoorHotAbove,
                anyoneHeatBelow, anyoneCoolAbove);
        fields.setId("limits");
        Paragraph why = new Paragraph("A broken heater or air conditioner is an emergency when someone vulnerable is "
                + "home (a baby, an elderly person, oxygen or medical equipment, pregnancy) and the caller's temperature "
                + "is past the first four limits, or for anyone past the last two. In °F.");
        return section("When no heat or no cooling is an emergency", why, fields, saveLimits);
    }

    private void showTrade() {
        showRules();
        showExamples();
    }

    void showRules() {
        rules.setItems(settings.rules(tenant.id(), trade.getValue()));
    }

    void showExamples() {
        List<TriageExamples.Stored> own = ownExamples.stored(tenant.id(), trade.getValue());
        examples.setItems(own);
        examples.setVisible(!own.isEmpty());
        noExamples.setText("No " + trade.getValue() + " examples of your own yet: Anna uses the built-in ones.");
        noExamples.setVisible(own.isEmpty());
        List<String> kinds = new ArrayList<>(List.of(ROUTINE));
        settings.rules(tenant.id(), trade.getValue()).stream().map(TriageSettings.Entry::rule)
                .filter(r -> r.urgency() == Urgency.EMERGENCY).map(TriageRule::code).forEach(kinds::add);
        String kept = exampleKind.getValue();
        exampleKind.setItems(kinds);
        exampleKind.setValue(kinds.contains(kept) ? kept : ROUTINE);
    }

    private void addExample() {
        ExampleDraft draft = new ExampleDraft();
        if (!Forms.valid(example)) {
            return;
        }
        example.writeBeanAsDraft(draft, true); // checked above; a refusal below leaves the form unsaved
        try {
            ownExamples.add(tenant.id(), new TriageExample(trade.getValue(), draft.kind.isEmpty() ? null : draft.kind,
                    draft.text));
            example.readBean(new ExampleDraft());
            showExamples();
            notify("Example added. Anna uses it within a minute.");
        } catch (IllegalArgumentException invalid) {
            Forms.refuse(exampleText, invalid.getMessage());
        }
    }

    void loadLimits() {
        SafetyThresholds s = profiles.settings(tenant.id()).safety();
        limits.readBean(new int[] {s.vulnerableHeatBelow(), s.vulnerableCoolAbove(), s.outdoorColdBelow(),
                s.outdoorHotAbove(), s.anyoneHeatBelow(), s.anyoneCoolAbove()});
    }

    private void saveLimits() {
        int[] t = new int[6];
        if (!Forms.valid(limits) || !limits.writeBeanIfValid(t)) {
            return;
        }
        ReceptionistSettings current = profiles.settings(tenant.id());
        profiles.saveSettings(tenant.id(), current.withSafety(new SafetyThresholds(t[0], t[1], t[2], t[3], t[4], t[5])));
        loadLimits();
        notify("Temperatures saved. Anna applies them from the next text on.");
    }

    /** Changes in the rule form, the temperatures or a typed example that are not saved yet. */
    boolean unsaved() {
        return form.unsaved() || limits.hasChanges() || !exampleText.getValue().isBlank();
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        UnsavedChanges.askBeforeLeaving(event, this::unsaved, "the triage rules");
    }

    private void save(TriageRule rule) {
        try {
            settings.save(tenant.id(), rule);
            showRules();
            settings.rules(tenant.id(), rule.trade()).stream().filter(e -> e.rule().code().equals(rule.code()))
                    .findFirst().ifPresent(form::edit);
            showExamples();
            notify("Saved. Anna applies it from the next text on.");
        } catch (IllegalArgumentException invalid) {
            form.refuse(invalid.getMessage());
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

    private static final String REQUIRED = "Give a temperature in °F.";

    private static boolean within(int value, int low, int high) {
        return value >= low && value <= high;
    }

    private static String range(int low, int high) {
        return "Give a temperature between " + low + " and " + high + " °F.";
    }

    private static IntegerField degrees(String label) {
        IntegerField field = new IntegerField(label);
        field.setSuffixComponent(new com.vaadin.flow.component.html.Span("°F"));
        return field;
    }

    private static String side(@Nullable String ruleCode) {
        return ruleCode == null || ruleCode.isEmpty() ? "not an emergency" : "emergency: " + RuleNames.plain(ruleCode);
    }

    private static String origin(TriageSettings.Entry e) {
        String source = e.builtIn() ? (e.edited() ? "built in, edited" : "built in") : "your own";
        return e.rule().enabled() ? source : source + " · off";
    }

    private static HorizontalLayout wrapping(Component... parts) {
        HorizontalLayout row = new HorizontalLayout(parts);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        row.setWidthFull(); // so a field sized "up to 30rem" gets its room before the row wraps
        return row;
    }

    private static Component section(String title, Component... parts) {
        VerticalLayout section = new VerticalLayout(new H3(title));
        section.add(parts);
        section.setPadding(false);
        return section;
    }

    private static void notify(String text) {
        Notification.show(text, 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
