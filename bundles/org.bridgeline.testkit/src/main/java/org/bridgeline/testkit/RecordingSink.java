package org.bridgeline.testkit;

import java.util.ArrayList;
import java.util.List;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.InvoiceHeader;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.parser.ParseProblem;
import org.bridgeline.api.parser.ParseSink;

/** A sink that keeps everything a parser hands over, in order, for assertions. */
public final class RecordingSink implements ParseSink {

    /** Invoice headers, in the order started. */
    public final List<InvoiceHeader> invoices = new ArrayList<>();
    /** Stated totals, one per ended invoice ({@code null} where the format states none). */
    public final List<Money> statedTotals = new ArrayList<>();
    /** Every line, in order. */
    public final List<ChargeLine> lines = new ArrayList<>();
    /** Every problem, in order. */
    public final List<ParseProblem> problems = new ArrayList<>();
    /** Every warning (a note that rejects nothing), in order. */
    public final List<ParseProblem> warnings = new ArrayList<>();

    @Override
    public void startInvoice(InvoiceHeader header) {
        invoices.add(header);
    }

    @Override
    public void line(ChargeLine line) {
        lines.add(line);
    }

    @Override
    public void endInvoice(Money statedTotal) {
        statedTotals.add(statedTotal);
    }

    @Override
    public void warning(ParseProblem warning) {
        warnings.add(warning);
    }

    @Override
    public void problem(ParseProblem problem) {
        problems.add(problem);
    }
}
