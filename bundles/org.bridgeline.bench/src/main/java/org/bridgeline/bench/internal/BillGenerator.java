package org.bridgeline.bench.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

/**
 * Writes a circuit bill of any size in the bench layout: invoices of {@link #LINES_PER_INVOICE}
 * lines, 70% recurring, 20% usage, 10% tax, over 20,000 circuits. Seeded: the same size gives
 * the same file.
 */
final class BillGenerator {

    static final int LINES_PER_INVOICE = 10_000;
    static final String HEADER = "account,invoice,invoice_date,circuit,site,service_type,category,usoc,description,quantity,"
            + "unit_price,amount,period_start,period_end";
    private static final String[] USOCS = {"DIA100", "DIA1G", "STATICIP", "BURST", "FUSF"};

    private BillGenerator() {
    }

    static void write(Path file, long lines) throws IOException {
        Random random = new Random(42);
        LocalDate month = LocalDate.of(2026, 1, 1);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.newLine();
            for (long i = 0; i < lines; i++) {
                long invoice = i / LINES_PER_INVOICE;
                LocalDate start = month.plusMonths(invoice % 12);
                LocalDate end = start.plusMonths(1).minusDays(1);
                int circuit = random.nextInt(20_000);
                int kind = random.nextInt(10);
                String category = kind < 7 ? "RECURRING" : kind < 9 ? "USAGE" : "TAX";
                String usoc = category.equals("TAX") ? "FUSF" : USOCS[random.nextInt(4)];
                BigDecimal quantity = category.equals("USAGE") ? BigDecimal.valueOf(random.nextInt(5000) + 1) : BigDecimal.ONE;
                BigDecimal unitPrice = category.equals("USAGE") ? BigDecimal.valueOf(random.nextInt(90) + 10, 4)
                        : BigDecimal.valueOf(random.nextInt(200_000) + 5_000, 2);
                BigDecimal amount = quantity.multiply(unitPrice);
                out.write("ACC-" + invoice % 50 + ",INV-" + invoice + "," + end.plusDays(5) + ",CKT-" + circuit + ",SITE-"
                        + circuit % 400 + ",DIA," + category + "," + usoc + "," + usoc + " for CKT-" + circuit + ","
                        + quantity.toPlainString() + "," + unitPrice.toPlainString() + "," + amount.toPlainString() + ","
                        + start + "," + end);
                out.newLine();
            }
        }
    }
}
