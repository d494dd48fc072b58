package io.redial.admin;

import com.vaadin.flow.component.grid.Grid;

/** Lists sized to what they hold: a short list shows every row without a scroll box, a long one scrolls. */
public final class Lists {

    private static final int SHOWN_WHOLE = 25;

    private Lists() {
    }

    public static void fitToContent(Grid<?> grid, int rows) {
        grid.setAllRowsVisible(rows <= SHOWN_WHOLE);
        if (rows > SHOWN_WHOLE) {
            grid.setHeight("70vh");
        }
    }
}
