package org.bridgeline.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
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
import org.junit.jupiter.api.Test;

/** The kit passes a parser that does it right and names the fault of one broken in each way the kit checks. */
class ParserConformanceTest {

    private static final Path SAMPLE = Path.of("src/test/resources/acme-2026-01.csv");

    /** How a test parser goes wrong. */
    enum Fault { NONE, GREEDY_PROBE, THROWS_ON_BAD_ROW, HANGS_ON_BAD_ROW, DROPS_BAD_ROW, BUFFERS_EVERYTHING, SHARED_STATE, SKIPS_USAGE, NO_POSITION,
        WRONG_TOTAL, LEAKS_PER_ROW, THROWS_ON_NUL }

    /** A small CSV format: a header line, then type, account, invoice, date, service, code, amount. */
    static final class AcmeParser implements BillingParser {
        private final Fault fault;
        private long sharedRecord; // the SHARED_STATE fault counts a parse's records here
        private final List<String> buffered = new ArrayList<>();

        AcmeParser(Fault fault) {
            this.fault = fault;
        }

        @Override
        public ParserInfo info() {
            return new ParserInfo("acme-csv-" + fault.name().toLowerCase(), "Acme", "monthly CSV", "1");
        }

        @Override
        public Confidence probe(FileSample sample) {
            if (fault == Fault.GREEDY_PROBE) {
                return Confidence.certain("anything goes");
            }
            return sample.headText(StandardCharsets.UTF_8).startsWith("ACME BILL,") ? Confidence.certain("Acme header")
                    : Confidence.none("no Acme header");
        }

        @Override
        public void parse(String fileName, InputStream input, ParseSink sink) throws IOException {
            BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
            String row = reader.readLine();
            long record = 1;
            sharedRecord = 1;
            String invoice = null;
            List<String> mine = fault == Fault.BUFFERS_EVERYTHING ? buffered : null;
            List<byte[]> leaked = new ArrayList<>(); // LEAKS_PER_ROW: 64 KiB kept per row until the parse ends
            while ((row = reader.readLine()) != null) {
                record++;
                sharedRecord++;
                if (mine != null) {
                    mine.add(row + "#" + record); // keeps the whole file
                }
                if (fault == Fault.LEAKS_PER_ROW) {
                    leaked.add(new byte[64 << 10]);
                }
                if (fault == Fault.THROWS_ON_NUL && row.indexOf('\0') >= 0) {
                    throw new IllegalStateException("NUL in row " + record);
                }
                String[] f = row.split(",", -1);
                long recordNo = fault == Fault.SHARED_STATE ? sharedRecord : record;
                SourcePosition at = fault == Fault.NO_POSITION ? SourcePosition.of("bill", 0, 0) : SourcePosition.of(fileName, recordNo, recordNo);
                if (f.length != 7) {
                    sink.problem(new ParseProblem(at, "row", "7 fields", f.length + " fields", false));
                    continue;
                }
                BigDecimal amount;
                LocalDate date;
                try {
                    if (f[6].length() > 32) {
                        throw new NumberFormatException("longer than any amount"); // BigDecimal reads a million digits in seconds
                    }
                    amount = new BigDecimal(f[6]);
                    date = LocalDate.parse(f[3]);
                } catch (RuntimeException e) {
                    switch (fault) {
                        case THROWS_ON_BAD_ROW -> throw new NumberFormatException("bad number " + f[6]);
                        case HANGS_ON_BAD_ROW -> {
                            while (!Thread.currentThread().isInterrupted()) {
                                Thread.onSpinWait();
                            }
                            return;
                        }
                        case DROPS_BAD_ROW -> {
                            continue;
                        }
                        default -> {
                            sink.problem(new ParseProblem(at, "amount or date", "a number and a date", f[6] + " / " + f[3], false));
                            continue;
                        }
                    }
                }
                String key = f[1] + "/" + f[2];
                if (!key.equals(invoice)) {
                    if (invoice != null) {
                        sink.endInvoice(fault == Fault.WRONG_TOTAL ? new Money(new BigDecimal("1.00"), Currency.getInstance("USD")) : null);
                    }
                    sink.startInvoice(new InvoiceHeader("Acme", f[1], null, f[2], date, null, Currency.getInstance("USD"), at));
                    invoice = key;
                }
                if (fault == Fault.SKIPS_USAGE && f[0].equals("U")) {
                    continue;
                }
                sink.line(ChargeLine.builder().carrier("Acme").account(f[1]).invoiceNumber(f[2]).invoiceDate(date).serviceId(f[4])
                        .category(f[0].equals("U") ? ChargeCategory.USAGE : ChargeCategory.RECURRING).chargeCode(f[5])
                        .amount(new Money(amount, Currency.getInstance("USD"))).source(at).build());
            }
            if (invoice != null) {
                sink.endInvoice(null);
            }
        }
    }

    private static ParserConformance kit(Fault fault) {
        return ParserConformance.of(new AcmeParser(fault)).sample(SAMPLE, ParserConformance.expect(2, 5)
                .total(ChargeCategory.RECURRING, "2000.00").total(ChargeCategory.USAGE, "15.75")).expandable(1)
                .timeLimit(java.time.Duration.ofSeconds(3));
    }

    private static String failureOf(Fault fault) {
        List<String> failures = kit(fault).failures();
        assertTrue(!failures.isEmpty(), fault + " must not pass");
        return String.join("\n", failures);
    }

    @Test
    void aParserThatDoesItRightPasses() {
        assertEquals(List.of(), kit(Fault.NONE).failures());
        kit(Fault.NONE).check();
    }

    @Test
    void aProbeConfidentOnEveryFormatIsNamed() {
        assertTrue(failureOf(Fault.GREEDY_PROBE).contains("detection: the foreign sample x12-811.edi scores 100"), failureOf(Fault.GREEDY_PROBE));
    }

    @Test
    void anUncheckedExceptionOnABadRecordIsNamed() {
        String failure = failureOf(Fault.THROWS_ON_BAD_ROW);
        assertTrue(failure.contains("with digits corrupted: threw java.lang.NumberFormatException")
                && failure.contains("a bad record goes to sink.problem(...) with its position"), failure);
    }

    @Test
    void aHangIsNamed() {
        assertTrue(failureOf(Fault.HANGS_ON_BAD_ROW).contains("did not finish within 3 s"), failureOf(Fault.HANGS_ON_BAD_ROW));
    }

    @Test
    void aSilentlyDroppedRecordIsNamed() {
        assertTrue(failureOf(Fault.DROPS_BAD_ROW).contains("reported no problem: a damaged file must not read as a smaller or different bill"),
                failureOf(Fault.DROPS_BAD_ROW));
    }

    @Test
    void wrongFiguresAreNamed() {
        String failure = failureOf(Fault.SKIPS_USAGE);
        assertTrue(failure.contains("expected 5 lines, found 3") && failure.contains("expected USAGE lines to total 15.75, found 0"), failure);
    }

    @Test
    void aLineWithoutItsSourceIsNamed() {
        assertTrue(failureOf(Fault.NO_POSITION).contains("a line's source is \"bill\": name the file as given to parse()"), failureOf(Fault.NO_POSITION));
    }

    @Test
    void linesThatDoNotAddUpToTheStatedTotalAreNamed() {
        assertTrue(failureOf(Fault.WRONG_TOTAL).contains("invoice INV-1 states a total of 1.00, its lines add up to 1312.50"),
                failureOf(Fault.WRONG_TOTAL));
    }

    @Test
    void stateSharedBetweenParsesIsNamed() {
        // a race shows itself in some runs only: a few rounds make it show
        boolean named = false;
        for (int round = 0; round < 20 && !named; round++) {
            named = kit(Fault.SHARED_STATE).failures().stream().anyMatch(f -> f.startsWith("concurrency:") || f.startsWith("determinism:"));
        }
        assertTrue(named, "two parses at once through shared fields");
    }

    @Test
    void aParserThatKeepsTheWholeFileIsNamed() {
        List<String> failures = ParserConformance.of(new AcmeParser(Fault.BUFFERS_EVERYTHING)).sample(SAMPLE, ParserConformance.expect(2, 5))
                .expandable(1).expandTimes(200_000).failures();
        assertTrue(failures.stream().anyMatch(f -> f.startsWith("streaming:") && f.contains("MiB more heap")), String.join("\n", failures));
    }

    /**
     * The template's case: a five-row sample expanded 2,000 times is 10,000 rows, and a parser that keeps 64 KiB a row holds
     * 625 MiB by the end; the heap is sampled by time and by growth, not every so many lines, so a small sample shows it.
     */
    @Test
    void aParserThatLeaksOnASmallSampleIsNamed() {
        List<String> failures = ParserConformance.of(new AcmeParser(Fault.LEAKS_PER_ROW)).sample(SAMPLE, ParserConformance.expect(2, 5))
                .expandable(1).failures();
        assertTrue(failures.stream().anyMatch(f -> f.startsWith("streaming:") && f.contains("MiB more heap")), String.join("\n", failures));
    }

    /** Only a mutant finds it: none of the fixed bad-input variants has a NUL byte. */
    @Test
    void fuzzingNamesTheMutantAParserThrowsOn() {
        String failures = failureOf(Fault.THROWS_ON_NUL);
        assertTrue(failures.contains("fuzzing: acme-2026-01.csv mutant ") && failures.contains("NUL bytes at byte")
                && failures.contains("threw java.lang.IllegalStateException"), failures);
        assertTrue(!failures.contains("bad input:"), "the fixed variants pass: " + failures);
    }

    /** A report's totals come last: the body repeats, the header and the footer stay once, trailing empty lines belong to neither. */
    @Test
    void aReportIsExpandedBetweenItsHeaderAndItsFooter() {
        byte[] report = "Customer\nh1,h2\nb1\nb2\nTotal,9\n\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals("Customer\nh1,h2\nb1\nb2\nb1\nb2\nb1\nb2\nTotal,9\n",
                new String(ParserConformance.expand(report, 2, 1, 3), java.nio.charset.StandardCharsets.ISO_8859_1));
    }
}
