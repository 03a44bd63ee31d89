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
import java.util.List;
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
    /** Distinct dates kept read in one file before the memory starts afresh (a usage file has a date per call). */
    private static final int DATES_KEPT = 1024;

    private final X12Profile profile;

    X12Parser(X12Profile profile) {
        this.profile = profile;
    }

    X12Profile profile() {
        return profile;
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
        /** The transaction's HL loops by HL01, each with what its descendants inherit. */
        private final java.util.Map<String, Node> nodes = new java.util.HashMap<>();
        private Node current;
        /** The heading's REF values by qualifier: the account is the profile's most preferred qualifier present. */
        private final java.util.Map<String, String> headingRefs = new java.util.HashMap<>();
        private long lineItems;
        private Money statedTotal;
        /** Dates as read: a bill states its few dates on every line item, and each is read once. */
        private final java.util.Map<String, LocalDate> dates = new java.util.HashMap<>();
        /** A fatal problem in this transaction: it was reported once; the segments up to its SE are skipped and counted. */
        private boolean skipping;
        private long skipped;
        /** Segments the profile does not use, by id: skipped, counted, and listed once at the end with the first place. */
        private final java.util.Map<String, long[]> unused = new java.util.TreeMap<>();
        private final java.util.Map<String, SourcePosition> firstUnused = new java.util.HashMap<>();
        /** Service type codes the profile does not map, with where each was first seen. */
        private final java.util.Map<String, SourcePosition> unknownTypes = new java.util.TreeMap<>();
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
                if (skipping && !id.equals("SE") && !id.equals("ST")) {
                    skipped++;
                    continue;
                }
                try {
                    segment(id, segment);
                } catch (Bad e) {
                    problem(e.field, e.expected, e.found, e.fatal);
                    if (e.fatal && inTransaction) {
                        // one report per root cause: the rest of the transaction would only repeat it
                        skipping = true;
                        skipped = 0;
                    }
                }
            }
            if (inTransaction) {
                problem("SE", "an SE segment closing the transaction", "the end of the file", true);
            }
            endTransaction(); // also an invoice begun where a damaged ST left no transaction open
            unused.forEach((id, count) -> sink.warning(ParseProblem.of(firstUnused.get(id), id, "a segment profile " + profile.id()
                    + " reads; skipped " + count[0] + (count[0] == 1 ? " time" : " times") + ", first", id)));
            unknownTypes.forEach((code, at) -> sink.warning(ParseProblem.of(at, "SI " + code.substring(0, code.indexOf(' ')),
                    "a service type code of profile " + profile.id() + " (read as OTHER)", code.substring(code.indexOf(' ') + 1))));
        }

        private void segment(String id, List<String> e) throws Bad {
            switch (id) {
                case "ISA" -> sender = element(e, 6, "ISA06 sender id").strip();
                case "GS", "GE", "IEA" -> { }
                case "ST" -> {
                    startTransaction(); // first: another transaction set is skipped to its SE as a whole
                    if (!"811".equals(element(e, 1, "ST01"))) {
                        throw new Bad("ST01", "transaction set 811", e.get(1), true);
                    }
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
                case "TDS" -> {
                    flushCharge();
                    statedTotal = new Money(decimal(e, 1, "TDS01 total").movePointLeft(2), currency);
                    current = null; // the summary: what follows (TXI, ITA) is the invoice's, not the last loop's
                }
                case "ITA" -> allowanceOrCharge(e, ITA);
                case "SAC" -> allowanceOrCharge(e, SAC);
                case "N1" -> n1(id, e);
                case "CTT" -> {
                    flushCharge();
                    long declared = decimal(e, 1, "CTT01 number of line items").longValue();
                    if (declared != lineItems) {
                        throw new Bad("CTT01", lineItems + " line items (the IT1 segments of this invoice)", String.valueOf(declared), true);
                    }
                }
                case "SE" -> {
                    if (skipping) {
                        sink.warning(ParseProblem.of(position(), null, "the transaction read to its SE", skipped
                                + " segments skipped after its fatal problem"));
                        endTransaction();
                        return;
                    }
                    flushCharge();
                    long declared = decimal(e, 1, "SE01 number of segments").longValue();
                    if (declared != transactionSegments) {
                        problem("SE01", transactionSegments + " segments from ST to SE", String.valueOf(declared), true);
                    }
                    endTransaction();
                }
                default -> {
                    // NTE, ITD, N1..N4, PER, FA1, BAL, IT3, SAC, PAM, ...: in the 811, not what this profile reads
                    unused.computeIfAbsent(id, k -> new long[1])[0]++;
                    firstUnused.putIfAbsent(id, position());
                }
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
            nodes.clear();
            current = null;
            headingRefs.clear();
            lineItems = 0;
            statedTotal = null;
            skipping = false;
            charge = null;
            pendingTaxes.clear();
        }

        private void endTransaction() {
            if (header != null) {
                sink.endInvoice(statedTotal);
            }
            header = null;
            inTransaction = false;
            skipping = false;
        }

        /** REF: in the heading, the invoice's; after an HL, that loop's, inherited by what is beneath it. */
        private void ref(List<String> e) throws Bad {
            String qualifier = element(e, 1, "REF01 qualifier");
            if (profile.ref().get(qualifier) == null) {
                return;
            }
            String value = element(e, 2, "REF02 " + profile.ref().get(qualifier));
            if (current == null) {
                headingRefs.putIfAbsent(qualifier, value);
            } else if (charge == null) {
                current.refs.putIfAbsent(qualifier, value);
            }
        }

        /**
         * The invoice's account: the REF with the profile's most preferred account qualifier on the nearest provider or
         * billing-arrangement loop above, else in the heading. A REF with an account qualifier lower in the tree names a
         * sub-account (see {@link #subAccount}).
         */
        private String account(Node node) {
            for (Node at = node; at != null; at = at.parent) {
                String value = at.level.equals("provider") || at.level.equals("account") ? preferred(at.refs, "account") : null;
                if (value != null) {
                    return value;
                }
            }
            return preferred(headingRefs, "account");
        }

        /**
         * A line's sub-account: the nearest loop's REF the profile maps to subAccount, or an account REF on a sub-billing
         * arrangement loop (a consolidated bill's location accounts under its master), else the heading's.
         */
        private String subAccount(Node node) {
            for (Node at = node; at != null; at = at.parent) {
                String value = preferred(at.refs, "subAccount");
                if (value == null && at.level.equals("subaccount")) {
                    value = preferred(at.refs, "account");
                }
                if (value != null) {
                    return value;
                }
            }
            return preferred(headingRefs, "subAccount");
        }

        private String preferred(java.util.Map<String, String> refs, String field) {
            for (java.util.Map.Entry<String, String> qualifier : profile.ref().entrySet()) {
                if (qualifier.getValue().equals(field) && refs.containsKey(qualifier.getKey())) {
                    return refs.get(qualifier.getKey());
                }
            }
            return null;
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
            Node above = parent.isEmpty() ? null : nodes.get(parent);
            if (!parent.isEmpty() && above == null) {
                throw new Bad("HL02", "the id of an earlier HL (parent of HL " + id + ")", parent, true);
            }
            if (nodes.containsKey(id)) {
                throw new Bad("HL01", "an id not used before in this invoice", id, true);
            }
            current = new Node(level, above);
            nodes.put(id, current);
        }

        /** The invoice starts with its first charge: its account may stand on an HL loop above it rather than in the heading. */
        private void startInvoice(Node node) throws Bad {
            if (number == null || date == null) {
                throw new Bad("BIG", "a BIG segment (invoice date and number) before the first line item", "none", true);
            }
            String account = account(node);
            if (account == null) {
                throw new Bad("REF", "a REF with an account qualifier " + profile.ref().entrySet().stream()
                        .filter(entry -> entry.getValue().equals("account")).map(java.util.Map.Entry::getKey).toList()
                        + " in the heading or on an HL loop above the first line item", "none", true);
            }
            header = new InvoiceHeader(profile.carrier(sender), account, preferred(headingRefs, "subAccount"), number, date,
                    periodStart == null || periodEnd == null || periodEnd.isBefore(periodStart) ? null : Period.of(periodStart, periodEnd),
                    currency, position());
            sink.startInvoice(header);
            for (Tax tax : pendingTaxes) {
                emitTax(ChargeLine.builder().invoice(header).serviceType(ServiceType.OTHER), tax, "the invoice");
            }
            pendingTaxes.clear();
        }

        private void it1(List<String> e) throws Bad {
            flushCharge();
            if (current == null) {
                throw new Bad("IT1", "an HL loop before the first line item", "IT1", true);
            }
            if (header == null) {
                startInvoice(current);
            }
            lineItems++;
            charge = new Charge(position());
            charge.node = current;
            charge.quantity = e.size() > 2 && !e.get(2).isBlank() ? decimal(e, 2, "IT102 quantity") : null;
            charge.unit = e.size() > 3 ? blankToNull(e.get(3)) : null;
            charge.unitPrice = e.size() > 4 && !e.get(4).isBlank() ? decimal(e, 4, "IT104 unit price") : null;
        }

        /** SI: the service's identity, on the line item or on its HL loop (then inherited by every line item beneath). */
        private void si(List<String> e) throws Bad {
            if (charge == null && current == null) {
                throw new Bad("SI", "an HL loop or a line item before SI", "SI in the heading", false);
            }
            Attributes into = charge != null ? charge : current;
            for (int i = 2; i + 1 < e.size(); i += 2) {
                String field = profile.si().get(e.get(i).strip());
                String value = blankToNull(e.get(i + 1));
                if (field == null || value == null) {
                    continue;
                }
                switch (field) {
                    case "serviceId" -> into.serviceId = value;
                    case "chargeCode" -> into.chargeCode = value;
                    case "site" -> into.site = value;
                    case "bandwidthMbps" -> into.bandwidth = decimalValue(value, "SI " + e.get(i) + " bandwidth");
                    case "serviceType" -> {
                        ServiceType type = profile.serviceTypes() == null ? null : profile.serviceTypes().get(value);
                        if (type == null) {
                            // read as OTHER, and said once per code: the profile's serviceTypes is where it belongs
                            unknownTypes.computeIfAbsent(e.get(i).strip() + " " + value, k -> position());
                            type = ServiceType.OTHER;
                        }
                        into.serviceType = type;
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
            String relation = e.size() > 3 ? e.get(3).strip() : "";
            sub.relation = relation.isEmpty() || relation.equals("I") ? Relation.INCLUDED : relation.equals("A") ? Relation.ADDS : Relation.INFORMATION;
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

        /**
         * TXI: a tax of the line item, of an HL loop (with the service of its level, if it has one) or of the whole invoice.
         * Only a TXI07 of A (or none) adds to the bill; other relationship codes are information and are not lines.
         */
        private void txi(List<String> e) throws Bad {
            String type = element(e, 1, "TXI01 tax type");
            BigDecimal amount = decimal(e, 2, "TXI02 tax amount");
            String jurisdiction = e.size() > 5 ? blankToNull(e.get(5)) : null;
            String relationship = e.size() > 7 ? blankToNull(e.get(7)) : null;
            if (relationship != null && !relationship.equals("A")) {
                return;
            }
            String basisText = e.size() > 8 ? blankToNull(e.get(8)) : null;
            BigDecimal basis = basisText == null ? null : decimal(e, 8, "TXI08 dollar basis");
            Tax tax = new Tax(type, amount, jurisdiction, basis, position());
            if (charge != null) {
                charge.taxes.add(tax);
                return;
            }
            if (current == null && header == null) {
                pendingTaxes.add(tax); // in the heading, before the invoice has started: placed with its first line item
                return;
            }
            if (header == null) {
                startInvoice(current);
            }
            Charge level = new Charge(tax.position());
            level.node = current;
            emitTax(service(level), tax, current == null ? "the invoice" : "the " + current.level);
        }

        /**
         * ITA (4010) or SAC (its successor): an allowance (A, a credit) or a charge (C) of the line item, the loop or, in the
         * summary, the invoice; the amount has two implied decimals and counts in TDS unless the relationship code says it is
         * information (anything but A).
         */
        private void allowanceOrCharge(List<String> e, AllowanceLayout layout) throws Bad {
            String id = layout.segment();
            String indicator = element(e, 1, id + "01 allowance or charge indicator");
            if (!indicator.equals("A") && !indicator.equals("C")) {
                return; // N, no allowance or charge; P, S: a promotion or service named, not priced
            }
            String relationship = blankToNull(at(e, layout.relationship()));
            if (relationship != null && !relationship.equals("A")) {
                return;
            }
            BigDecimal amount = decimal(e, layout.amount(), id + String.format("%02d", layout.amount()) + " amount").movePointLeft(2).abs();
            String description = blankToNull(at(e, layout.description()));
            String code = blankToNull(at(e, layout.code()));
            Charge at = new Charge(position());
            at.node = current;
            if (charge != null) {
                at.node = charge.node;
                at.serviceId = charge.serviceId;
                at.site = charge.site;
                at.serviceType = charge.serviceType;
                at.bandwidth = charge.bandwidth;
            } else if (header == null) {
                if (current == null) {
                    throw new Bad(id, "an " + id + " after the first HL loop", id + " in the heading", false);
                }
                startInvoice(current);
            }
            boolean allowance = indicator.equals("A");
            at.category = allowance ? ChargeCategory.CREDIT : ChargeCategory.SURCHARGE;
            at.amount = allowance ? amount.negate() : amount;
            at.description = description != null ? description : allowance ? "allowance" : "charge";
            ChargeLine line = service(at).chargeCode(code).category(at.category).description(at.description)
                    .amount(new Money(at.amount, currency)).source(at.position).build();
            if (charge != null) {
                charge.allowances.add(line); // after the line item's own lines
            } else {
                sink.line(line);
            }
        }

        /**
         * N1 with an entity code the profile names as the site: the loop's (or line item's) site, inherited beneath it. Its
         * identification code (N104) when it has one, else its name (N102). Any other N1 is a segment the profile does not read.
         */
        private void n1(String id, List<String> e) {
            String field = profile.n1() == null ? null : profile.n1().get(at(e, 1));
            String value = blankToNull(at(e, 4)) != null ? at(e, 4) : blankToNull(at(e, 2));
            if (!"site".equals(field) || value == null || charge == null && current == null) {
                unused.computeIfAbsent(id, k -> new long[1])[0]++;
                firstUnused.putIfAbsent(id, position());
                return;
            }
            (charge != null ? charge : current).site = value;
        }

        private static String at(List<String> e, int index) {
            return index < e.size() ? e.get(index).strip() : "";
        }

        /** Invoice-level taxes read in the heading, emitted when the invoice starts. */
        private final List<Tax> pendingTaxes = new java.util.ArrayList<>();

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
            for (Charge detail : item.details) {
                if (detail.amount == null) {
                    throw new Bad("AMT", "an AMT segment for the subline at " + detail.position, "none", false);
                }
            }
            // SLN03 I (or none): a breakdown already in the line item, which its sublines replace; A: an amount on top of it
            List<Charge> included = item.details.stream().filter(detail -> detail.relation == Relation.INCLUDED).toList();
            List<Charge> added = item.details.stream().filter(detail -> detail.relation == Relation.ADDS).toList();
            if (item.amount == null && included.isEmpty() && item.quantity != null && item.unitPrice != null) {
                item.amount = item.quantity.multiply(item.unitPrice); // the IT1 extended amount, exact
            }
            if (item.amount == null && included.isEmpty()) {
                throw new Bad("AMT", "an AMT segment with the line item's amount, or IT102 quantity and IT104 unit price", "none", false);
            }
            BigDecimal detailTotal = included.stream().map(detail -> detail.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (item.amount != null && !included.isEmpty() && item.amount.compareTo(detailTotal) != 0) {
                throw new Bad("AMT02", "the sum of the line item's SLN and TCD details, " + detailTotal.toPlainString(),
                        item.amount.toPlainString(), false);
            }
            if (included.isEmpty()) {
                sink.line(lineFor(item, item));
            }
            for (Charge detail : included) {
                sink.line(lineFor(item, detail));
            }
            for (Charge detail : added) {
                sink.line(lineFor(item, detail));
            }
            for (Tax tax : item.taxes) {
                emitTax(service(item), tax, item.description == null ? "line item" : item.description);
            }
            item.allowances.forEach(sink::line);
        }

        /** A line's service: the line item's own SI, else the nearest HL loop above it that has one, field by field. */
        private ChargeLine.Builder service(Charge item) {
            String subAccount = subAccount(item.node);
            return ChargeLine.builder().invoice(header).subAccount(subAccount != null ? subAccount : header.subAccount())
                    .serviceId(inherited(item, a -> a.serviceId)).site(inherited(item, a -> a.site))
                    .serviceType(java.util.Objects.requireNonNullElse(inherited(item, a -> a.serviceType), ServiceType.OTHER))
                    .chargeCode(inherited(item, a -> a.chargeCode)).bandwidthMbps(inherited(item, a -> a.bandwidth));
        }

        private <T> T inherited(Charge item, java.util.function.Function<Attributes, T> field) {
            T value = field.apply(item);
            for (Node node = item.node; value == null && node != null; node = node.parent) {
                value = field.apply(node);
            }
            return value;
        }

        /** A line for the item, with a detail's own amount, quantity, period and description where it has them. */
        private ChargeLine lineFor(Charge item, Charge own) {
            LocalDate start = own.start != null ? own.start : item.start;
            LocalDate end = own.end != null ? own.end : item.end;
            Period period = start == null ? null : Period.of(start, end == null || end.isBefore(start) ? start : end);
            String description = own == item || own.description == null ? item.description
                    : item.description == null ? own.description : item.description + ": " + own.description;
            return service(item).category(own.category).description(description)
                    .quantity(own.quantity).unit(own.unit).unitPrice(own.unitPrice == null ? null : new Money(own.unitPrice, currency))
                    .amount(new Money(own.amount, currency)).chargePeriod(period)
                    .usage(own.usage, own.usageUnit).destination(own.destination).source(own.position).build();
        }

        /** A tax line; a stated dollar basis travels as its quantity in the unit BASIS, the form detectors read it in. */
        private void emitTax(ChargeLine.Builder service, Tax tax, String on) {
            if (tax.basis() != null) {
                service.quantity(tax.basis()).unit("BASIS");
            }
            sink.line(service.category(ChargeCategory.TAX).chargeCode(tax.type).tax(tax.type, tax.jurisdiction)
                    .description(tax.type + " on " + on).amount(new Money(tax.amount, currency)).source(tax.position).build());
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
            // X12's R elements are at most 18 digits; a far longer run costs BigDecimal seconds to read (quadratic), so it is refused first
            if (value.length() > 40) {
                throw new Bad(field, "a decimal number", value.substring(0, 20) + "... (" + value.length() + " characters)", false);
            }
            try {
                return new BigDecimal(value);
            } catch (NumberFormatException ex) {
                throw new Bad(field, "a decimal number", value, false);
            }
        }

        private LocalDate date(List<String> e, int index, String field) throws Bad {
            String value = element(e, index, field);
            LocalDate known = dates.get(value);
            if (known != null) {
                return known;
            }
            try {
                LocalDate read = LocalDate.parse(value, DATE);
                if (dates.size() == DATES_KEPT) {
                    dates.clear();
                }
                dates.put(value, read);
                return read;
            } catch (DateTimeParseException ex) {
                throw new Bad(field, "a date as CCYYMMDD", value, false);
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** What a line item or an HL loop says about the service; a line item takes what it lacks from the loops above it. */
    private abstract static class Attributes {
        String serviceId;
        String chargeCode;
        String site;
        BigDecimal bandwidth;
        ServiceType serviceType;
    }

    /** An HL loop: its level, its parent, its REFs and service attributes. */
    private static final class Node extends Attributes {
        final String level;
        final Node parent;
        final java.util.Map<String, String> refs = new java.util.HashMap<>();

        Node(String level, Node parent) {
            this.level = level;
            this.parent = parent;
        }
    }

    /** Where an allowance-or-charge segment keeps its code, amount, description and relationship code. */
    private record AllowanceLayout(String segment, int code, int amount, int description, int relationship) {
    }

    private static final AllowanceLayout ITA = new AllowanceLayout("ITA", 3, 7, 13, 16);
    private static final AllowanceLayout SAC = new AllowanceLayout("SAC", 2, 5, 15, 16);

    /** How an SLN subline stands to its line item (SLN03). */
    private enum Relation { INCLUDED, ADDS, INFORMATION }

    /** A line item being read. */
    private static final class Charge extends Attributes {
        final SourcePosition position;
        Node node;
        Relation relation = Relation.INCLUDED;
        BigDecimal quantity;
        String unit;
        BigDecimal unitPrice;
        BigDecimal amount;
        ChargeCategory category = ChargeCategory.RECURRING;
        String description;
        BigDecimal usage;
        String usageUnit;
        String destination;
        LocalDate start;
        LocalDate end;
        final List<Tax> taxes = new java.util.ArrayList<>();
        /** ITA allowances and charges of this line item, emitted after its own lines. */
        final List<ChargeLine> allowances = new java.util.ArrayList<>();
        /** SLN sublines and TCD calls that make up this line item. */
        final List<Charge> details = new java.util.ArrayList<>();
        Charge openSubline;

        Charge(SourcePosition position) {
            this.position = position;
        }
    }

    /** A TXI: its type, amount, jurisdiction and, where TXI08 gives it, the dollar basis it was computed on. */
    private record Tax(String type, BigDecimal amount, String jurisdiction, BigDecimal basis, SourcePosition position) {
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
