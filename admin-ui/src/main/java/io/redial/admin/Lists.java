package io.redial.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;
import java.util.List;

/**
 * Lists sized to what they hold: a short list shows every row without a scroll box, a long one scrolls. At phone
 * width a wide list shows one column of compact rows instead of its columns, so it never scrolls sideways.
 */
public final class Lists {

    private static final int SHOWN_WHOLE = 25;
    /** The width below which the console lays out for a phone (as the rule in {@link MainLayout}). */
    public static final int PHONE_WIDTH = 640;

    private Lists() {
    }

    public static void fitToContent(Grid<?> grid, int rows) {
        grid.setAllRowsVisible(rows <= SHOWN_WHOLE);
        if (rows > SHOWN_WHOLE) {
            grid.setHeight("70vh");
        }
    }

    /**
     * Shows {@code compact} alone on a screen narrower than {@link #PHONE_WIDTH}, every other column otherwise;
     * follows the window as it is resized or turned.
     */
    public static void compactAtPhoneWidth(Grid<?> grid, Grid.Column<?> compact) {
        List<? extends Grid.Column<?>> wide = grid.getColumns().stream().filter(c -> c != compact).toList();
        compact.setKey("compact");
        compact.setFlexGrow(1);
        layOut(compact, wide, Integer.MAX_VALUE);
        Registration[] resizing = new Registration[1];
        grid.addAttachListener(attached -> {
            var page = attached.getUI().getPage();
            page.retrieveExtendedClientDetails(details -> layOut(compact, wide, details.getWindowInnerWidth()));
            if (resizing[0] != null) {
                resizing[0].remove();
            }
            resizing[0] = page.addBrowserWindowResizeListener(resized -> layOut(compact, wide, resized.getWidth()));
        });
        grid.addDetachListener(detached -> {
            if (resizing[0] != null) {
                resizing[0].remove();
                resizing[0] = null;
            }
        });
    }

    /**
     * One row of a list at phone width: its lines one under another, wrapping; a line given as {@code nowrap}
     * (a time, say) stays on one line.
     */
    public static Div card(Component... lines) {
        Div card = new Div();
        card.addClassName("compact-row");
        card.getStyle().set("white-space", "normal").set("line-height", "1.35").set("padding", "0.25em 0");
        for (Component line : lines) {
            Div row = new Div(line);
            card.add(row);
        }
        return card;
    }

    /** A line of a {@link #card} that never wraps, in the secondary colour (times, dates). */
    public static Span nowrap(String text) {
        Span span = new Span(text);
        span.getStyle().set("white-space", "nowrap").set("color", "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-s)");
        return span;
    }

    /** Lays the list out for a window this many pixels wide. */
    static void layOut(Grid.Column<?> compact, List<? extends Grid.Column<?>> wide, int width) {
        boolean phone = width < PHONE_WIDTH;
        compact.setVisible(phone);
        wide.forEach(column -> column.setVisible(!phone));
    }

    /** Lays a list set up by {@link #compactAtPhoneWidth} out for a window this wide (what a resize does; for tests). */
    public static void layOutFor(Grid<?> grid, int width) {
        Grid.Column<?> compact = grid.getColumnByKey("compact");
        layOut(compact, grid.getColumns().stream().filter(c -> c != compact).toList(), width);
    }
}
