package io.redial.admin.compliance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.redial.admin.Forms;
import io.redial.admin.MainLayout;
import io.redial.admin.PhoneFormat;
import io.redial.admin.UnsavedChanges;
import io.redial.admin.security.ConsoleUser;
import io.redial.admin.security.TenantScope;
import io.redial.conversations.SmsKeyword;
import io.redial.conversations.SmsKeywords;
import io.redial.receptionist.Compliance;
import io.redial.shared.PhoneNumber;
import io.redial.tenants.Tenant;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Who may be texted and what Anna may say: opt-outs (a person can add one; only the caller texting START removes
 * it), the blocklist, staff numbers, the STOP and HELP words, the automated-assistant disclosure and the prices
 * Anna may quote. Every small form binds through a {@link Binder}: a bad value shows beside its field; leaving with
 * something typed but not added or saved asks first.
 */
@Route(value = "compliance", layout = MainLayout.class)
@PageTitle("Compliance · Redial")
@RolesAllowed({ConsoleUser.OWNER, ConsoleUser.ADMIN})
class ComplianceView extends VerticalLayout implements BeforeLeaveObserver {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm a", Locale.US);
    private static final String NUMBER_NEEDED = "Enter the phone number, e.g. (512) 555-0100.";

    final TextField optOutSearch = new TextField();
    final Grid<Compliance.OptOut> optOuts = new Grid<>();
    final TextField optOutNumber = new TextField("Number");
    final Button addOptOut = new Button("Opt out");
    final Grid<Compliance.Blocked> blocked = new Grid<>();
    final TextField blockNumber = new TextField("Number");
    final TextField blockReason = new TextField("Why (optional)");
    final Button addBlock = new Button("Block");
    final Grid<PhoneNumber> staff = new Grid<>();
    final TextField staffNumber = new TextField("Number");
    final Button addStaff = new Button("Add staff number");
    final Div optOutWords = new Div();
    final Div helpWords = new Div();
    final TextField keyword = new TextField("Word");
    final Select<SmsKeyword> keywordKind = new Select<>();
    final Checkbox keywordSpanish = new Checkbox("Answer in Spanish");
    final Button addKeyword = new Button("Add word");
    final Checkbox disclose = new Checkbox("Tell callers they are texting an automated assistant");
    final TextField disclosureText = new TextField("Disclosure (English)");
    final Button saveDisclosure = new Button("Save disclosure");
    final Grid<Map.Entry<String, BigDecimal>> prices = new Grid<>();
    final TextField priceName = new TextField("Price");
    final BigDecimalField priceAmount = new BigDecimalField("Amount, $");
    final Button setPrice = new Button("Add or change price");
    private final Binder<Draft> optOutForm = new Binder<>();
    private final Binder<Draft> blockForm = new Binder<>();
    private final Binder<Draft> staffForm = new Binder<>();
    private final Binder<Draft> keywordForm = new Binder<>();
    private final Binder<Draft> disclosureForm = new Binder<>();
    private final Binder<Draft> priceForm = new Binder<>();
    private final Compliance compliance;
    private final SmsKeywords keywords;
    private final Tenant tenant;
    private final PhoneFormat phones;

    /** What one of the small forms holds while it is typed. */
    static final class Draft {
        String number = "";
        String text = "";
        SmsKeyword kind = SmsKeyword.OPT_OUT;
        boolean flag;
        BigDecimal amount;
    }

    ComplianceView(Compliance compliance, SmsKeywords keywords, TenantScope scope) {
        this.compliance = compliance;
        this.keywords = keywords;
        this.tenant = scope.tenant().orElseThrow();
        this.phones = PhoneFormat.of(scope);
        add(new H2("Compliance"));
        add(optOutSection());
        add(blocklistSection());
        add(staffSection());
        add(keywordSection());
        add(disclosureSection());
        add(pricesSection());
        refresh();
        clearForms();
    }

    private Component optOutSection() {
        optOutSearch.setPlaceholder("Search a number");
        optOutSearch.setValueChangeMode(ValueChangeMode.LAZY);
        optOutSearch.addValueChangeListener(e -> refresh());
        optOuts.setId("opt-outs");
        optOuts.setHeight("14rem");
        optOuts.addColumn(o -> phones.show(o.phone())).setHeader("Number").setAutoWidth(true);
        optOuts.addColumn(o -> DAY.format(o.at().atZone(tenant.zone()))).setHeader("Opted out").setAutoWidth(true);
        optOutNumber.setPlaceholder("(512) 555-0100");
        optOutForm.forField(optOutNumber).asRequired(NUMBER_NEEDED).bind(d -> d.number, (d, v) -> d.number = v);
        addOptOut.addClickListener(e -> act(optOutForm, optOutNumber, d -> compliance.optOut(tenant.id(), d.number),
                "Opted out. Redial will not text this number."));
        Paragraph note = new Paragraph("Callers who text STOP land here. Only the caller can opt back in, by texting "
                + "START to your line; nobody can re-add them from the console.");
        note.setId("opt-in-note");
        return section("Opted-out callers", note, optOutSearch, optOuts, row(optOutNumber, addOptOut));
    }

    private Component blocklistSection() {
        blocked.setId("blocklist");
        blocked.setAllRowsVisible(true);
        blocked.addColumn(b -> phones.show(b.phone())).setHeader("Number").setAutoWidth(true);
        blocked.addColumn(b -> b.reason() == null ? "" : b.reason()).setHeader("Why").setFlexGrow(1);
        blocked.addComponentColumn(b -> small("Remove", () -> compliance.unblock(tenant.id(), b.phone())))
                .setHeader("").setKey("remove").setAutoWidth(true);
        blockNumber.setPlaceholder("(512) 555-0100");
        blockReason.setPlaceholder("e.g. robocaller");
        blockForm.forField(blockNumber).asRequired(NUMBER_NEEDED).bind(d -> d.number, (d, v) -> d.number = v);
        blockForm.forField(blockReason).bind(d -> d.text, (d, v) -> d.text = v);
        addBlock.addClickListener(e -> act(blockForm, blockNumber, d -> compliance.block(tenant.id(), d.number, d.text),
                "Blocked: calls from this number are never texted back."));
        return section("Blocklist", new Paragraph("Numbers that never get a text-back, e.g. known spammers."), blocked,
                row(blockNumber, blockReason, addBlock));
    }

    private Component staffSection() {
        staff.setId("staff");
        staff.setAllRowsVisible(true);
        staff.addColumn(phones::show).setHeader("Number").setFlexGrow(1);
        staff.addComponentColumn(p -> small("Remove", () -> compliance.removeStaff(tenant.id(), p)))
                .setHeader("").setKey("remove").setAutoWidth(true);
        staffNumber.setPlaceholder("(512) 555-0100");
        staffForm.forField(staffNumber).asRequired(NUMBER_NEEDED).bind(d -> d.number, (d, v) -> d.number = v);
        addStaff.addClickListener(e -> act(staffForm, staffNumber, d -> compliance.addStaff(tenant.id(), d.number),
                "Added: calls from this number are never texted back."));
        return section("Staff numbers", new Paragraph("Your own people's phones: their calls are never treated as leads."),
                staff, row(staffNumber, addStaff));
    }

    private Component keywordSection() {
        optOutWords.setId("opt-out-words");
        helpWords.setId("help-words");
        keyword.setId("keyword");
        keyword.setPlaceholder("e.g. BASTA");
        keywordKind.setId("keyword-kind");
        keywordKind.setLabel("Does");
        keywordKind.setItems(SmsKeyword.OPT_OUT, SmsKeyword.HELP);
        keywordKind.setItemLabelGenerator(k -> k == SmsKeyword.OPT_OUT ? "opt out, like STOP" : "ask for help, like HELP");
        keywordForm.forField(keyword).asRequired("Type the word a caller texts, e.g. BASTA.")
                .withValidator(w -> w.strip().matches("\\p{L}{2,30}"), "One word of 2 to 30 letters, no spaces or digits.")
                .bind(d -> d.text, (d, v) -> d.text = v);
        keywordForm.forField(keywordKind).asRequired("Choose what the word does.").bind(d -> d.kind, (d, v) -> d.kind = v);
        keywordForm.forField(keywordSpanish).bind(d -> d.flag, (d, v) -> d.flag = v);
        addKeyword.setId("add-keyword");
        addKeyword.addClickListener(e -> act(keywordForm, keyword,
                d -> keywords.add(tenant.id(), d.text, d.kind, d.flag), "Added: a text of just this word now counts."));
        Paragraph why = new Paragraph("A text that is only one of these words opts the caller out, or gets your help "
                + "answer, in English or Spanish. The carriers' words (grey) always count; add the words your callers use.");
        return section("STOP and HELP words", why, labelled("Opt out:", optOutWords), labelled("Help:", helpWords),
                row(keyword, keywordKind, keywordSpanish, addKeyword));
    }

    private Component disclosureSection() {
        disclosureText.setWidth("min(32rem, 100%)");
        disclosureText.setPlaceholder("This is " + tenant.name() + "'s automated assistant.");
        disclosureText.setHelperText("Sent once, before Anna's first reply. Empty: the words shown. Spanish-speaking "
                + "callers get the built-in Spanish sentence.");
        disclosureForm.forField(disclose).bind(d -> d.flag, (d, v) -> d.flag = v);
        disclosureForm.forField(disclosureText)
                .withValidator(t -> t.strip().length() <= 160, "Keep the disclosure to one text line (160 characters).")
                .bind(d -> d.text, (d, v) -> d.text = v);
        saveDisclosure.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveDisclosure.addClickListener(e -> act(disclosureForm, disclosureText,
                d -> compliance.saveDisclosure(tenant.id(), d.flag, d.text), "Disclosure saved."));
        return section("Automated-assistant disclosure", disclose, disclosureText, saveDisclosure);
    }

    private Component pricesSection() {
        prices.setId("prices");
        prices.setAllRowsVisible(true);
        prices.addColumn(p -> p.getKey().replace('_', ' ')).setHeader("Price").setAutoWidth(true);
        prices.addColumn(p -> "$" + p.getValue().toPlainString()).setHeader("Amount").setFlexGrow(1);
        prices.addComponentColumn(p -> small("Remove", () -> compliance.removePrice(tenant.id(), p.getKey())))
                .setHeader("").setKey("remove").setAutoWidth(true);
        priceName.setPlaceholder("e.g. diagnostic fee");
        priceAmount.setPlaceholder("89.00");
        priceForm.forField(priceName).asRequired("Name the price, e.g. diagnostic fee.")
                .bind(d -> d.text, (d, v) -> d.text = v);
        priceForm.forField(priceAmount).asRequired("Give the amount in dollars and cents, e.g. 89 or 89.50.")
                .withValidator(a -> a.signum() >= 0 && a.scale() <= 2, "Give the amount in dollars and cents, e.g. 89 or 89.50.")
                .bind(d -> d.amount, (d, v) -> d.amount = v);
        setPrice.addClickListener(e -> act(priceForm, priceName, d -> compliance.setPrice(tenant.id(), d.text, d.amount),
                "Price saved: Anna may quote it."));
        return section("Approved prices", new Paragraph("The only prices Anna ever quotes; anything else she leaves to you."),
                prices, row(priceName, priceAmount, setPrice));
    }

    void refresh() {
        optOuts.setItems(compliance.optOuts(tenant.id(), optOutSearch.getValue()));
        blocked.setItems(compliance.blocklist(tenant.id()));
        staff.setItems(compliance.staff(tenant.id()));
        prices.setItems(compliance.prices(tenant.id()).entrySet().stream().toList());
        List<SmsKeywords.Word> words = keywords.all(tenant.id());
        showWords(optOutWords, words.stream().filter(w -> w.kind() == SmsKeyword.OPT_OUT));
        showWords(helpWords, words.stream().filter(w -> w.kind() == SmsKeyword.HELP));
    }

    private void clearForms() {
        Stream.of(optOutForm, blockForm, staffForm, keywordForm, priceForm).forEach(b -> b.readBean(new Draft()));
        showDisclosure();
    }

    private void showDisclosure() {
        Compliance.Disclosure d = compliance.disclosure(tenant.id());
        Draft shown = new Draft();
        shown.flag = d.on();
        shown.text = d.text() == null ? "" : d.text();
        disclosureForm.readBean(shown);
    }

    private void showWords(Div into, Stream<SmsKeywords.Word> words) {
        into.removeAll();
        words.forEach(w -> {
            Span word = new Span(w.word() + (w.spanish() ? " (es)" : ""));
            word.getElement().getThemeList().add(w.builtIn() ? "badge contrast" : "badge");
            word.getStyle().set("margin", "0 var(--lumo-space-xs) var(--lumo-space-xs) 0");
            if (!w.builtIn()) {
                Button remove = small("×", () -> keywords.remove(tenant.id(), w.word()));
                remove.setAriaLabel("Remove " + w.word());
                word.add(remove);
            }
            into.add(word);
        });
    }

    /** Something typed in a form and not added or saved yet. */
    boolean unsaved() {
        return Stream.of(optOutForm, blockForm, staffForm, keywordForm, priceForm, disclosureForm)
                .anyMatch(Binder::hasChanges);
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        UnsavedChanges.askBeforeLeaving(event, this::unsaved, "compliance");
    }

    /** Checks a form, runs its change, and shows a refusal beside the form's main field. */
    private void act(Binder<Draft> form, HasValidation mainField, java.util.function.Consumer<Draft> change, String done) {
        Draft draft = new Draft();
        if (!Forms.valid(form)) {
            return;
        }
        form.writeBeanAsDraft(draft, true); // checked above; a refusal below leaves the form unsaved
        try {
            change.accept(draft);
            refresh();
            if (form == disclosureForm) {
                showDisclosure();
            } else {
                form.readBean(new Draft()); // the other forms keep what is typed in them
            }
            Notification.show(done, 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (IllegalArgumentException invalid) {
            Forms.refuse(form == priceForm && invalid.getMessage().startsWith("Give the amount") ? priceAmount : mainField,
                    invalid.getMessage());
        }
    }

    private Button small(String text, Runnable change) {
        Button button = new Button(text, e -> {
            change.run();
            refresh();
            Notification.show("Removed.", 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private static Component labelled(String label, Div words) {
        Div line = new Div(new Span(label + " "), words);
        words.getStyle().set("display", "inline");
        return line;
    }

    private static HorizontalLayout row(Component... parts) {
        HorizontalLayout row = new HorizontalLayout(parts);
        row.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private static Component section(String title, Component... parts) {
        VerticalLayout section = new VerticalLayout(new H3(title));
        section.add(parts);
        section.setPadding(false);
        return section;
    }
}
