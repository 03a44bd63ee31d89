package org.bridgeline.parser.x12.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

/**
 * X12 811 Consolidated Service Invoice/Statement, read with one carrier profile. Each ST..SE
 * transaction is one invoice: BIG (date, number), REF (account), DTM (period), CUR (currency)
 * in the heading; the HL tree; IT1 line items with SI, PID, AMT, DTM and TXI; TDS (stated total,
 * two implied decimals), CTT (line item count) and SE (segment count) checked at the end.
 */
final class X12Parser implements BillingParser {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final X12Profile profile;

    X12Parser(X12Profile profile) {
        this.profile = profile;
    }

    @Override
    public ParserInfo info() {
        return new ParserInfo(profile.id(), profile.forAnySender() ? "any (X12 811 sender)" : String.join(", ", profile.senders().values()),
                profile.format(), "004010");
    }

    @Override
    public Confidence probe(FileSample sample) {
        String head = sample.headText(StandardCharsets.ISO_8859_1).stripLeading();
        if (head.length() < SegmentReader.ISA_LENGTH || !head.startsWith("ISA")) {
            return Confidence.none("no ISA interchange header");
        }
        char element = head.charAt(3);
        String[] isa = head.substring(0, SegmentReader.ISA_LENGTH).split(java.util.regex.Pattern.quote(String.valueOf(element)), -1);
        if (isa.length < 17) {
            return Confidence.none("ISA header has " + isa.length + " elements, expected 17");
        }
        String sender = isa[6].strip();
        if (!head.contains("ST" + element + "811")) {
            return Confidence.none("X12 interchange without an 811 transaction in its first bytes");
        }
        if (profile.forAnySender()) {
            return new Confidence(85, "X12 811 from sender " + sender + " (standard levels)");
        }
        return profile.senders().containsKey(sender) ? new Confidence(95, "X12 811 from " + sender + ", this profile's carrier")
                : Confidence.none("X12 811 from sender " + sender + ", not " + profile.senders().keySet());
    }

    @Override
    public void parse(String fileName, InputStream input, ParseSink sink) throws IOException {
        SegmentReader reader;
        try {
            reader = new SegmentReader(new InputStreamReader(input, StandardCharsets.ISO_8859_1));
        } catch (SegmentReader.NotX12 e) {
            sink.problem(new ParseProblem(SourcePosition.of(fileName, 1, 1), "ISA", e.getMessage().substring(0, e.getMessage().indexOf(", found")),
                    e.getMessage().substring(e.getMessage().indexOf("found \"") + 7, e.getMessage().length() - 1), true));
            return;
        }
        new Reading(fileName, sink, reader).run();
    }

    /** One file's reading. */
    private final class Reading {
        private final String fileName;
        private final ParseSink sink;
        private final SegmentReader reader;
        private String sender;
        // the transaction (invoice) being read
        private boolean inTransaction;
        private long transactionSegments;
        private String number;
        private LocalDate date;
        private String account;
        private String subAccount;
        private LocalDate periodStart;
        private LocalDate periodEnd;
        private Currency currency = Currency.getInstance("USD");
        private InvoiceHeader header;
        private final Set<String> hlIds = new HashSet<>();
        private String currentLevel;
        private long lineItems;
        private Money statedTotal;
        private boolean fatal;
        // the line item being read
        private Charge charge;

        Reading(String fileName, ParseSink sink, SegmentReader reader) {
            this.fileName = fileName;
            this.sink = sink;
            this.reader = reader;
        }

        void run() throws IOException {
            for (List<String> segment = reader.next(); segment != null; segment = reader.next()) {
                if (sink.cancelled()) {
                    return;
                }
                String id = segment.get(0).strip();
                if (inTransaction) {
                    transactionSegments++;
                }
                try {
                    segment(id, segment);
                } catch (Bad e) {
                    problem(e.field, e.expected, e.found, e.fatal);
                }
            }
            if (inTransaction) {
                problem("SE", "an SE segment closing the transaction", "the end of the file", true);
            }
            endTransaction(); // also an invoice begun where a damaged ST left no transaction open
        }

        private void segment(String id, List<String> e) throws Bad {
            switch (id) {
                case "ISA" -> sender = element(e, 6, "ISA06 sender id").strip();
                case "GS", "GE", "IEA" -> { }
                case "ST" -> {
                    if (!"811".equals(element(e, 1, "ST01"))) {
                        throw new Bad("ST01", "transaction set 811", e.get(1), true);
                    }
                    startTransaction();
                }
                case "BIG" -> {
                    date = date(e, 1, "BIG01 invoice date");
                    number = element(e, 2, "BIG02 invoice number");
                }
                case "REF" -> ref(e);
                case "DTM" -> dtm(e);
                case "CUR" -> currency(e);
                case "HL" -> hl(e);
                case "IT1" -> it1(e);
                case "SI" -> si(e);
                case "PID" -> {
                    requireCharge("PID");
                    target().description = e.size() > 5 ? blankToNull(e.get(5)) : null;
                }
                case "QTY" -> {
                    requireCharge("QTY");
                    target().usage = decimal(e, 2, "QTY02 quantity");
                    target().usageUnit = e.size() > 3 ? blankToNull(e.get(3)) : null;
                }
                case "AMT" -> amt(e);
                case "TXI" -> txi(e);
                case "SLN" -> sln(e);
                case "TCD" -> tcd(e);
                case "N1", "N3", "N4", "NM1", "ITA", "MSG" -> { }
                case "TDS" -> {
                    flushCharge();
                    statedTotal = new Money(decimal(e, 1, "TDS01 total").movePointLeft(2), currency);
                }
                case "CTT" -> {
                    flushCharge();
                    long declared = decimal(e, 1, "CTT01 number of line items").longValue();
                    if (declared != lineItems) {
                        throw new Bad("CTT01", lineItems + " line items (the IT1 segments of this invoice)", String.valueOf(declared), true);
                    }
                }
                case "SE" -> {
                    flushCharge();
                    long declared = decimal(e, 1, "SE01 number of segments").longValue();
                    if (declared != transactionSegments) {
                        problem("SE01", transactionSegments + " segments from ST to SE", String.valueOf(declared), true);
                    }
                    endTransaction();
                }
                default -> problem("segment id", "an 811 segment", id, false);
            }
        }

        private void startTransaction() {
            if (inTransaction) {
                problem("SE", "an SE segment before the next ST", "ST", true);
            }
            endTransaction();
            inTransaction = true;
            transactionSegments = 1;
            number = null;
            date = null;
            account = null;
            subAccount = null;
            periodStart = null;
            periodEnd = null;
            header = null;
            hlIds.clear();
            currentLevel = null;
            lineItems = 0;
            statedTotal = null;
            fatal = false;
            charge = null;
        }

        private void endTransaction() {
            if (header != null) {
                sink.endInvoice(statedTotal);
            }
            header = null;
            inTransaction = false;
        }

        private void ref(List<String> e) throws Bad {
            String field = profile.ref().get(element(e, 1, "REF01 qualifier"));
            if (field == null) {
                return;
            }
            String value = element(e, 2, "REF02 " + field);
            if (field.equals("account")) {
                if (header == null) {
                    account = value;
                } else if (!value.equals(header.account())) {
                    throw new Bad("REF02 account", "the invoice's account " + header.account(), value, false);
                }
            } else if (field.equals("subAccount")) {
                subAccount = value;
            }
        }

        private void dtm(List<String> e) throws Bad {
            String qualifier = element(e, 1, "DTM01 qualifier");
            LocalDate value = date(e, 2, "DTM02 date");
            if (qualifier.equals(profile.dtm().get("periodStart"))) {
                periodStart = value;
            } else if (qualifier.equals(profile.dtm().get("periodEnd"))) {
                periodEnd = value;
            } else if (charge != null && qualifier.equals(profile.dtm().get("chargeStart"))) {
                target().start = value;
            } else if (charge != null && qualifier.equals(profile.dtm().get("chargeEnd"))) {
                target().end = value;
            }
        }

        private void currency(List<String> e) throws Bad {
            String code = element(e, 2, "CUR02 currency");
            try {
                currency = Currency.getInstance(code);
            } catch (IllegalArgumentException ex) {
                throw new Bad("CUR02", "an ISO 4217 currency code", code, true);
            }
        }

        private void hl(List<String> e) throws Bad {
            flushCharge();
            String id = element(e, 1, "HL01 id");
            String parent = e.size() > 2 ? e.get(2).strip() : "";
            String code = element(e, 3, "HL03 level code");
            String level = profile.levels().get(code);
            if (level == null) {
                throw new Bad("HL03", "a level code of profile " + profile.id() + " " + profile.levels().keySet(), code, true);
            }
            if (!parent.isEmpty() && !hlIds.contains(parent)) {
                throw new Bad("HL02", "the id of an earlier HL (parent of HL " + id + ")", parent, true);
            }
            if (!hlIds.add(id)) {
                throw new Bad("HL01", "an id not used before in this invoice", id, true);
            }
            currentLevel = level;
            if (header == null) {
                startInvoice();
            }
        }

        private void startInvoice() throws Bad {
            if (number == null || date == null) {
                throw new Bad("BIG", "a BIG segment (invoice date and number) before the first HL", "none", true);
            }
            if (account == null) {
                throw new Bad("REF", "a REF with the billing account qualifier " + profile.ref().entrySet().stream()
                        .filter(entry -> entry.getValue().equals("account")).map(java.util.Map.Entry::getKey).toList()
                        + " before the first HL", "none", true);
            }
            header = new InvoiceHeader(profile.carrier(sender), account, subAccount, number, date,
                    periodStart == null || periodEnd == null || periodEnd.isBefore(periodStart) ? null : Period.of(periodStart, periodEnd),
                    currency, position());
            sink.startInvoice(header);
        }

        private void it1(List<String> e) throws Bad {
            flushCharge();
            if (header == null) {
                throw new Bad("IT1", "an HL loop before the first line item", "IT1", true);
            }
            lineItems++;
            charge = new Charge(position());
            charge.quantity = e.size() > 2 && !e.get(2).isBlank() ? decimal(e, 2, "IT102 quantity") : null;
            charge.unit = e.size() > 3 ? blankToNull(e.get(3)) : null;
            charge.unitPrice = e.size() > 4 && !e.get(4).isBlank() ? decimal(e, 4, "IT104 unit price") : null;
        }

        private void si(List<String> e) throws Bad {
            requireCharge("SI");
            for (int i = 2; i + 1 < e.size(); i += 2) {
                String field = profile.si().get(e.get(i).strip());
                String value = blankToNull(e.get(i + 1));
                if (field == null || value == null) {
                    continue;
                }
                switch (field) {
                    case "serviceId" -> charge.serviceId = value;
                    case "chargeCode" -> charge.chargeCode = value;
                    case "site" -> charge.site = value;
                    case "bandwidthMbps" -> charge.bandwidth = decimalValue(value, "SI " + e.get(i) + " bandwidth");
                    case "serviceType" -> {
                        ServiceType type = profile.serviceTypes() == null ? null : profile.serviceTypes().get(value);
                        if (type == null) {
                            throw new Bad("SI " + e.get(i), "a service type code of profile " + profile.id(), value, false);
                        }
                        charge.serviceType = type;
                    }
                    default -> { }
                }
            }
        }

        private void amt(List<String> e) throws Bad {
            requireCharge("AMT");
            String qualifier = element(e, 1, "AMT01 qualifier");
            ChargeCategory category = profile.amt().get(qualifier);
            if (category == null) {
                throw new Bad("AMT01", "an amount qualifier of profile " + profile.id() + " " + profile.amt().keySet(), qualifier, false);
            }
            Charge into = target();
            into.category = category;
            into.amount = decimal(e, 2, "AMT02 amount");
        }

        /** Where a PID, QTY, AMT or DTM belongs: the open subline (SLN), else the line item. */
        private Charge target() {
            return charge.openSubline != null ? charge.openSubline : charge;
        }

        /** SLN: a component of the line item, with its own PID, AMT and DTM; the lowest charge element. */
        private void sln(List<String> e) throws Bad {
            requireCharge("SLN");
            Charge sub = new Charge(position());
            sub.quantity = e.size() > 4 && !e.get(4).isBlank() ? decimal(e, 4, "SLN04 quantity") : null;
            sub.unit = e.size() > 5 ? blankToNull(e.get(5)) : null;
            sub.unitPrice = e.size() > 6 && !e.get(6).isBlank() ? decimal(e, 6, "SLN06 unit price") : null;
            sub.category = charge.category;
            charge.details.add(sub);
            charge.openSubline = sub;
        }

        /** TCD: one itemised call of the line item, a usage detail line; element positions come from the profile. */
        private void tcd(List<String> e) throws Bad {
            requireCharge("TCD");
            charge.openSubline = null;
            java.util.Map<String, String> at = profile.tcd() == null ? java.util.Map.of() : profile.tcd();
            Charge call = new Charge(position());
            call.category = ChargeCategory.USAGE;
            call.amount = decimal(e, index(at, "amount"), "TCD" + at.get("amount") + " amount");
            LocalDate day = at.containsKey("date") ? date(e, index(at, "date"), "TCD" + at.get("date") + " date") : null;
            call.start = day;
            call.end = day;
            if (at.containsKey("quantity") && e.size() > index(at, "quantity") && !e.get(index(at, "quantity")).isBlank()) {
                call.usage = decimal(e, index(at, "quantity"), "TCD" + at.get("quantity") + " quantity");
                call.usageUnit = at.get("unit");
            }
            String from = at.containsKey("from") && e.size() > index(at, "from") ? blankToNull(e.get(index(at, "from"))) : null;
            String to = at.containsKey("to") && e.size() > index(at, "to") ? blankToNull(e.get(index(at, "to"))) : null;
            call.description = "call" + (from == null ? "" : " from " + from) + (to == null ? "" : " to " + to);
            call.destination = to;
            charge.details.add(call);
        }

        private int index(java.util.Map<String, String> positions, String field) throws Bad {
            String value = positions.get(field);
            if (value == null) {
                throw new Bad("TCD", "a profile that places the TCD " + field, "none in profile " + profile.id(), false);
            }
            return Integer.parseInt(value);
        }

        private void txi(List<String> e) throws Bad {
            requireCharge("TXI");
            String type = element(e, 1, "TXI01 tax type");
            BigDecimal amount = decimal(e, 2, "TXI02 tax amount");
            String jurisdiction = e.size() > 5 ? blankToNull(e.get(5)) : null;
            charge.taxes.add(new Tax(type, amount, jurisdiction, position()));
        }

        private void requireCharge(String segment) throws Bad {
            if (charge == null) {
                throw new Bad(segment, "an IT1 line item before " + segment, segment + " outside a line item", false);
            }
        }

        /** The line item ends: its charge, then a TAX line per TXI. A bad item is reported at its IT1; reading goes on. */
        private void flushCharge() {
            Charge item = charge;
            charge = null;
            if (item == null) {
                return;
            }
            try {
                emit(item);
            } catch (Bad bad) {
                sink.problem(new ParseProblem(item.position, bad.field, bad.expected, bad.found, bad.fatal));
            }
        }

        private void emit(Charge item) throws Bad {
            BigDecimal detailTotal = item.details.stream().map(detail -> detail.amount == null ? BigDecimal.ZERO : detail.amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (item.amount == null && item.details.isEmpty()) {
                throw new Bad("AMT", "an AMT segment with the line item's amount", "none", false);
            }
            if (item.amount != null && !item.details.isEmpty() && item.amount.compareTo(detailTotal) != 0) {
                throw new Bad("AMT02", "the sum of the line item's SLN and TCD details, " + detailTotal.toPlainString(),
                        item.amount.toPlainString(), false);
            }
            for (Charge detail : item.details) {
                if (detail.amount == null) {
                    throw new Bad("AMT", "an AMT segment for the subline at " + detail.position, "none", false);
                }
            }
            // an item stated only by its details has no amount of its own: its taxes take the first detail's line
            ChargeLine line = line(item, item.amount != null ? item : item.details.get(0));
            if (item.details.isEmpty()) {
                sink.line(line);
            } else {
                // the details are the lowest charge elements: they replace the line item they add up to
                for (Charge detail : item.details) {
                    sink.line(line(item, detail));
                }
            }
            for (Tax tax : item.taxes) {
                sink.line(line.toBuilder().category(ChargeCategory.TAX).chargeCode(tax.type).tax(tax.type, tax.jurisdiction)
                        .description(tax.type + " on " + (item.description == null ? "line item" : item.description))
                        .quantity(null).unit(null).unitPrice(null).usage(null, null).amount(new Money(tax.amount, currency))
                        .source(tax.position).build());
            }
        }

        /** A line for the item, with a detail's own amount, quantity, period and description where it has them. */
        private ChargeLine line(Charge item, Charge own) {
            LocalDate start = own.start != null ? own.start : item.start;
            LocalDate end = own.end != null ? own.end : item.end;
            Period period = start == null ? null : Period.of(start, end == null || end.isBefore(start) ? start : end);
            String description = own == item || own.description == null ? item.description
                    : item.description == null ? own.description : item.description + ": " + own.description;
            return ChargeLine.builder().invoice(header).serviceId(item.serviceId).site(item.site)
                    .serviceType(item.serviceType).category(own.category).chargeCode(item.chargeCode).description(description)
                    .quantity(own.quantity).unit(own.unit).unitPrice(own.unitPrice == null ? null : new Money(own.unitPrice, currency))
                    .amount(new Money(own.amount, currency)).chargePeriod(period).bandwidthMbps(item.bandwidth)
                    .usage(own.usage, own.usageUnit).destination(own.destination).source(own.position).build();
        }

        private SourcePosition position() {
            return SourcePosition.of(fileName, reader.segmentNumber(), reader.segmentLine());
        }

        private void problem(String field, String expected, String found, boolean isFatal) {
            sink.problem(new ParseProblem(position(), field, expected, found, isFatal));
        }

        private String element(List<String> e, int index, String field) throws Bad {
            if (index >= e.size() || e.get(index).isBlank()) {
                throw new Bad(field, "a value", "", false);
            }
            return e.get(index).strip();
        }

        private BigDecimal decimal(List<String> e, int index, String field) throws Bad {
            return decimalValue(element(e, index, field), field);
        }

        private BigDecimal decimalValue(String value, String field) throws Bad {
            try {
                return new BigDecimal(value);
            } catch (NumberFormatException ex) {
                throw new Bad(field, "a decimal number", value, false);
            }
        }

        private LocalDate date(List<String> e, int index, String field) throws Bad {
            String value = element(e, index, field);
            try {
                return LocalDate.parse(value, DATE);
            } catch (DateTimeParseException ex) {
                throw new Bad(field, "a date as CCYYMMDD", value, false);
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A line item being read. */
    private static final class Charge {
        final SourcePosition position;
        BigDecimal quantity;
        String unit;
        BigDecimal unitPrice;
        BigDecimal amount;
        ChargeCategory category = ChargeCategory.RECURRING;
        String serviceId;
        String chargeCode;
        String site;
        BigDecimal bandwidth;
        ServiceType serviceType = ServiceType.OTHER;
        String description;
        BigDecimal usage;
        String usageUnit;
        String destination;
        LocalDate start;
        LocalDate end;
        final List<Tax> taxes = new java.util.ArrayList<>();
        /** SLN sublines and TCD calls that make up this line item. */
        final List<Charge> details = new java.util.ArrayList<>();
        Charge openSubline;

        Charge(SourcePosition position) {
            this.position = position;
        }
    }

    private record Tax(String type, BigDecimal amount, String jurisdiction, SourcePosition position) {
    }

    /** A segment that does not read as the 811 and the profile say. */
    private static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;
        final String field;
        final String expected;
        final String found;
        final boolean fatal;

        Bad(String field, String expected, String found, boolean fatal) {
            super(field, null, false, false);
            this.field = field;
            this.expected = expected;
            this.found = found;
            this.fatal = fatal;
        }
    }
}
