package io.redial.admin.crm.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import io.redial.admin.Forms;
import io.redial.crm.CrmException;
import io.redial.crm.CrmId;
import io.redial.crm.CrmJobRouting;
import io.redial.crm.sync.CrmJobRoutingTables;
import io.redial.leads.Urgency;
import io.redial.shared.TenantId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trade × urgency table of a CRM that routes jobs by the tenant's own ids: each value is picked from the
 * lists the CRM gives (business units, job types, campaigns), never typed; saving checks them again.
 */
class JobRoutingTable extends VerticalLayout {

    /** One editable row: trade, urgency and a picker per column. */
    final class Line extends HorizontalLayout {
        final TextField trade = new TextField("Trade");
        final Select<Urgency> urgency = new Select<>();
        final Map<String, ComboBox<CrmJobRouting.Choice>> values = new LinkedHashMap<>();
        final Binder<Object> checks = new Binder<>();

        Line(List<CrmJobRouting.Column> columns, CrmJobRouting.Row row) {
            setAlignItems(Alignment.BASELINE);
            trade.setValue(row.trade());
            trade.setHelperText("* for any trade");
            urgency.setLabel("Urgency");
            urgency.setItems(Urgency.values());
            urgency.setItemLabelGenerator(u -> u.name().toLowerCase());
            urgency.setValue(row.urgency());
            add(trade, urgency);
            for (CrmJobRouting.Column column : columns) {
                ComboBox<CrmJobRouting.Choice> pick = new ComboBox<>(column.label(), column.choices());
                pick.setItemLabelGenerator(CrmJobRouting.Choice::name);
                Forms.check(checks, pick, "Pick a " + column.label().toLowerCase() + " from the list.", v -> true, "");
                column.choices().stream().filter(c -> c.id().equals(row.values().get(column.key()))).findFirst()
                        .ifPresent(pick::setValue);
                values.put(column.key(), pick);
                add(pick);
            }
            Button remove = new Button("Remove", e -> {
                lines.remove(this);
                rows.remove(this);
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            add(remove);
        }

        /** The picker a refusal from the CRM's fresh lists is about ("Campaign for hvac / emergency is not …"). */
        java.util.Optional<ComboBox<CrmJobRouting.Choice>> pickerNamedIn(String refusal) {
            CrmJobRouting.Row row = row();
            return values.values().stream().filter(pick -> refusal.startsWith(pick.getLabel() + " for " + row.trade() + " / "
                    + row.urgency().name().toLowerCase() + " ")).findFirst();
        }

        CrmJobRouting.Row row() {
            Map<String, String> picked = new LinkedHashMap<>();
            values.forEach((key, pick) -> picked.put(key, pick.getValue() == null ? null : pick.getValue().id()));
            return new CrmJobRouting.Row(trade.getValue().trim().isEmpty() ? CrmJobRouting.ANY_TRADE : trade.getValue().trim(),
                    urgency.getValue() == null ? Urgency.ROUTINE : urgency.getValue(), picked);
        }
    }

    final List<Line> lines = new ArrayList<>();
    final VerticalLayout rows = new VerticalLayout();
    final Button addRow = new Button("Add row");
    final Button save = new Button("Save table");
    final Paragraph result = new Paragraph();

    JobRoutingTable(CrmId crm, String crmName, CrmJobRoutingTables tables, TenantId tenant) {
        setId("routing-" + crm.value());
        setPadding(false);
        rows.setPadding(false);
        result.setId("routing-result-" + crm.value());
        add(new H3(crmName + " jobs: trade × urgency"), new Paragraph("When Anna books, the job gets the business unit, "
                + "job type, priority and campaign of its trade and urgency (an emergency always gets the highest priority)."));
        CrmJobRoutingTables.Table table;
        try {
            table = tables.table(tenant, crm).orElse(null);
        } catch (CrmException e) {
            result.setText("Could not read the lists from " + crmName + ": " + e.getMessage());
            add(result);
            return;
        }
        if (table == null) {
            result.setText("Connect " + crmName + " to edit this table.");
            add(result);
            return;
        }
        table.rows().forEach(r -> addLine(table.columns(), r));
        addRow.setId("routing-add-" + crm.value());
        addRow.addClickListener(e -> addLine(table.columns(), new CrmJobRouting.Row(CrmJobRouting.ANY_TRADE, Urgency.ROUTINE, Map.of())));
        save.setId("routing-save-" + crm.value());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            result.setText("");
            for (Line line : lines) {
                if (!Forms.valid(line.checks)) {
                    return;
                }
            }
            try {
                tables.save(tenant, crm, lines.stream().map(Line::row).toList());
                result.setText("Saved " + lines.size() + (lines.size() == 1 ? " row." : " rows."));
            } catch (IllegalArgumentException | CrmException refused) {
                // A value the CRM no longer offers (its lists are fetched again on save): beside that picker.
                String why = refused.getMessage();
                lines.stream().flatMap(line -> line.pickerNamedIn(why).stream()).findFirst()
                        .or(() -> lines.stream().flatMap(line -> line.values.values().stream()).findFirst())
                        .ifPresentOrElse(pick -> Forms.refuse(pick, why), () -> result.setText("Could not save: " + why));
            }
        });
        add(rows, new HorizontalLayout(addRow, save), result);
    }

    private void addLine(List<CrmJobRouting.Column> columns, CrmJobRouting.Row row) {
        Line line = new Line(columns, row);
        lines.add(line);
        rows.add(line);
    }
}
