package org.bridgeline.store.jdbc;

import java.util.ArrayList;
import java.util.List;
import org.bridgeline.api.detect.LineQuery;

/** The WHERE clause for current invoices of a tenant matching a query's carrier, account and period. */
record Filter(String sql, List<Object> parameters) {

    static Filter of(String tenant, LineQuery query, String invoiceAlias) {
        String a = invoiceAlias + ".";
        StringBuilder sql = new StringBuilder(a + "tenant = ? AND " + a + "superseded_by = 0");
        List<Object> parameters = new ArrayList<>(List.of(tenant));
        if (query.carrier() != null) {
            sql.append(" AND ").append(a).append("carrier = ?");
            parameters.add(query.carrier());
        }
        if (query.account() != null) {
            sql.append(" AND ").append(a).append("account = ?");
            parameters.add(query.account());
        }
        if (query.period() != null) {
            // an invoice without a billing period is placed by its date
            sql.append(" AND COALESCE(").append(a).append("period_end, ").append(a).append("invoice_date) >= ?")
                    .append(" AND COALESCE(").append(a).append("period_start, ").append(a).append("invoice_date) <= ?");
            parameters.add(query.period().start());
            parameters.add(query.period().end());
        }
        return new Filter(sql.toString(), parameters);
    }
}
