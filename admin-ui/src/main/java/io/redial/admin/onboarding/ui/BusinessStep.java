package io.redial.admin.onboarding.ui;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import io.redial.tenants.Onboarding;
import io.redial.tenants.Tenant;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Business name, trades, time zone, and what an average job of each trade is worth (for the dashboard). */
class BusinessStep extends SetupStep {

    static final List<String> TRADES = List.of("hvac", "plumbing", "electrical", "roofing");

    final TextField name = new TextField("Business name");
    final CheckboxGroup<String> trades = new CheckboxGroup<>("Trades");
    final ComboBox<String> zone = new ComboBox<>("Time zone");
    final Map<String, BigDecimalField> jobValues = new LinkedHashMap<>();
    private final Onboarding onboarding;
    private final Tenant tenant;

    BusinessStep(Onboarding onboarding, Tenant tenant) {
        super("Your business", "Callers see this name in every text. Trades decide which triage rules apply.");
        this.onboarding = onboarding;
        this.tenant = tenant;
        name.setValue(tenant.name());
        name.setWidth("24rem");
        Set<String> offered = new LinkedHashSet<>(TRADES);
        offered.addAll(tenant.trades());
        trades.setItems(offered);
        trades.setValue(new LinkedHashSet<>(tenant.trades()));
        zone.setItems(ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/")).sorted().toList());
        zone.setValue(tenant.zone().getId());
        zone.setWidth("20rem");
        Map<String, BigDecimal> values = onboarding.jobValues(tenant.id());
        HorizontalLayout valueFields = new HorizontalLayout();
        offered.forEach(trade -> {
            BigDecimalField field = new BigDecimalField("Average " + trade + " job, $");
            field.setValue(values.get(trade));
            field.setWidth("12rem");
            jobValues.put(trade, field);
            valueFields.add(field);
        });
        trades.addValueChangeListener(e -> showValueFields());
        showValueFields();
        check(name, "Enter your business name: callers see it in every text.", n -> n.strip().length() <= 80,
                "Keep the name under 80 characters.");
        check(trades, "Choose at least one trade.", t -> true, "");
        check(zone, "Choose the time zone your business keeps its hours in.", z -> true, "");
        jobValues.values().forEach(field -> check(field, null, v -> v == null || v.signum() >= 0,
                "An average job is worth zero dollars or more."));
        add(name, trades, zone, valueFields);
    }

    private void showValueFields() {
        jobValues.forEach((trade, field) -> field.setVisible(trades.getValue().contains(trade)));
    }

    @Override
    void store() {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        jobValues.forEach((trade, field) -> {
            if (field.getValue() != null) {
                values.put(trade, field.getValue());
            }
        });
        try {
            onboarding.saveBusiness(tenant.id(), name.getValue(), new ArrayList<>(trades.getValue()),
                    ZoneId.of(zone.getValue()), values);
        } catch (IllegalArgumentException refused) {
            throw new Refused(name, refused.getMessage());
        }
    }
}
