package org.bridgeline.bench.internal;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.InvoiceHeader;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.Period;
import org.bridgeline.api.model.ServiceType;
import org.bridgeline.api.model.SourcePosition;

/** The baselines: commons-csv with the values converted, and the same rows as model objects in memory. */
final class BareCsv {

    private static final Currency USD = Currency.getInstance("USD");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    private BareCsv() {
    }

    /** (a): parse and convert every amount and date; returns a checksum so nothing is optimised away. */
    static long parseAndConvert(Path file) throws IOException {
        long checksum = 0;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser csv = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            for (CSVRecord record : csv) {
                BigDecimal quantity = new BigDecimal(record.get(9));
                BigDecimal unitPrice = new BigDecimal(record.get(10));
                BigDecimal amount = new BigDecimal(record.get(11));
                LocalDate invoiceDate = LocalDate.parse(record.get(2));
                LocalDate start = LocalDate.parse(record.get(12));
                LocalDate end = LocalDate.parse(record.get(13));
                checksum += quantity.signum() + unitPrice.scale() + amount.precision() + invoiceDate.getDayOfMonth()
                        + start.getMonthValue() + end.getDayOfMonth();
            }
        }
        return checksum;
    }

    /** One invoice's header and lines, built in memory for the store baseline. */
    record InvoiceInMemory(InvoiceHeader header, List<ChargeLine> lines) {
    }

    /** (b)'s input: the file as model objects, grouped by invoice. */
    static List<InvoiceInMemory> load(Path file) throws IOException {
        List<InvoiceInMemory> invoices = new ArrayList<>();
        String name = file.getFileName().toString();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser csv = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            InvoiceInMemory current = null;
            for (CSVRecord record : csv) {
                if (current == null || !current.header().number().equals(record.get(1))) {
                    current = new InvoiceInMemory(new InvoiceHeader("Bench Carrier", record.get(0), null, record.get(1),
                            LocalDate.parse(record.get(2)), null, USD, SourcePosition.of(name, record.getRecordNumber(), 0)),
                            new ArrayList<>());
                    invoices.add(current);
                }
                current.lines().add(ChargeLine.builder().invoice(current.header()).serviceId(record.get(3)).site(record.get(4))
                        .serviceType(ServiceType.DIA).category(ChargeCategory.valueOf(record.get(6))).chargeCode(record.get(7))
                        .description(record.get(8)).quantity(new BigDecimal(record.get(9)))
                        .unitPrice(new Money(new BigDecimal(record.get(10)), USD)).amount(new Money(new BigDecimal(record.get(11)), USD))
                        .chargePeriod(Period.of(LocalDate.parse(record.get(12)), LocalDate.parse(record.get(13))))
                        .source(SourcePosition.of(name, record.getRecordNumber(), record.getRecordNumber() + 1)).build());
            }
        }
        return invoices;
    }
}
