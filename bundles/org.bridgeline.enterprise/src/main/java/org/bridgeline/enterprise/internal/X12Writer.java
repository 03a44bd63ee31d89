package org.bridgeline.enterprise.internal;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.ServiceType;

/**
 * Writes one invoice as an X12 811 interchange: heading (BIG, REF, DTM, CUR), the HL tree, a
 * line item per charge (IT1, SI, PID, AMT, DTM) with its taxes as TXI, and the summary (TDS in
 * cents, CTT, SE with the segment count).
 */
public final class X12Writer {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final X12Dialect dialect;
    private final List<String> segments = new ArrayList<>();

    public X12Writer(X12Dialect dialect) {
        this.dialect = dialect;
    }

    /** The invoice's lines in order; a tax line follows the line it taxes and becomes that item's TXI. */
    public void write(List<ChargeLine> lines, int control, Writer out) throws IOException {
        ChargeLine first = lines.get(0);
        LocalDate date = first.invoiceDate();
        String stamp = DATE.format(date);
        out.write(String.format("ISA*00*          *00*          *ZZ*%-15s*ZZ*%-15s*%s*1200*U*00401*%09d*0*P*>~%n", dialect.sender(),
                "ENTERPRISE", stamp.substring(2), control));
        out.write("GS*CI*" + dialect.sender() + "*ENTERPRISE*" + stamp + "*1200*" + control + "*X*004010~\n");
        segments.clear();
        segment("ST*811*" + String.format("%04d", control));
        segment("BIG*" + stamp + "*" + first.invoiceNumber());
        segment("REF*" + dialect.accountRef() + "*" + first.account());
        if (first.billingPeriod() != null) {
            segment("DTM*186*" + DATE.format(first.billingPeriod().start()));
            segment("DTM*187*" + DATE.format(first.billingPeriod().end()));
        }
        segment("CUR*BY*" + first.amount().currency().getCurrencyCode());
        segment("HL*1**" + dialect.providerLevel());
        segment("HL*2*1*" + dialect.accountLevel());
        segment("HL*3*2*" + dialect.chargeLevel());
        BigDecimal total = BigDecimal.ZERO;
        int items = 0;
        ChargeLine item = null;
        for (ChargeLine line : lines) {
            total = total.add(line.amount().amount());
            if (line.category() == ChargeCategory.TAX) {
                if (item == null || line.serviceId() == null || !line.serviceId().equals(item.serviceId())) {
                    throw new IllegalArgumentException("a tax line must follow the line it taxes: " + line.source());
                }
                segment("TXI*" + line.taxType() + "*" + plain(line.amount().amount()) + "**VD*" + line.taxJurisdiction());
                continue;
            }
            item = line;
            items++;
            item(items, line);
        }
        segment("TDS*" + total.movePointRight(2).setScale(0).toPlainString());
        segment("CTT*" + items);
        segment("SE*" + (segments.size() + 1) + "*" + String.format("%04d", control));
        for (String segment : segments) {
            out.write(segment);
            out.write("~\n");
        }
        out.write("GE*1*" + control + "~\nIEA*1*" + String.format("%09d", control) + "~\n");
    }

    private void item(int number, ChargeLine line) {
        StringBuilder it1 = new StringBuilder("IT1*").append(number);
        if (line.quantity() != null || line.unitPrice() != null) {
            it1.append('*').append(line.quantity() == null ? "" : plain(line.quantity())).append('*')
                    .append(line.unit() == null ? "" : line.unit()).append('*')
                    .append(line.unitPrice() == null ? "" : plain(line.unitPrice().amount()));
        }
        segment(it1.toString());
        StringBuilder si = new StringBuilder("SI*TI");
        pair(si, dialect.serviceQualifier(), line.serviceId());
        pair(si, dialect.codeQualifier(), line.chargeCode());
        pair(si, dialect.siteQualifier(), line.site());
        pair(si, dialect.bandwidthQualifier(), line.bandwidthMbps() == null ? null : plain(line.bandwidthMbps()));
        pair(si, dialect.typeQualifier(), line.serviceType() == ServiceType.OTHER ? null : dialect.typeCode(line.serviceType()));
        segment(si.toString());
        if (line.description() != null) {
            segment("PID*F****" + line.description().replace('*', ' '));
        }
        segment("AMT*" + dialect.amountQualifier(line.category()) + "*" + plain(line.amount().amount()));
        if (line.chargePeriod() != null) {
            segment("DTM*150*" + DATE.format(line.chargePeriod().start()));
            segment("DTM*151*" + DATE.format(line.chargePeriod().end()));
        }
    }

    private static void pair(StringBuilder si, String qualifier, String value) {
        if (value != null && value.indexOf('*') >= 0) {
            throw new IllegalArgumentException("a value holds the element separator: " + value);
        }
        if (value != null) {
            si.append('*').append(qualifier).append('*').append(value);
        }
    }

    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }

    private void segment(String segment) {
        if (segment.indexOf('~') >= 0 || segment.indexOf('>') >= 0) {
            throw new IllegalArgumentException("a value holds the segment terminator or the component separator: " + segment);
        }
        segments.add(segment);
    }
}
