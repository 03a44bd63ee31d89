package org.bridgeline.store.duckdb.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.InvoiceHeader;
import static org.bridgeline.store.Tenants.DEFAULT;
import org.bridgeline.store.InvoiceWriter;

/**
 * Run in a JVM of its own by {@link ImportCrashTest}: stores one invoice, then dies (as kill -9
 * would) in the middle of the second, after 100,000 of its lines reached the database.
 */
public final class CrashingImport {

    static final int FIRST_INVOICE_LINES = 3;
    static final int LINES_BEFORE_CRASH = 100_000;

    public static void main(String[] args) throws Exception {
        OpenStore store = new OpenStore(Path.of(args[0]));
        long importId = store.imports.beginImport(DEFAULT, "big.csv", "hash-big", "test");
        InvoiceHeader first = Lines.header("INV-1", LocalDate.of(2026, 1, 1));
        try (InvoiceWriter writer = store.imports.writeInvoice(DEFAULT, importId, first)) {
            for (int i = 0; i < FIRST_INVOICE_LINES; i++) {
                writer.append(Lines.line(first, i + 2, "CKT-" + i, ChargeCategory.RECURRING, "MRC", "10"));
            }
            writer.commit(null);
        }
        InvoiceHeader second = Lines.header("INV-2", LocalDate.of(2026, 2, 1));
        InvoiceWriter writer = store.imports.writeInvoice(DEFAULT, importId, second);
        for (int i = 0; i < LINES_BEFORE_CRASH; i++) {
            writer.append(Lines.line(second, i + 2, "CKT-" + i % 100, ChargeCategory.USAGE, "MIN", "0.02"));
        }
        System.out.println("crashing mid-invoice");
        System.out.flush();
        Runtime.getRuntime().halt(137);
    }
}
