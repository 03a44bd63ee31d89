package ${package}.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.InvoiceHeader;
import org.bridgeline.api.model.Money;
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
 * ${carrier}'s CSV bill: a header line, then one charge per line:
 * account, invoice, date (yyyy-MM-dd), service, service type, category, code, description, amount.
 * Consecutive lines of one account and invoice make one invoice. Change the columns to the
 * carrier's; keep the rules: stream line by line, a bad line is a problem with its position.
 */
@Component(service = BillingParser.class)
public final class CarrierParser implements BillingParser {

    static final String HEADER = "account,invoice,date,service,service_type,category,code,description,amount";
    private static final Currency CURRENCY = Currency.getInstance("USD");

    @Override
    public ParserInfo info() {
        return new ParserInfo("${parserId}", "${carrier}", "CSV bill", "1");
    }

    @Override
    public Confidence probe(FileSample sample) {
        String head = sample.headText(StandardCharsets.UTF_8);
        return head.startsWith(HEADER) ? Confidence.certain("the ${carrier} CSV header") : Confidence.none("not the ${carrier} CSV header");
    }

    @Override
    public void parse(String fileName, InputStream input, ParseSink sink) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        String row = reader.readLine();
        if (row == null || !row.startsWith(HEADER)) {
            sink.problem(new ParseProblem(SourcePosition.of(fileName, 1, 1), "header", HEADER, row == null ? "an empty file" : row, true));
            return;
        }
        long record = 1;
        String open = null;
        while ((row = reader.readLine()) != null && !sink.cancelled()) {
            record++;
            if (row.isBlank()) {
                continue;
            }
            SourcePosition at = SourcePosition.of(fileName, record, record);
            String[] f = row.split(",", -1);
            if (f.length != 9) {
                sink.problem(new ParseProblem(at, "line", "9 fields", f.length + " fields", false));
                continue;
            }
            LocalDate date;
            BigDecimal amount;
            ServiceType type;
            ChargeCategory category;
            try {
                date = LocalDate.parse(f[2]);
            } catch (DateTimeParseException e) {
                sink.problem(new ParseProblem(at, "date", "a date as yyyy-MM-dd", f[2], false));
                continue;
            }
            try {
                if (f[8].length() > 32) {
                    // BigDecimal takes seconds over a million digits: refuse what no bill states (the kit's fuzzing tries it)
                    throw new NumberFormatException(f[8]);
                }
                amount = new BigDecimal(f[8]);
            } catch (NumberFormatException e) {
                sink.problem(new ParseProblem(at, "amount", "a number such as 12.50", f[8], false));
                continue;
            }
            try {
                type = ServiceType.valueOf(f[4]);
                category = ChargeCategory.valueOf(f[5]);
            } catch (IllegalArgumentException e) {
                sink.problem(new ParseProblem(at, "service_type or category", "a Bridgeline service type and charge category", f[4] + ", " + f[5],
                        false));
                continue;
            }
            String invoice = f[0] + "/" + f[1];
            if (!invoice.equals(open)) {
                if (open != null) {
                    sink.endInvoice(null);
                }
                sink.startInvoice(new InvoiceHeader("${carrier}", f[0], null, f[1], date, null, CURRENCY, at));
                open = invoice;
            }
            sink.line(ChargeLine.builder().carrier("${carrier}").account(f[0]).invoiceNumber(f[1]).invoiceDate(date).serviceId(f[3])
                    .serviceType(type).category(category).chargeCode(f[6]).description(f[7]).amount(new Money(amount, CURRENCY))
                    .source(at).build());
        }
        if (open != null) {
            sink.endInvoice(null);
        }
    }
}
