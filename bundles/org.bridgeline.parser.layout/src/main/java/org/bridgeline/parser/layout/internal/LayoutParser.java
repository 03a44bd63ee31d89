package org.bridgeline.parser.layout.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bridgeline.api.model.SourcePosition;
import org.bridgeline.api.parser.BillingParser;
import org.bridgeline.api.parser.Confidence;
import org.bridgeline.api.parser.FileSample;
import org.bridgeline.api.parser.ParseProblem;
import org.bridgeline.api.parser.ParseSink;
import org.bridgeline.api.parser.ParserInfo;

/**
 * A parser made from a layout profile: it recognises the file, splits it into records (delimited or fixed-width) and
 * hands them to the report's {@link Sections}, which pass table rows and labelled values to an {@link InvoiceReading}.
 */
final class LayoutParser implements BillingParser {

    private final LayoutProfile profile;

    LayoutParser(LayoutProfile profile) {
        this.profile = profile;
    }

    LayoutProfile profile() {
        return profile;
    }

    @Override
    public ParserInfo info() {
        return new ParserInfo(profile.id(), profile.carrier(), profile.format(), profile.version());
    }

    @Override
    public Confidence probe(FileSample sample) {
        String head = sample.headText(profile.text().encoding());
        if (head.startsWith("\uFEFF")) {
            head = head.substring(1);
        }
        int within = profile.detect().withinLines();
        boolean headerMatches = head.lines().limit(within).anyMatch(line -> profile.detect().header().matcher(line).find());
        boolean nameMatches = profile.detect().fileName() == null || profile.detect().fileName().matcher(sample.fileName()).matches();
        String where = within == 1 ? "first line" : "a line of the first " + within;
        if (!headerMatches) {
            return Confidence.none((within == 1 ? "first line does not match" : "none of the first " + within + " lines matches") + " the "
                    + profile.format() + " header");
        }
        return nameMatches ? new Confidence(90, where + " matches the " + profile.format() + " header")
                : new Confidence(70, where + " matches the " + profile.format() + " header, the file name does not");
    }

    @Override
    public void parse(String fileName, InputStream input, ParseSink sink) throws IOException {
        Reader reader = withoutByteOrderMark(new InputStreamReader(input, profile.text().encoding()));
        InvoiceReading invoices = new InvoiceReading(profile, fileName, sink);
        boolean fixed = !profile.text().fixedWidths().isEmpty();
        Sections sections = new Sections(profile, invoices, fixed);
        if (fixed) {
            readFixedWidths(reader, fileName, sections, invoices);
        } else {
            readDelimited(reader, fileName, sections, invoices);
        }
        sections.end();
    }

    /** A byte-order mark is the encoding's, not the first cell's (exports from spreadsheets write one). */
    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(new BufferedReader(reader, 1 << 16));
        int first = pushback.read();
        if (first >= 0 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    private void readDelimited(Reader reader, String fileName, Sections sections, InvoiceReading invoices) throws IOException {
        char delimiter = profile.text().delimiter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setQuote(profile.text().quote())
                .setIgnoreEmptyLines(true).setTrim(false).get();
        long line = 1;
        try (CSVParser csv = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            for (CSVRecord record : csv) {
                if (invoices.cancelled()) {
                    return;
                }
                SourcePosition position = SourcePosition.of(fileName, record.getRecordNumber(), line);
                line = csv.getCurrentLineNumber() + 1;
                List<String> cells = record.toList();
                sections.record(cells, () -> String.join(String.valueOf(delimiter), cells), position);
            }
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof CSVException)) {
                throw e.getCause();
            }
            // a quote left open or text after a closing quote: the rest of the file cannot be split into cells
            invoices.problem(new ParseProblem(SourcePosition.of(fileName, 0, line), null, "well-formed delimited text",
                    Sections.shorten(e.getCause().getMessage()), true));
        }
    }

    private void readFixedWidths(Reader reader, String fileName, Sections sections, InvoiceReading invoices) throws IOException {
        BufferedReader lines = new BufferedReader(reader);
        List<LayoutProfile.FixedColumn> layout = profile.text().fixedWidths();
        long number = 0;
        long record = 0;
        for (String text = lines.readLine(); text != null; text = lines.readLine()) {
            number++;
            if (invoices.cancelled()) {
                return;
            }
            if (text.isBlank()) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (LayoutProfile.FixedColumn column : layout) {
                int start = Math.min(column.start() - 1, text.length());
                cells.add(text.substring(start, Math.min(start + column.length(), text.length())));
            }
            String recordText = text;
            sections.record(cells, () -> recordText, SourcePosition.of(fileName, ++record, number));
        }
    }
}
