package org.bridgeline.bench.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * Writes an X12 811 interchange with as many charge lines as asked: transactions (invoices) of
 * {@link BillGenerator#LINES_PER_INVOICE} lines; each line item is IT1, SI, PID, AMT and two DTM;
 * every tenth line is a TXI on the item before it. Seeded: the same size gives the same file.
 */
final class X12Generator {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private X12Generator() {
    }

    static void write(Path file, long lines) throws IOException {
        Random random = new Random(42);
        LocalDate month = LocalDate.of(2026, 1, 1);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            out.write("ISA*00*          *00*          *ZZ*BENCHTEL       *ZZ*ENTERPRISE     *260205*1200*U*00401*000000001*0*P*>~\n");
            out.write("GS*CI*BENCHTEL*ENTERPRISE*20260205*1200*1*X*004010~\n");
            long written = 0;
            for (long invoice = 0; written < lines; invoice++) {
                LocalDate start = month.plusMonths(invoice % 12);
                LocalDate end = start.plusMonths(1).minusDays(1);
                long segments = 0;
                BigDecimal total = BigDecimal.ZERO;
                StringBuilder body = new StringBuilder();
                body.append("ST*811*").append(invoice).append("~\n");
                body.append("BIG*").append(DATE.format(end.plusDays(5))).append("*INV-").append(invoice).append("~\n");
                body.append("REF*12*ACC-").append(invoice % 50).append("~\n");
                body.append("DTM*186*").append(DATE.format(start)).append("~\nDTM*187*").append(DATE.format(end)).append("~\n");
                body.append("CUR*BY*USD~\nHL*1**1~\nHL*2*1*2~\nHL*3*2*8~\n");
                segments += 9; // ST, BIG, REF, two DTM, CUR, three HL
                long items = 0;
                long inInvoice = Math.min(BillGenerator.LINES_PER_INVOICE, lines - written);
                for (long i = 0; i < inInvoice; i++) {
                    if (i % 10 == 9) {
                        BigDecimal tax = BigDecimal.valueOf(random.nextInt(5000) + 1, 2);
                        total = total.add(tax);
                        body.append("TXI*FU*").append(tax.toPlainString()).append("**VD*US~\n");
                        segments++;
                        continue;
                    }
                    int circuit = random.nextInt(20_000);
                    boolean usage = random.nextInt(10) < 2;
                    BigDecimal quantity = usage ? BigDecimal.valueOf(random.nextInt(5000) + 1) : BigDecimal.ONE;
                    BigDecimal unitPrice = usage ? BigDecimal.valueOf(random.nextInt(90) + 10, 4)
                            : BigDecimal.valueOf(random.nextInt(200_000) + 5_000, 2);
                    // an 811 states amounts in cents (TDS has two implied decimals): usage is billed rounded
                    BigDecimal amount = quantity.multiply(unitPrice).setScale(2, java.math.RoundingMode.HALF_EVEN);
                    total = total.add(amount);
                    items++;
                    body.append("IT1*").append(items).append('*').append(quantity.toPlainString()).append(usage ? "*MIN*" : "*MO*")
                            .append(unitPrice.toPlainString()).append("~\n");
                    body.append("SI*TI*CI*CKT-").append(circuit).append("*SC*").append(usage ? "BURST" : "DIA100")
                            .append("*SL*SITE-").append(circuit % 400).append("*BW*100*ST*DIA~\n");
                    body.append("PID*F****").append(usage ? "Burst usage" : "Dedicated internet 100 Mbps").append("~\n");
                    body.append("AMT*").append(usage ? "US" : "RC").append('*').append(amount.toPlainString()).append("~\n");
                    body.append("DTM*150*").append(DATE.format(start)).append("~\nDTM*151*").append(DATE.format(end)).append("~\n");
                    segments += 6;
                }
                written += inInvoice;
                body.append("TDS*").append(total.movePointRight(2).setScale(0, java.math.RoundingMode.UNNECESSARY).toPlainString()).append("~\n");
                body.append("CTT*").append(items).append("~\n");
                segments += 3; // TDS, CTT, SE
                body.append("SE*").append(segments).append('*').append(invoice).append("~\n");
                out.write(body.toString());
            }
            out.write("GE*1*1~\nIEA*1*000000001~\n");
        }
    }
}
