package org.bridgeline.console.internal;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.bridgeline.console.Arguments;
import org.bridgeline.console.CommandException;
import org.bridgeline.console.ConsoleCommand;
import org.bridgeline.core.Json;
import org.bridgeline.dispute.DisputeService;
import org.bridgeline.store.DisputeCredit;
import org.bridgeline.store.DisputeEvent;
import org.bridgeline.store.DisputeRecord;
import org.bridgeline.store.DisputedFinding;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ConsoleCommand.class, property = Arguments.ACCESS + "=tenant-read")
public final class DisputeCommand extends BlCommand {

    private final DisputeService disputes;

    @Activate
    public DisputeCommand(@Reference DisputeService disputes) {
        super("dispute", "one dispute: its findings, history and the credits matched to it", """
                usage: bl:dispute ID [--json] [--tenant NAME]
                  a credit the matcher only proposed is confirmed or rejected with bl:dispute-credit ID CREDIT --confirm|--reject""");
        this.disputes = disputes;
    }

    @Override
    public Set<String> flags() {
        return Set.of("json");
    }

    @Override
    public void run(Arguments args, PrintStream out) throws Exception {
        long id = DisputeText.id(args.positionals(1, 1, "one dispute id").get(0), "dispute");
        DisputeRecord dispute = disputes.dispute(args.tenant(), id)
                .orElseThrow(() -> new CommandException("no dispute " + id + " (bl:disputes lists them)"));
        if (args.flag("json")) {
            out.println(Json.pretty().toJson(dispute));
            return;
        }
        out.println("dispute     " + dispute.disputeId() + ": " + dispute.carrier() + ", account " + dispute.account());
        out.println("state       " + dispute.state() + (dispute.submittedAt() == null ? ", not submitted"
                : ", submitted " + dispute.submittedOn() + " (aging " + dispute.aging(LocalDate.now(ZoneOffset.UTC)) + ")"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        out.println("claimed     " + dispute.claimed() + ", credited " + dispute.credited() + ", outstanding " + dispute.outstanding()
                + (dispute.costAvoided(today).amount().signum() == 0 ? "" : "; cost avoided since charges stopped " + dispute.costAvoided(today)));
        out.println();
        Table findings = new Table("FINDING", "KIND", "SERVICE", "CODE", "CLAIMED", "NO LONGER BILLED", "EXPLANATION");
        for (DisputedFinding finding : dispute.findings()) {
            findings.row(finding.findingId(), finding.kind(), finding.serviceId(), finding.chargeCode(), finding.claimed(),
                    finding.resolvedOn() == null ? "" : finding.resolvedOn(),
                    finding.explanation().length() > 90 ? finding.explanation().substring(0, 87) + "..." : finding.explanation());
        }
        findings.print(out);
        out.println();
        Table history = new Table("WHEN", "WHO", "FROM", "TO", "NOTE");
        for (DisputeEvent event : dispute.history()) {
            history.row(event.at(), event.actor(), event.from() == null ? "" : event.from(), event.to(), event.note() == null ? "" : event.note());
        }
        history.print(out);
        if (!dispute.credits().isEmpty()) {
            out.println();
            Table credits = new Table("CREDIT", "STATUS", "INVOICE", "DATE", "SERVICE", "CODE", "LINE", "FOR THIS", "SOURCE", "WHY");
            for (DisputeCredit credit : dispute.credits()) {
                credits.row(credit.seq(), credit.status(), credit.invoiceNumber(), credit.invoiceDate(), credit.serviceId(), credit.chargeCode(),
                        credit.lineAmount(), credit.applied(), credit.file() + ":" + credit.record(), credit.reason());
            }
            credits.print(out);
        }
    }
}
