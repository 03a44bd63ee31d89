package org.bridgeline.itest.plugin;

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
import org.bridgeline.api.model.SourcePosition;
import org.bridgeline.api.parser.BillingParser;
import org.bridgeline.api.parser.Confidence;
import org.bridgeline.api.parser.FileSample;
import org.bridgeline.api.parser.ParseProblem;
import org.bridgeline.api.parser.ParseSink;
import org.bridgeline.api.parser.ParserInfo;
import org.osgi.service.component.annotations.Component;

/**
 * Reads a minimal test layout: a first line {@code ITEST-BILL carrier account invoice date
 * currency}, then one {@code amount;description} charge a line.
 */
@Component
public final class LineParser implements BillingParser {

    private static final String SIGNATURE = "ITEST-BILL ";

    @Override
    public ParserInfo info() {
        return new ParserInfo("itest-lines", "Test Carrier", "itest line layout", "1");
    }

    @Override
    public Confidence probe(FileSample sample) {
        return sample.headText(StandardCharsets.US_ASCII).startsWith(SIGNATURE)
                ? Confidence.certain("first line starts with " + SIGNATURE.strip())
                : Confidence.none("first line does not start with " + SIGNATURE.strip());
    }

    @Override
    public void parse(String fileName, InputStream input, ParseSink sink) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        String first = reader.readLine();
        String[] head = first == null ? new String[0] : first.split(" ");
        if (head.length != 6 || !first.startsWith(SIGNATURE)) {
            sink.problem(new ParseProblem(SourcePosition.of(fileName, 1, 1), null,
                    "ITEST-BILL carrier account invoice date currency", first, true));
            return;
        }
        InvoiceHeader header;
        try {
            header = new InvoiceHeader(head[1], head[2], null, head[3], LocalDate.parse(head[4]), null,
                    Currency.getInstance(head[5]), SourcePosition.of(fileName, 1, 1));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            sink.problem(new ParseProblem(SourcePosition.of(fileName, 1, 1), "date or currency",
                    "an ISO date and an ISO 4217 currency", head[4] + " " + head[5], true));
            return;
        }
        sink.startInvoice(header);
        long number = 1;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            SourcePosition position = SourcePosition.of(fileName, number, number);
            String[] fields = line.split(";", 2);
            try {
                sink.line(ChargeLine.builder().invoice(header).category(ChargeCategory.RECURRING)
                        .amount(new Money(new BigDecimal(fields[0]), header.currency()))
                        .description(fields.length > 1 ? fields[1] : null).source(position).build());
            } catch (NumberFormatException e) {
                sink.problem(ParseProblem.of(position, "amount", "a decimal amount", fields[0]));
            }
        }
        sink.endInvoice(null);
    }
}
