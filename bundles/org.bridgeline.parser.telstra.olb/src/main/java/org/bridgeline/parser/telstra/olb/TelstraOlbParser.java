package org.bridgeline.parser.telstra.olb;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Set;
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
import org.bridgeline.api.parser.BillingParser;
import org.bridgeline.api.parser.Confidence;
import org.bridgeline.api.parser.FileSample;
import org.bridgeline.api.parser.ParseProblem;
import org.bridgeline.api.parser.ParseSink;
import org.bridgeline.api.parser.ParserInfo;
import org.osgi.service.component.annotations.Component;

/**
 * Telstra On Line Billing (OLB) record files, specification 6.4.
 *
 * <p>DH starts an invoice (its new charges, GST included, are the stated total). DE describes
 * a rental and the DF with the same sequence number prices it: one RECURRING line. DC is a
 * call: a USAGE line. DO is a once-off charge: a ONE_TIME line. Every GST amount becomes a TAX
 * line of its own beside the charge it is on, so amounts are kept ex-GST and GST separately,
 * exactly as billed. DS (service summaries) and TS (service trailers) are subtotals and
 * directory data, not charges: they are checked for shape and counted, not imported.
 */
@Component
public final class TelstraOlbParser implements BillingParser {

    static final String CARRIER = "Telstra";
    private static final Currency AUD = Currency.getInstance("AUD");
    private static final Set<String> RECORD_TYPES = Set.of("DH", "DS", "DE", "DF", "DC", "DO", "TS");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setCommentMarker('#').setIgnoreEmptyLines(true)
            .setTrim(false).get();

    @Override
    public ParserInfo info() {
        return new ParserInfo("telstra-olb", CARRIER, "On Line Billing record file", "6.4");
    }

    @Override
    public Confidence probe(FileSample sample) {
        for (String line : sample.headText(StandardCharsets.ISO_8859_1).split("\r?\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int fields = line.split(",", -1).length;
            if (line.startsWith("DH,") && fields >= 30) {
                return new Confidence(95, "first record is an OLB invoice header (DH) with " + fields + " fields");
            }
            String type = line.length() >= 2 ? line.substring(0, 2) : line;
            if (RECORD_TYPES.contains(type) && line.charAt(2) == ',') {
                return new Confidence(60, "first record has the OLB record type " + type + " but no DH header before it");
            }
            return Confidence.none("first record does not start with an OLB record type (DH, DS, DE, DF, DC, DO, TS)");
        }
        return Confidence.none("no record in the first " + sample.head().length + " bytes");
    }

    @Override
    public void parse(String fileName, InputStream input, ParseSink sink) throws IOException {
        Reader reader = new InputStreamReader(input, StandardCharsets.ISO_8859_1);
        try (CSVParser csv = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            Reading reading = new Reading(fileName, sink);
            long lineOfRecord = 1;
            for (CSVRecord record : csv) {
                if (sink.cancelled()) {
                    return;
                }
                // the parser's line number is where the next record starts; remember where this one did
                SourcePosition position = SourcePosition.of(fileName, record.getRecordNumber(), lineOfRecord);
                lineOfRecord = csv.getCurrentLineNumber() + 1;
                reading.record(new OlbRecord(record, position));
            }
            reading.end();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (IllegalStateException e) {
            // commons-csv reports a malformed quote this way
            sink.problem(new ParseProblem(SourcePosition.ofFile(fileName), null, "well-formed CSV", e.getMessage(), true));
        }
    }

    /** The state of one file's reading: the open invoice and a rental (DE) waiting for its price (DF). */
    private static final class Reading {
        private final String fileName;
        private final ParseSink sink;
        private InvoiceHeader header;
        /** Rentals described (DE) and waiting for their price (DF), by sequence number; a block of DEs precedes its DFs. */
        private final java.util.Map<String, OlbRecord> pendingRentals = new java.util.LinkedHashMap<>();
        private boolean fatal;

        Reading(String fileName, ParseSink sink) {
            this.fileName = fileName;
            this.sink = sink;
        }

        void record(OlbRecord record) {
            if (fatal) {
                return;
            }
            try {
                switch (record.type()) {
                    case "DH" -> invoiceHeader(record);
                    case "DE" -> {
                        record.requireFields(20);
                        pendingRentals.put(record.required(4, "sequence number"), record);
                    }
                    case "DF" -> rentalPrice(record);
                    case "DC" -> call(record);
                    case "DO" -> onceOff(record);
                    case "DS" -> record.requireFields(34);
                    case "TS" -> record.requireFields(2);
                    default -> {
                        sink.problem(new ParseProblem(record.position(), "record type",
                                "an OLB record type (DH, DS, DE, DF, DC, DO or TS)", shorten(record.text(0)), header == null));
                        fatal = header == null; // no invoice header yet: not an OLB file at all
                    }
                }
            } catch (OlbRecord.BadField e) {
                sink.problem(e.problem);
            }
        }

        private void invoiceHeader(OlbRecord record) throws OlbRecord.BadField {
            record.requireFields(17);
            end();
            header = new InvoiceHeader(CARRIER, record.required(1, "account number"), null,
                    record.required(3, "invoice number"), record.date(2, "invoice date"), null, AUD, record.position());
            statedTotal = new Money(record.amount(15, "new charges"), AUD);
            sink.startInvoice(header);
        }

        private Money statedTotal;

        private void rentalPrice(OlbRecord price) throws OlbRecord.BadField {
            price.requireFields(17);
            requireInvoice(price);
            OlbRecord rental = pendingRentals.remove(price.required(4, "sequence number"));
            BigDecimal quantity = rental == null ? BigDecimal.ONE : rental.amount(13, "quantity");
            BigDecimal gross = price.amount(12, "rental excluding GST");
            ChargeLine.Builder line = charge(price, ChargeCategory.RECURRING)
                    .quantity(quantity)
                    .unitPrice(quantity.compareTo(BigDecimal.ONE) == 0 ? new Money(gross, AUD) : null)
                    .amount(new Money(price.amount(14, "net rental excluding GST"), AUD))
                    .description(rental == null ? price.text(11) : rental.text(14))
                    .chargeCode(rental == null ? null : rental.text(18));
            if (rental != null) {
                line.chargePeriod(period(rental, 15, 16));
            }
            emit(line.build(), price.amount(15, "GST"));
        }

        private void call(OlbRecord call) throws OlbRecord.BadField {
            call.requireFields(34);
            requireInvoice(call);
            LocalDate day = call.date(18, "call date");
            String called = call.text(12);
            String place = call.text(16);
            String rate = call.text(21);
            String description = "call to " + (called == null ? "?" : called) + (place == null ? "" : " " + place)
                    + (rate == null ? "" : " (" + rate + ")");
            emit(charge(call, ChargeCategory.USAGE)
                    .chargeCode(call.text(9))
                    .description(description)
                    .destination(called)
                    .usage(call.amount(10, "duration"), "SEC")
                    .chargePeriod(Period.of(day, callEnd(call, day)))
                    .amount(new Money(call.amount(31, "net call charge excluding GST"), AUD))
                    .build(), call.amount(32, "GST"));
        }

        private void onceOff(OlbRecord charge) throws OlbRecord.BadField {
            charge.requireFields(32);
            requireInvoice(charge);
            String what = charge.text(12);
            String detail = charge.text(26);
            emit(charge(charge, ChargeCategory.ONE_TIME)
                    .chargeCode(charge.text(20))
                    .description(what == null ? detail : detail == null ? what : what + ": " + detail)
                    .chargePeriod(period(charge, 15, 16))
                    .amount(new Money(charge.amount(29, "net once-off charge excluding GST"), AUD))
                    .build(), charge.amount(30, "GST"));
        }

        private ChargeLine.Builder charge(OlbRecord record, ChargeCategory category) throws OlbRecord.BadField {
            String service = record.required(6, "service number");
            return ChargeLine.builder().invoice(header).serviceId(service)
                    .serviceType(service.startsWith("04") ? ServiceType.WIRELESS : ServiceType.VOICE_LINE)
                    .category(category).source(record.position());
        }

        /** The charge, and its GST as a TAX line of its own when there is any. */
        private void emit(ChargeLine line, BigDecimal gst) {
            sink.line(line);
            if (gst.signum() != 0) {
                sink.line(line.toBuilder().category(ChargeCategory.TAX).chargeCode("GST").tax("GST", "AU")
                        .description("GST on " + (line.description() == null ? "charge" : line.description()))
                        .quantity(null).unitPrice(null).usage(null, null).amount(new Money(gst, AUD)).build());
            }
        }

        private static LocalDate callEnd(OlbRecord call, LocalDate day) throws OlbRecord.BadField {
            LocalDate end = call.optionalDate(19, "call end date");
            if (end == null) {
                return day;
            }
            if (end.isBefore(day)) {
                throw new OlbRecord.BadField(ParseProblem.of(call.position(), "call end date", "a date on or after " + day + " (the call date)",
                        call.text(19)));
            }
            return end;
        }

        private static Period period(OlbRecord record, int start, int end) throws OlbRecord.BadField {
            LocalDate from = record.optionalDate(start, "period start");
            LocalDate to = record.optionalDate(end, "period end");
            if (from == null) {
                return null;
            }
            return Period.of(from, to == null || to.isBefore(from) ? from : to);
        }

        private void requireInvoice(OlbRecord record) throws OlbRecord.BadField {
            if (header == null) {
                throw new OlbRecord.BadField(ParseProblem.of(record.position(), "record type",
                        "an invoice header (DH) before any charge", record.type()));
            }
        }

        /** A rental described (DE) but never priced (DF) is a charge the file does not state: report it. */
        private void flushRentals() {
            for (OlbRecord rental : pendingRentals.values()) {
                sink.problem(ParseProblem.of(rental.position(), "rental price",
                        "a DF record with sequence number " + rental.text(4) + " in the same invoice", "none"));
            }
            pendingRentals.clear();
        }

        void end() {
            flushRentals();
            if (header != null) {
                sink.endInvoice(statedTotal);
                header = null;
            }
        }

        private static String shorten(String value) {
            return value == null ? "" : value.length() > 40 ? value.substring(0, 40) + "..." : value;
        }
    }
}
