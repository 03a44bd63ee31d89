package org.bridgeline.dispute.internal;

import java.util.TreeSet;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Finding;

/**
 * What identifies a finding's anomaly across audit runs (each run gives its findings new ids): its
 * kind, carrier and account, and its service with the charge codes its evidence bills, or for a
 * finding about bills rather than a service, the invoices its evidence comes from.
 */
final class AnomalyKeys {

    private AnomalyKeys() {
    }

    static String of(Finding finding) {
        TreeSet<String> parts = new TreeSet<>();
        for (ChargeLine line : finding.evidence()) {
            parts.add(finding.serviceId() != null ? String.valueOf(line.chargeCode()) : line.invoiceNumber());
        }
        return String.join("|", finding.kind(), finding.carrier(), account(finding), finding.serviceId() == null ? "" : finding.serviceId(),
                String.join(",", parts));
    }

    /** The account of the finding's evidence; empty when it cites no line. */
    static String account(Finding finding) {
        return finding.evidence().isEmpty() ? "" : finding.evidence().get(0).account();
    }

    /** The charge code the finding disputes: its evidence's first one. */
    static String chargeCode(Finding finding) {
        return finding.evidence().stream().map(ChargeLine::chargeCode).filter(code -> code != null).findFirst().orElse(null);
    }
}
