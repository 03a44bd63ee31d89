package org.bridgeline.core.internal;

import java.math.BigDecimal;
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
import org.bridgeline.store.BillStore;
import org.bridgeline.store.CategoryTotal;
import org.bridgeline.store.InvoiceWriter;
import org.bridgeline.store.StoreException;
import org.bridgeline.store.StoredInvoice;

/**
 * What a parser streams into during an import: validates each line, writes it to the open
 * invoice's transaction, keeps the invoice's totals, and at the invoice's end reconciles and
 * commits or rolls back. Holds one invoice's counters at a time, never its lines.
 */
final class InvoiceSink implements ParseSink {

    private final BillStore store;
    private final String tenant;
    private final long importId;
    private final boolean dryRun;
    private final boolean keepGoodLines;
    private final String file;
    private final LongConsumer lineCounter;

    private final List<InvoiceOutcome> outcomes = new ArrayList<>();
    private final List<ImportIssue> issues = new ArrayList<>();
    private long moreIssues;
    private long errorsOutsideInvoices;

    // the invoice being read
    private InvoiceHeader header;
    private InvoiceWriter writer;
    private long lines;
    private long bad;
    /** The invoice cannot be whole (the parser stopped inside it, or said it cannot go on): never stored, even with keepGoodLines. */
    private boolean incomplete;
    private BigDecimal lineTotal;
    private final Map<ChargeCategory, BigDecimal> byCategory = new EnumMap<>(ChargeCategory.class);
    private final Map<ChargeCategory, Long> countByCategory = new EnumMap<>(ChargeCategory.class);
    private SourcePosition lastPosition;

    InvoiceSink(BillStore store, String tenant, long importId, boolean dryRun, boolean keepGoodLines, String file,
            LongConsumer lineCounter) {
        this.store = store;
        this.tenant = tenant;
        this.importId = importId;
        this.dryRun = dryRun;
        this.keepGoodLines = keepGoodLines;
        this.file = file;
        this.lineCounter = lineCounter;
    }

    @Override
    public void startInvoice(InvoiceHeader invoice) {
        if (header != null) {
            issue(true, invoice.source(), null, "the previous invoice (" + header.number() + ") to end first",
                    "a new invoice " + invoice.number(), null);
            endInvoice(null);
        }
        header = invoice;
        lines = 0;
        bad = 0;
        incomplete = false;
        lineTotal = BigDecimal.ZERO;
        byCategory.clear();
        countByCategory.clear();
        lastPosition = invoice.source();
        if (!dryRun) {
            try {
                writer = store.writeInvoice(tenant, importId, invoice);
            } catch (StoreException e) {
                issue(true, invoice.source(), null, "the store to accept invoice " + invoice.number(), null, e.getMessage());
                bad++;
            }
        }
    }

    @Override
    public void line(ChargeLine line) {
        lastPosition = line.source();
        lineCounter.accept(1);
        if (header == null) {
            issue(true, line.source(), null, "a line inside an invoice", "a line before any invoice header", null);
            errorsOutsideInvoices++;
            return;
        }
        String mismatch = mismatch(line);
        if (mismatch != null) {
            issue(true, line.source(), mismatch.substring(0, mismatch.indexOf('|')), "the invoice's own value",
                    mismatch.substring(mismatch.indexOf('|') + 1), null);
            bad++;
            return;
        }
        if (writer != null) {
            try {
                writer.append(line);
            } catch (StoreException e) {
                issue(true, line.source(), null, "a value the store keeps exactly", null, e.getMessage());
                bad++;
                return;
            }
        }
        lines++;
        BigDecimal amount = line.amount().amount();
        lineTotal = lineTotal.add(amount);
        byCategory.merge(line.category(), amount, BigDecimal::add);
        countByCategory.merge(line.category(), 1L, Long::sum);
    }

    /** "field|found" when the line contradicts its invoice, else {@code null}. */
    private String mismatch(ChargeLine line) {
        if (!line.amount().currency().equals(header.currency())) {
            return "currency|" + line.amount().currency().getCurrencyCode() + " on an invoice in " + header.currency().getCurrencyCode();
        }
        if (!line.invoiceNumber().equals(header.number())) {
            return "invoice number|" + line.invoiceNumber() + " inside invoice " + header.number();
        }
        if (!line.account().equals(header.account())) {
            return "account|" + line.account() + " inside the invoice of account " + header.account();
        }
        return null;
    }

    @Override
    public void endInvoice(Money statedTotal) {
        if (header == null) {
            issue(true, lastPosition == null ? SourcePosition.ofFile(file) : lastPosition, null, "an invoice to end",
                    "the end of an invoice that never started", null);
            errorsOutsideInvoices++;
            return;
        }
        Money total = new Money(lineTotal, header.currency());
        Money gap = statedTotal == null ? null : statedTotal.minus(total);
        String status;
        if (incomplete || bad > 0 && !keepGoodLines || writer == null && !dryRun) {
            if (writer != null) {
                writer.rollback();
            }
            status = "REJECTED";
        } else if (dryRun) {
            status = "CHECKED";
        } else {
            try {
                StoredInvoice stored = writer.commit(statedTotal);
                status = stored.revision() > 1 ? "REISSUE" : "STORED";
            } catch (StoreException e) {
                issue(true, header.source(), null, "the invoice to be stored", null, e.getMessage());
                status = "REJECTED";
            }
        }
        List<CategoryTotal> totals = new ArrayList<>();
        byCategory.forEach((category, sum) -> totals.add(
                new CategoryTotal(category, new Money(sum, header.currency()), countByCategory.get(category))));
        outcomes.add(new InvoiceOutcome(header.carrier(), header.account(), header.number(), header.date().toString(),
                status.equals("REJECTED") ? 0 : lines, status.equals("REJECTED") ? lines + bad : bad, total, statedTotal, gap,
                status, totals));
        header = null;
        writer = null;
    }

    @Override
    public void problem(ParseProblem problem) {
        issue(true, problem.position(), problem.field(), problem.expected(), problem.found(), problem.message());
        if (header != null) {
            bad++;
            incomplete |= problem.fatal();
        } else {
            errorsOutsideInvoices++;
        }
    }

    /** The parser stopped (returned or failed): an invoice it left open is not stored. */
    void finish(String failure) {
        if (header != null) {
            issue(true, lastPosition, null, "invoice " + header.number() + " to end",
                    failure == null ? "the end of the file" : "a parser failure", failure);
            bad++;
            incomplete = true;
            endInvoice(null);
        }
    }

    private void issue(boolean error, SourcePosition position, String field, String expected, String found, String message) {
        if (issues.size() >= ImportReport.MAX_ISSUES_PER_FILE) {
            moreIssues++;
            return;
        }
        String text = message != null && !message.isBlank() ? message
                : ParseProblem.of(position, field, expected, found).message();
        issues.add(new ImportIssue(error, position.file(), position.record(), position.line(), field, expected, found, text));
    }

    List<InvoiceOutcome> outcomes() {
        return outcomes;
    }

    List<ImportIssue> issues() {
        return issues;
    }

    long moreIssues() {
        return moreIssues;
    }

    long errorsOutsideInvoices() {
        return errorsOutsideInvoices;
    }

    SourcePosition lastPosition() {
        return lastPosition;
    }
}
