package io.redial.admin.dashboard.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;

/**
 * A bar chart in plain HTML: one column per bar, its height the share of the largest value, the lower part
 * (e.g. the texted calls) in the accent colour. Free of any charting component; the title shows exact values.
 */
class BarChart extends Div {

    /** {@code part} (≤ value) is drawn in the accent colour inside the bar; {@code label} may be blank. */
    record Bar(String label, int value, int part, String title) {
    }

    private final Div bars = new Div();
    private List<Bar> shown = List.of();

    BarChart(String id, String description) {
        setId(id);
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", description);
        getStyle().set("width", "100%");
        bars.getStyle().set("display", "flex").set("align-items", "flex-end").set("gap", "2px").set("height", "8rem")
                .set("border-bottom", "1px solid var(--lumo-contrast-20pct)");
        add(bars);
    }

    void show(List<Bar> values) {
        shown = List.copyOf(values);
        bars.removeAll();
        Div labels = new Div();
        labels.getStyle().set("display", "flex").set("gap", "2px").set("font-size", "var(--lumo-font-size-xxs)")
                .set("color", "var(--lumo-secondary-text-color)");
        int max = Math.max(1, values.stream().mapToInt(Bar::value).max().orElse(1));
        for (int i = 0; i < values.size(); i++) {
            Bar bar = values.get(i);
            Div column = new Div();
            column.getElement().setAttribute("title", bar.title());
            column.getElement().setAttribute("data-value", String.valueOf(bar.value()));
            column.getStyle().set("flex", "1").set("display", "flex").set("flex-direction", "column-reverse")
                    .set("height", (100.0 * bar.value() / max) + "%").set("min-height", bar.value() > 0 ? "2px" : "0");
            column.add(segment(bar.part(), bar.value(), "var(--lumo-primary-color)"),
                    segment(bar.value() - bar.part(), bar.value(), "var(--lumo-contrast-30pct)"));
            bars.add(column);
            // A label may run over its neighbours' (blank) label cells; the last one runs leftwards, inside the chart.
            Span text = new Span(bar.label());
            text.getStyle().set("white-space", "nowrap").set("position", "absolute")
                    .set(i == values.size() - 1 ? "right" : "left", "0");
            Div label = new Div(text);
            label.getStyle().set("flex", "1").set("min-width", "0").set("position", "relative").set("height", "1.2em");
            labels.add(label);
        }
        if (getChildren().count() > 1) {
            getChildren().skip(1).toList().forEach(this::remove);
        }
        add(labels);
    }

    private static Div segment(int amount, int total, String colour) {
        Div part = new Div();
        part.getStyle().set("background", colour).set("height", total == 0 ? "0" : (100.0 * amount / total) + "%");
        return part;
    }

    List<Bar> bars() {
        return shown;
    }
}
