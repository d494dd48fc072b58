package io.redial.crm;

import io.redial.leads.Urgency;
import java.util.List;
import java.util.Map;

/**
 * Implemented by providers whose jobs need the tenant's own ids, chosen per trade and urgency (ServiceTitan:
 * business unit, job type, priority and campaign). The console shows the table and offers, for each column,
 * only the choices the CRM lists; core stores the rows in the connection's settings.
 */
public interface CrmJobRouting {

    /** The trade that stands for every trade without a row of its own. */
    String ANY_TRADE = "*";

    /** A column of the table with the values the CRM offers for it, fetched live. */
    record Column(String key, String label, List<Choice> choices) {
    }

    record Choice(String id, String name) {
    }

    /** One row: for this trade and urgency, a chosen value per column key. */
    record Row(String trade, Urgency urgency, Map<String, String> values) {
    }

    /** The columns and their choices, read from the CRM over {@code connection}. */
    List<Column> columns(CrmConnection connection);

    /** The rows kept in a connection's settings. */
    List<Row> rows(Map<String, String> settings);

    /** {@code settings} with its rows replaced by {@code rows}; other settings kept. */
    Map<String, String> withRows(Map<String, String> settings, List<Row> rows);
}
