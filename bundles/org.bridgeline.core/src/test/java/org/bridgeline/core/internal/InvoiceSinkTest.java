package org.bridgeline.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.InvoiceHeader;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.SourcePosition;
import org.bridgeline.api.parser.ParseProblem;
import org.bridgeline.core.InvoiceOutcome;
import org.bridgeline.store.ImportStore;
import org.bridgeline.store.Tenants;
import org.bridgeline.store.ImportRecord;
import org.bridgeline.store.EncodedLines;
import org.bridgeline.store.InvoiceWriter;
import org.bridgeline.store.LineEncoder;
import org.bridgeline.store.StoreException;
import org.bridgeline.store.StoredInvoice;
import org.junit.jupiter.api.Test;

class InvoiceSinkTest {

    /** Records what reaches the store: committed invoices and their lines, rollbacks. */
    static final class FakeStore implements ImportStore {
        final List<String> committed = new ArrayList<>();
        final List<ChargeLine> stored = new ArrayList<>();
        final Set<String> encodingThreads = ConcurrentHashMap.newKeySet();
        final Set<String> writingThreads = ConcurrentHashMap.newKeySet();
        int rollbacks;

        /** Refuses, as the real stores do, an amount with more decimals than they keep. */
        @Override
        public LineEncoder lineEncoder(String tenant, InvoiceHeader header) {
            LineEncoder kept = LineEncoder.unencoded();
            return new LineEncoder() {
                @Override
                public void add(ChargeLine line) throws StoreException {
                    encodingThreads.add(Thread.currentThread().getName());
                    if (line.amount().amount().scale() > 6) {
                        throw new StoreException(line.source() + ": field \"amount\": expected at most 6 decimal places, found "
                                + line.amount().amount().toPlainString());
                    }
                    kept.add(line);
                }

                @Override
                public EncodedLines take() {
                    return kept.take();
                }
            };
        }

        @Override
        public InvoiceWriter writeInvoice(String tenant, long importId, InvoiceHeader header) {
            List<ChargeLine> pending = new ArrayList<>();
            return new InvoiceWriter() {
                @Override
                public void append(ChargeLine line) {
                    pending.add(line);
                }

                @Override
                public void append(EncodedLines lines) throws StoreException {
                    writingThreads.add(Thread.currentThread().getName());
                    InvoiceWriter.super.append(lines);
                }

                @Override
                public StoredInvoice commit(Money statedTotal) {
                    committed.add(header.number());
                    stored.addAll(pending);
                    return new StoredInvoice(committed.size(), importId, header, statedTotal, null, pending.size(), 1, 0);
                }

                @Override
                public void rollback() {
                    rollbacks++;
                    pending.clear();
                }

                @Override
                public void close() {
                }
            };
        }

        @Override public String description() { return "fake"; }
        @Override public boolean ready() { return true; }
        @Override public Optional<ImportRecord> findImport(String tenant, String contentHash) { return Optional.empty(); }
        @Override public long beginImport(String tenant, String fileName, String contentHash, String parserId) { return 1; }
        @Override public ImportRecord finishImport(String tenant, long importId) { return null; }
        @Override public List<ImportRecord> imports(String tenant) { return List.of(); }
    }

    private final FakeStore store = new FakeStore();
    private final InvoiceHeader header = new InvoiceHeader("Acme", "A1", null, "INV-1", LocalDate.of(2026, 1, 31), null,
            Currency.getInstance("USD"), SourcePosition.of("bill.csv", 1, 1));

    private ChargeLine line(long record, String amount) {
        return ChargeLine.builder().invoice(header).category(ChargeCategory.RECURRING).amount(Money.of(amount, "USD"))
                .source(SourcePosition.of("bill.csv", record, record)).build();
    }

    private InvoiceSink sink(boolean keepGoodLines) {
        return new InvoiceSink(store, Tenants.DEFAULT, InvoiceSink.open(1), false, keepGoodLines, "bill.csv", count -> { });
    }

    /** An invoice stating 25.00: lines of 10.00 and 5.00 with an unreadable record between them. */
    private void feedTwoGoodLinesAndABadRecord(InvoiceSink sink) {
        sink.startInvoice(header);
        sink.line(line(2, "10.00"));
        sink.problem(ParseProblem.of(SourcePosition.of("bill.csv", 3, 3), "amount", "a decimal amount", "ten"));
        sink.line(line(4, "5.00"));
        sink.endInvoice(Money.of("25.00", "USD"));
        sink.finish(null);
    }

    @Test
    void aBillWithABadRecordIsRejectedWholeByDefault() {
        InvoiceSink sink = sink(false);
        feedTwoGoodLinesAndABadRecord(sink);

        InvoiceOutcome outcome = sink.outcomes().get(0);
        assertEquals(InvoiceOutcome.Status.REJECTED, outcome.status());
        assertEquals(0, outcome.lines());
        assertEquals(3, outcome.linesLeftOut(), "two good lines and the bad record: none of them stored");
        assertEquals(List.of(), store.committed);
        assertEquals(1, store.rollbacks);
        assertEquals("bill.csv record 3 (line 3): field \"amount\": expected a decimal amount, found \"ten\"",
                sink.issues().get(0).message());
    }

    @Test
    void withKeepGoodTheGoodLinesAreImportedAndTheBadOnesListed() {
        InvoiceSink sink = sink(true);
        feedTwoGoodLinesAndABadRecord(sink);

        InvoiceOutcome outcome = sink.outcomes().get(0);
        assertEquals(InvoiceOutcome.Status.STORED, outcome.status());
        assertEquals(2, outcome.lines());
        assertEquals(1, outcome.linesLeftOut());
        assertEquals(2, store.stored.size());
        assertEquals("GAP 10.00 USD", outcome.balance(), "the left-out record shows as a gap against the stated total");
    }

    /** An invoice stating 15.00: lines of 10.00 and 5.00 around one the store cannot keep exactly. */
    private void feedALineTheStoreRefuses(InvoiceSink sink) {
        sink.startInvoice(header);
        sink.line(line(2, "10.00"));
        sink.line(line(3, "0.1234567"));
        sink.line(line(4, "5.00"));
        sink.endInvoice(Money.of("15.00", "USD"));
        sink.finish(null);
    }

    @Test
    void aLineTheStoreCannotKeepIsNamedAndItsInvoiceRejectedByDefault() {
        InvoiceSink sink = sink(false);
        feedALineTheStoreRefuses(sink);

        InvoiceOutcome outcome = sink.outcomes().get(0);
        assertEquals(InvoiceOutcome.Status.REJECTED, outcome.status());
        assertEquals(List.of(), store.committed);
        assertEquals("bill.csv record 3 (line 3): field \"amount\": expected at most 6 decimal places, found 0.1234567",
                sink.issues().get(0).message());
    }

    @Test
    void withKeepGoodTheLinesAroundOneTheStoreCannotKeepAreStored() {
        InvoiceSink sink = sink(true);
        feedALineTheStoreRefuses(sink);

        InvoiceOutcome outcome = sink.outcomes().get(0);
        assertEquals(InvoiceOutcome.Status.STORED, outcome.status());
        assertEquals(2, outcome.lines());
        assertEquals(1, outcome.linesLeftOut());
        assertEquals("BALANCED", outcome.balance(), "the refused line is not in the line total");
        assertEquals(List.of("10.00", "5.00"), store.stored.stream().map(stored -> stored.amount().amount().toPlainString()).toList());
    }

    @Test
    void linesAreEncodedOnTheParsersThreadAndWrittenOnTheStores() {
        InvoiceSink sink = sink(false);
        sink.startInvoice(header);
        for (int record = 2; record < 5_000; record++) {
            sink.line(line(record, "1.00"));
        }
        sink.endInvoice(null);
        sink.finish(null);

        assertEquals(4_998, store.stored.size());
        assertEquals(Set.of(Thread.currentThread().getName()), store.encodingThreads);
        assertEquals(1, store.writingThreads.size());
        assertTrue(store.writingThreads.iterator().next().startsWith("bridgeline-import-store"), store.writingThreads.toString());
        assertEquals(2, store.stored.get(0).source().record());
        assertEquals(4_999, store.stored.get(4_997).source().record(), "batches are written in the order encoded");
    }

    @Test
    void aWarningIsListedAndRejectsNothing() {
        InvoiceSink sink = sink(false);
        sink.startInvoice(header);
        sink.line(line(2, "10"));
        sink.warning(ParseProblem.of(SourcePosition.of("bill.csv", 3, 3), "NTE", "a segment this profile uses", "NTE*GEN*Thank you"));
        sink.endInvoice(Money.of("10", "USD"));
        sink.finish(null);
        assertEquals(InvoiceOutcome.Status.STORED, sink.outcomes().get(0).status());
        assertEquals("BALANCED", sink.outcomes().get(0).balance());
        assertEquals(1, store.stored.size());
        assertEquals(1, sink.issues().size());
        assertFalse(sink.issues().get(0).error());
        assertTrue(sink.issues().get(0).message().contains("field \"NTE\""), sink.issues().get(0).message());
    }

    @Test
    void linesAreReconciledAgainstTheStatedTotal() {
        InvoiceSink sink = sink(false);
        sink.startInvoice(header);
        sink.line(line(2, "10.10"));
        sink.line(line(3, "-0.10"));
        sink.endInvoice(Money.of("10", "USD"));
        sink.startInvoice(header);
        sink.line(line(2, "1"));
        sink.endInvoice(null);
        sink.finish(null);
        assertEquals("BALANCED", sink.outcomes().get(0).balance());
        assertEquals("NOT STATED", sink.outcomes().get(1).balance());
    }

    @Test
    void aLineThatContradictsItsInvoiceIsABadRecord() {
        InvoiceSink sink = sink(false);
        sink.startInvoice(header);
        sink.line(line(2, "1").toBuilder().amount(Money.of("1", "AUD")).build());
        sink.endInvoice(null);
        sink.finish(null);
        assertEquals(InvoiceOutcome.Status.REJECTED, sink.outcomes().get(0).status());
        assertEquals("bill.csv record 2 (line 2): field \"currency\": expected the invoice's own value, found \"AUD on an invoice in USD\"",
                sink.issues().get(0).message());
    }

    @Test
    void anInvoiceDatedOutsideReasonIsNotStoredEvenWithKeepGood() {
        InvoiceSink sink = sink(true);
        InvoiceHeader future = new InvoiceHeader("Acme", "A1", null, "INV-9", LocalDate.of(2106, 1, 31), null,
                Currency.getInstance("USD"), SourcePosition.of("bill.csv", 1, 1));
        sink.startInvoice(future);
        sink.line(ChargeLine.builder().invoice(future).category(ChargeCategory.RECURRING).amount(Money.of("1", "USD"))
                .source(SourcePosition.of("bill.csv", 2, 2)).build());
        sink.endInvoice(null);
        sink.finish(null);
        assertEquals(InvoiceOutcome.Status.REJECTED, sink.outcomes().get(0).status());
        assertTrue(sink.issues().get(0).message().startsWith("bill.csv record 1 (line 1): field \"invoice date\": expected a date between 1980-01-01 and "),
                sink.issues().get(0).message());
        assertEquals(List.of(), store.committed);
    }

    @Test
    void anInvoiceTheParserNeverEndsIsNotStored() {
        InvoiceSink sink = sink(true);
        sink.line(line(1, "1"));
        sink.startInvoice(header);
        sink.line(line(2, "10"));
        sink.finish("parser x failed: boom");
        assertEquals(1, sink.errorsOutsideInvoices(), "a line before any invoice header");
        assertEquals(InvoiceOutcome.Status.REJECTED, sink.outcomes().get(0).status());
        assertEquals(List.of(), store.committed);
        assertTrue(sink.issues().stream().anyMatch(issue -> issue.message().equals("parser x failed: boom")), sink.issues().toString());
    }
}
