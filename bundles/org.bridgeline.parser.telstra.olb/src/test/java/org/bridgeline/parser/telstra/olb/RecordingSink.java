package org.bridgeline.parser.telstra.olb;

import java.util.ArrayList;
import java.util.List;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.InvoiceHeader;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.parser.ParseProblem;
import org.bridgeline.api.parser.ParseSink;

/** Keeps everything a parser hands over, for assertions. */
final class RecordingSink implements ParseSink {

    final List<InvoiceHeader> invoices = new ArrayList<>();
    final List<Money> statedTotals = new ArrayList<>();
    final List<ChargeLine> lines = new ArrayList<>();
    final List<ParseProblem> problems = new ArrayList<>();

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
    public void problem(ParseProblem problem) {
        problems.add(problem);
    }
}
