package io.redial.admin.compliance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.redial.admin.MainLayout;
import io.redial.admin.security.ConsoleUser;
import io.redial.admin.security.TenantScope;
import io.redial.receptionist.Compliance;
import io.redial.shared.PhoneNumber;
import io.redial.tenants.Tenant;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Who may be texted and what Anna may say: opt-outs (a person can add one; only the caller texting START removes
 * it), the blocklist, staff numbers, the automated-assistant disclosure and the prices Anna may quote.
 */
@Route(value = "compliance", layout = MainLayout.class)
@PageTitle("Compliance · Redial")
@RolesAllowed({ConsoleUser.OWNER, ConsoleUser.ADMIN})
class ComplianceView extends VerticalLayout {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm");

    final TextField optOutSearch = new TextField();
    final Grid<Compliance.OptOut> optOuts = new Grid<>();
    final TextField optOutNumber = new TextField();
    final Button addOptOut = new Button("Opt out");
    final Grid<Compliance.Blocked> blocked = new Grid<>();
    final TextField blockNumber = new TextField();
    final TextField blockReason = new TextField();
    final Button addBlock = new Button("Block");
    final Grid<PhoneNumber> staff = new Grid<>();
    final TextField staffNumber = new TextField();
    final Button addStaff = new Button("Add staff number");
    final Checkbox disclose = new Checkbox("Tell callers they are texting an automated assistant");
    final TextField disclosureText = new TextField("Disclosure (English)");
    final Button saveDisclosure = new Button("Save disclosure");
    final Grid<Map.Entry<String, BigDecimal>> prices = new Grid<>();
    final TextField priceName = new TextField();
    final BigDecimalField priceAmount = new BigDecimalField();
    final Button setPrice = new Button("Add or change price");
    final Span problem = new Span();
    private final Compliance compliance;
    private final Tenant tenant;

    ComplianceView(Compliance compliance, TenantScope scope) {
        this.compliance = compliance;
        this.tenant = scope.tenant().orElseThrow();
        problem.setId("problem");
        problem.getElement().getThemeList().add("badge error");
        problem.setVisible(false);
        add(new H2("Compliance"), problem);
        add(optOutSection());
        add(blocklistSection());
        add(staffSection());
        add(disclosureSection());
        add(pricesSection());
        refresh();
    }

    private Component optOutSection() {
        optOutSearch.setPlaceholder("Search a number");
        optOutSearch.setValueChangeMode(ValueChangeMode.LAZY);
        optOutSearch.addValueChangeListener(e -> refresh());
        optOuts.setId("opt-outs");
        optOuts.setHeight("14rem");
        optOuts.addColumn(o -> o.phone().e164()).setHeader("Number");
        optOuts.addColumn(o -> DAY.format(o.at().atZone(tenant.zone()))).setHeader("Opted out");
        optOutNumber.setPlaceholder("+1 512 555 0100");
        addOptOut.addClickListener(e -> act(() -> compliance.optOut(tenant.id(), optOutNumber.getValue()), optOutNumber,
                "Opted out. Redial will not text this number."));
        Paragraph note = new Paragraph("Callers who text STOP land here. Only the caller can opt back in, by texting "
                + "START to your line; nobody can re-add them from the console.");
        note.setId("opt-in-note");
        return section("Opted-out callers", note, optOutSearch, optOuts, row(optOutNumber, addOptOut));
    }

    private Component blocklistSection() {
        blocked.setId("blocklist");
        blocked.setAllRowsVisible(true);
        blocked.addColumn(b -> b.phone().e164()).setHeader("Number");
        blocked.addColumn(b -> b.reason() == null ? "" : b.reason()).setHeader("Why");
        blocked.addComponentColumn(b -> small("Remove", () -> compliance.unblock(tenant.id(), b.phone()))).setHeader("");
        blockNumber.setPlaceholder("+1 512 555 0100");
        blockReason.setPlaceholder("Why (optional)");
        addBlock.addClickListener(e -> act(() -> compliance.block(tenant.id(), blockNumber.getValue(), blockReason.getValue()),
                blockNumber, "Blocked: calls from this number are never texted back."));
        return section("Blocklist", new Paragraph("Numbers that never get a text-back, e.g. known spammers."), blocked,
                row(blockNumber, blockReason, addBlock));
    }

    private Component staffSection() {
        staff.setId("staff");
        staff.setAllRowsVisible(true);
        staff.addColumn(PhoneNumber::e164).setHeader("Number");
        staff.addComponentColumn(p -> small("Remove", () -> compliance.removeStaff(tenant.id(), p))).setHeader("");
        staffNumber.setPlaceholder("+1 512 555 0100");
        addStaff.addClickListener(e -> act(() -> compliance.addStaff(tenant.id(), staffNumber.getValue()), staffNumber,
                "Added: calls from this number are never texted back."));
        return section("Staff numbers", new Paragraph("Your own people's phones: their calls are never treated as leads."),
                staff, row(staffNumber, addStaff));
    }

    private Component disclosureSection() {
        disclosureText.setWidth("32rem");
        disclosureText.setPlaceholder("This is " + tenant.name() + "'s automated assistant.");
        disclosureText.setHelperText("Sent once, before Anna's first reply. Empty: the words shown. Spanish-speaking "
                + "callers get the built-in Spanish sentence.");
        saveDisclosure.addClickListener(e -> act(() -> compliance.saveDisclosure(tenant.id(), disclose.getValue(),
                disclosureText.getValue()), null, "Disclosure saved."));
        return section("Automated-assistant disclosure", disclose, disclosureText, saveDisclosure);
    }

    private Component pricesSection() {
        prices.setId("prices");
        prices.setAllRowsVisible(true);
        prices.addColumn(p -> p.getKey().replace('_', ' ')).setHeader("Price");
        prices.addColumn(p -> "$" + p.getValue().toPlainString()).setHeader("Amount");
        prices.addComponentColumn(p -> small("Remove", () -> compliance.removePrice(tenant.id(), p.getKey()))).setHeader("");
        priceName.setPlaceholder("e.g. diagnostic fee");
        priceAmount.setPlaceholder("89.00");
        setPrice.addClickListener(e -> act(() -> compliance.setPrice(tenant.id(), priceName.getValue(), priceAmount.getValue()),
                priceName, "Price saved: Anna may quote it."));
        return section("Approved prices", new Paragraph("The only prices Anna ever quotes; anything else she leaves to you."),
                prices, row(priceName, priceAmount, setPrice));
    }

    void refresh() {
        optOuts.setItems(compliance.optOuts(tenant.id(), optOutSearch.getValue()));
        blocked.setItems(compliance.blocklist(tenant.id()));
        staff.setItems(compliance.staff(tenant.id()));
        Compliance.Disclosure d = compliance.disclosure(tenant.id());
        disclose.setValue(d.on());
        disclosureText.setValue(d.text() == null ? "" : d.text());
        prices.setItems(compliance.prices(tenant.id()).entrySet().stream().toList());
    }

    private void act(Runnable change, @org.jspecify.annotations.Nullable TextField input, String done) {
        try {
            change.run();
            problem.setVisible(false);
            if (input != null) {
                input.clear();
            }
            Notification.show(done, 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (IllegalArgumentException invalid) {
            problem.setText(invalid.getMessage());
            problem.setVisible(true);
        }
        refresh();
    }

    private Button small(String text, Runnable change) {
        Button button = new Button(text, e -> act(change, null, "Removed."));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private static HorizontalLayout row(Component... parts) {
        HorizontalLayout row = new HorizontalLayout(parts);
        row.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        return row;
    }

    private static Component section(String title, Component... parts) {
        VerticalLayout section = new VerticalLayout(new H3(title));
        section.add(parts);
        section.setPadding(false);
        return section;
    }
}
