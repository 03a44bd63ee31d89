package org.bridgeline.core.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.InvoiceHeader;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.SourcePosition;
import org.bridgeline.api.parser.ParseProblem;
import org.bridgeline.api.parser.ParseSink;
import org.bridgeline.core.ImportIssue;
import org.bridgeline.core.ImportReport;
import org.bridgeline.core.InvoiceOutcome;
import org.bridgeline.store.ImportStore;
import org.bridgeline.store.CategoryTotal;
import org.bridgeline.store.EncodedLines;
import org.bridgeline.store.InvoiceWriter;
import org.bridgeline.store.LineEncoder;
import org.bridgeline.store.StoreException;
import org.bridgeline.store.StoredInvoice;

/**
 * What a parser streams into during an import. On the parser's thread it validates each line,
 * keeps the invoice's totals and encodes the line into the store's rows ({@link LineEncoder});
 * the store work (open the invoice's transaction, write the encoded batches, commit or roll back)
 * runs in order on a {@link StoreWorker}, so parsing and storing overlap and the store's thread
 * only writes. Holds one batch of lines at a time, never a whole invoice.
 */
final class InvoiceSink implements ParseSink {

    private static final int BATCH = 2048;
    /** Older bills than this are a misread date, not a bill. */
    private static final LocalDate EARLIEST_INVOICE = LocalDate.of(1980, 1, 1);

    private final ImportStore store;
    private final String tenant;
    private final ImportGate gate;
    private final boolean dryRun;
    private final boolean keepGoodLines;
    private final String file;
    private final LongConsumer lineCounter;
    private final StoreWorker worker;

    private final List<Invoice> invoices = new ArrayList<>();
    private final List<ImportIssue> issues = new ArrayList<>();
    private long moreIssues;
    private long errorsOutsideInvoices;
    private Invoice current;
    private SourcePosition lastPosition;
    private boolean finished;

    /** One invoice: counted on the parser's thread, stored on the worker's. */
    private final class Invoice {
        final InvoiceHeader header;
        long lines;
        long bad;
        /** Cannot be whole (the parser stopped inside it, or said it cannot go on): never stored, even with keepGoodLines. */
        boolean incomplete;
        BigDecimal lineTotal = BigDecimal.ZERO;
        final Map<ChargeCategory, BigDecimal> byCategory = new EnumMap<>(ChargeCategory.class);
        final Map<ChargeCategory, Long> countByCategory = new EnumMap<>(ChargeCategory.class);
        Money statedTotal;
        /** The invoice's lines as the store's rows, made on the parser's thread. */
        LineEncoder encoder;
        int encoded;
        // worker's side
        InvoiceWriter writer;
        volatile long storeErrors;
        volatile InvoiceOutcome.Status status;

        Invoice(InvoiceHeader header) {
            this.header = header;
        }
    }

    /**
     * Decides on the store thread, before anything is written, whether the file is imported at
     * all (it may have been imported before) and under which import id.
     */
    interface ImportGate {
        /** Runs first on the store thread; returns {@code false} when nothing of the file is to be stored. */
        boolean open();

        long importId();
    }

    /** A gate already open: the import id is known before parsing starts (and in dry runs unused). */
    static ImportGate open(long importId) {
        return new ImportGate() {
            @Override
            public boolean open() {
                return true;
            }

            @Override
            public long importId() {
                return importId;
            }
        };
    }

    private volatile boolean closedByGate;

    InvoiceSink(ImportStore store, String tenant, ImportGate gate, boolean dryRun, boolean keepGoodLines, String file,
            LongConsumer lineCounter) {
        this.store = store;
        this.tenant = tenant;
        this.gate = gate;
        this.dryRun = dryRun;
        this.keepGoodLines = keepGoodLines;
        this.file = file;
        this.lineCounter = lineCounter;
        this.worker = dryRun ? null : new StoreWorker(file);
        if (worker != null) {
            worker.submit(() -> closedByGate = !gate.open());
        }
    }

    /** The gate closed: the file is not to be stored (the parser may stop reading). */
    @Override
    public boolean cancelled() {
        return closedByGate;
    }

    boolean closedByGate() {
        return closedByGate;
    }

    @Override
    public void startInvoice(InvoiceHeader header) {
        if (current != null) {
            issue(true, header.source(), null, "the previous invoice (" + current.header.number() + ") to end first",
                    "a new invoice " + header.number(), null);
            endInvoice(null);
        }
        Invoice invoice = new Invoice(header);
        current = invoice;
        invoices.add(invoice);
        lastPosition = header.source();
        LocalDate latest = LocalDate.now().plusYears(1);
        if (header.date().isBefore(EARLIEST_INVOICE) || header.date().isAfter(latest)) {
            // a header the invoice cannot be trusted with: nothing of it is stored, whatever the flags
            issue(true, header.source(), "invoice date", "a date between " + EARLIEST_INVOICE + " and " + latest,
                    header.date().toString(), null);
            invoice.bad++;
            invoice.incomplete = true;
        }
        if (worker != null) {
            invoice.encoder = store.lineEncoder(tenant, header);
            worker.submit(() -> {
                if (closedByGate) {
                    return;
                }
                try {
                    invoice.writer = store.writeInvoice(tenant, gate.importId(), header);
                } catch (StoreException e) {
                    issue(true, header.source(), null, "the store to accept invoice " + header.number(), null, e.getMessage());
                    invoice.storeErrors++;
                }
            });
        }
    }

    @Override
    public void line(ChargeLine line) {
        lastPosition = line.source();
        lineCounter.accept(1);
        if (current == null) {
            issue(true, line.source(), null, "a line inside an invoice", "a line before any invoice header", null);
            errorsOutsideInvoices++;
            return;
        }
        Mismatch mismatch = mismatch(current.header, line);
        if (mismatch != null) {
            issue(true, line.source(), mismatch.field(), "the invoice's own value", mismatch.found(), null);
            current.bad++;
            return;
        }
        if (worker != null) {
            try {
                current.encoder.add(line);
            } catch (StoreException e) {
                issue(true, line.source(), null, "a value the store keeps exactly", null, e.getMessage());
                current.bad++;
                return;
            }
        }
        current.lines++;
        BigDecimal amount = line.amount().amount();
        current.lineTotal = current.lineTotal.add(amount);
        current.byCategory.merge(line.category(), amount, BigDecimal::add);
        current.countByCategory.merge(line.category(), 1L, Long::sum);
        if (worker != null && ++current.encoded == BATCH) {
            flushBatch(current);
        }
    }

    private void flushBatch(Invoice invoice) {
        if (invoice.encoded == 0) {
            return;
        }
        EncodedLines lines = invoice.encoder.take();
        invoice.encoded = 0;
        worker.submit(() -> {
            if (invoice.writer == null) {
                return; // the store refused the invoice: counted already
            }
            try {
                invoice.writer.append(lines);
            } catch (StoreException e) {
                issue(true, invoice.header.source(), null, "the store to take " + lines.count() + " lines of invoice "
                        + invoice.header.number(), null, e.getMessage());
                invoice.storeErrors += lines.count();
            }
        });
    }

    /** A field of a line that contradicts its invoice, and what the line says. */
    record Mismatch(String field, String found) {
    }

    /** Where the line contradicts its invoice, else {@code null}. */
    static Mismatch mismatch(InvoiceHeader header, ChargeLine line) {
        if (!line.amount().currency().equals(header.currency())) {
            return new Mismatch("currency", line.amount().currency().getCurrencyCode() + " on an invoice in "
                    + header.currency().getCurrencyCode());
        }
        if (!line.invoiceNumber().equals(header.number())) {
            return new Mismatch("invoice number", line.invoiceNumber() + " inside invoice " + header.number());
        }
        if (!line.account().equals(header.account())) {
            return new Mismatch("account", line.account() + " inside the invoice of account " + header.account());
        }
        return null;
    }

    @Override
    public void endInvoice(Money statedTotal) {
        if (current == null) {
            issue(true, lastPosition == null ? SourcePosition.ofFile(file) : lastPosition, null, "an invoice to end",
                    "the end of an invoice that never started", null);
            errorsOutsideInvoices++;
            return;
        }
        Invoice invoice = current;
        invoice.statedTotal = statedTotal;
        current = null;
        if (worker == null) {
            invoice.status = invoice.incomplete || invoice.bad > 0 && !keepGoodLines ? InvoiceOutcome.Status.REJECTED : InvoiceOutcome.Status.CHECKED;
            return;
        }
        flushBatch(invoice);
        invoice.encoder = null; // its buffer is a batch's size: an ended invoice keeps only its counts
        boolean parserRejects = invoice.incomplete || invoice.bad > 0 && !keepGoodLines;
        worker.submit(() -> {
            if (invoice.writer == null) {
                invoice.status = InvoiceOutcome.Status.REJECTED;
            } else if (parserRejects || invoice.storeErrors > 0 && !keepGoodLines) {
                invoice.writer.rollback();
                invoice.status = InvoiceOutcome.Status.REJECTED;
            } else {
                try {
                    StoredInvoice stored = invoice.writer.commit(statedTotal);
                    invoice.status = stored.revision() > 1 ? InvoiceOutcome.Status.REISSUE : InvoiceOutcome.Status.STORED;
                } catch (StoreException e) {
                    issue(true, invoice.header.source(), null, "the invoice to be stored", null, e.getMessage());
                    invoice.status = InvoiceOutcome.Status.REJECTED;
                }
            }
        });
    }

    @Override
    public void problem(ParseProblem problem) {
        issue(true, problem.position(), problem.field(), problem.expected(), problem.found(), problem.message());
        if (current != null) {
            current.bad++;
            current.incomplete |= problem.fatal();
        } else {
            errorsOutsideInvoices++;
        }
    }

    /** A note for the operator: listed with the file's issues, and nothing is rejected for it. */
    @Override
    public void warning(ParseProblem warning) {
        issue(false, warning.position(), warning.field(), warning.expected(), warning.found(), warning.message());
    }

    /** The parser stopped (returned or failed): an invoice it left open is not stored; the store work is waited for. */
    void finish(String failure) {
        if (finished) {
            return;
        }
        finished = true;
        if (current != null) {
            issue(true, lastPosition, null, "invoice " + current.header.number() + " to end",
                    failure == null ? "the end of the file" : "a parser failure", failure);
            current.bad++;
            current.incomplete = true;
            endInvoice(null);
        }
        if (worker != null) {
            worker.finish();
        }
    }

    private synchronized void issue(boolean error, SourcePosition position, String field, String expected, String found,
            String message) {
        if (issues.size() >= ImportReport.MAX_ISSUES_PER_FILE) {
            moreIssues++;
            return;
        }
        String text = message != null && !message.isBlank() ? message
                : ParseProblem.of(position, field, expected, found).message();
        issues.add(new ImportIssue(error, position.file(), position.record(), position.line(), field, expected, found, text));
    }

    /** What became of each invoice; call after {@link #finish}. */
    List<InvoiceOutcome> outcomes() {
        List<InvoiceOutcome> outcomes = new ArrayList<>();
        for (Invoice invoice : invoices) {
            Money total = new Money(invoice.lineTotal, invoice.header.currency());
            Money gap = invoice.statedTotal == null ? null : invoice.statedTotal.minus(total);
            InvoiceOutcome.Status status = invoice.status == null ? InvoiceOutcome.Status.REJECTED : invoice.status;
            boolean rejected = status == InvoiceOutcome.Status.REJECTED;
            long leftOut = invoice.bad + invoice.storeErrors;
            List<CategoryTotal> totals = new ArrayList<>();
            invoice.byCategory.forEach((category, sum) -> totals.add(
                    new CategoryTotal(category, new Money(sum, invoice.header.currency()), invoice.countByCategory.get(category))));
            outcomes.add(new InvoiceOutcome(invoice.header.carrier(), invoice.header.account(), invoice.header.number(),
                    invoice.header.date().toString(), rejected ? 0 : invoice.lines - invoice.storeErrors,
                    rejected ? invoice.lines + invoice.bad : leftOut, total, invoice.statedTotal, gap, status, totals));
        }
        return outcomes;
    }

    synchronized List<ImportIssue> issues() {
        return List.copyOf(issues);
    }

    synchronized long moreIssues() {
        return moreIssues;
    }

    long errorsOutsideInvoices() {
        return errorsOutsideInvoices;
    }

    SourcePosition lastPosition() {
        return lastPosition;
    }
}
