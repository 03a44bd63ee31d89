package org.bridgeline.store.duckdb.internal;

import static org.bridgeline.store.Tenants.DEFAULT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.InvoiceHeader;
import org.bridgeline.store.InvoiceWriter;
import org.bridgeline.store.StoredInvoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An import killed in the middle of an invoice: the invoice is not there at all, and the import resumes cleanly. */
class ImportCrashTest {

    @TempDir
    Path folder;

    @Test
    void aProcessKilledMidInvoiceLeavesNoPartialInvoice() throws Exception {
        Path database = folder.resolve("bridgeline.duckdb");
        // its temporary folder is the test's: the killed process cannot delete the copy of DuckDB's library its driver makes there
        Process crash = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.io.tmpdir=" + folder,
                "-cp", System.getProperty("java.class.path"), CrashingImport.class.getName(), database.toString())
                .redirectErrorStream(true).start();
        String output = new String(crash.getInputStream().readAllBytes());
        assertTrue(crash.waitFor(120, TimeUnit.SECONDS));
        assertEquals(137, crash.exitValue(), output);
        assertTrue(output.contains("crashing mid-invoice"), output);
        assertTrue(Files.exists(database));

        OpenStore store = new OpenStore(database);
        try {
            List<StoredInvoice> invoices = store.ledger().invoices(LineQuery.ALL);
            assertEquals(List.of("INV-1"), invoices.stream().map(i -> i.header().number()).toList());
            long[] lines = {0};
            store.ledger().lines(LineQuery.ALL, line -> lines[0]++);
            assertEquals(CrashingImport.FIRST_INVOICE_LINES, lines[0], "no line of the interrupted invoice survives");

            // the same file again: the interrupted import resumes, the stored invoice is not doubled
            assertTrue(store.imports.findImport(DEFAULT, "hash-big").isEmpty(), "an unfinished import does not count as done");
            long importId = store.imports.beginImport(DEFAULT, "big.csv", "hash-big", "test");
            assertEquals(invoices.get(0).importId(), importId);
            for (String number : List.of("INV-1", "INV-2")) {
                InvoiceHeader header = Lines.header(number, LocalDate.of(2026, number.equals("INV-1") ? 1 : 2, 1));
                try (InvoiceWriter writer = store.imports.writeInvoice(DEFAULT, importId, header)) {
                    for (int i = 0; i < 5; i++) {
                        writer.append(Lines.line(header, i + 2, "CKT-" + i, ChargeCategory.RECURRING, "MRC", "10"));
                    }
                    writer.commit(null);
                }
            }
            assertEquals(2, store.imports.finishImport(DEFAULT, importId).invoices());
            assertEquals(List.of(1, 1), store.ledger().invoices(LineQuery.ALL).stream().map(StoredInvoice::revision).toList());
            long[] after = {0};
            store.ledger().lines(LineQuery.ALL, line -> after[0]++);
            assertEquals(CrashingImport.FIRST_INVOICE_LINES + 5, after[0]);
        } finally {
            store.close();
        }
    }
}
