package org.bridgeline.console.internal;

import java.nio.file.Path;
import java.util.function.BiFunction;
import org.bridgeline.console.ConsoleCommand;
import org.bridgeline.core.InputsService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ConsoleCommand.class)
public final class ContractImportCommand extends InputImportCommand {

    private final InputsService inputs;

    @Activate
    public ContractImportCommand(@Reference InputsService inputs) {
        super("contract-import", "import contracts (JSON or CSV): term, auto-renewal, committed spend, rates, SLA, late fees waived, "
                + "post-term rule, service schedule; a known contract gets a new version",
                """
                usage: bl:contract-import FILE
                  FILE.json: {"contracts": [{carrier, contractId, termStart, termEnd, autoRenewal, renewalTermMonths,
                             committedSpend, currency, sla: {availabilityPercent, timeToRepairHours, creditPercent},
                             rates: [{serviceType, chargeCode, bandwidthMbps, category, rate, unit}],
                             lateFeesWaived,
                             postTerm: {rule: HOLD|UPLIFT|LIST_PRICE|MONTH_TO_MONTH, upliftPercent, listPrices: [rates]},
                             services: [{serviceId | serviceType and site, termStart, termEnd or termMonths, rates}]}]}
                  FILE.csv:  one row per rate: carrier,contract_id,term_start,term_end,auto_renewal,renewal_months,
                             committed_spend,currency,sla_availability,sla_repair_hours,sla_credit_percent,service_type,
                             charge_code,bandwidth_mbps,category,rate,unit, and optionally late_fees_waived, post_term,
                             post_term_uplift_percent, rate_role (AGREEMENT, or LIST for a list price), and for a scheduled
                             service service_id (or service_type and site), service_term_start, service_term_end or
                             service_term_months: its rows' rates are its own
                  After a service's own term (its schedule entry's, else the agreement's) the post-term rule says what it may
                  cost: the rate held, raised by a percent, the named list price, or month to month (the default: no ceiling).
                  A file is read whole and checked first: all of it is imported, or nothing.""");
        this.inputs = inputs;
    }

    @Override
    BiFunction<String, Path, String> importer() {
        return inputs::importContracts;
    }
}
