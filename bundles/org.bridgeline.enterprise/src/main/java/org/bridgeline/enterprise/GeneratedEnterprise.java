package org.bridgeline.enterprise;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.bridgeline.api.model.Benchmark;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Contract;
import org.bridgeline.api.model.ExpectedService;
import org.bridgeline.api.model.Requirement;
import org.bridgeline.api.model.ServiceOrder;

/** An enterprise drawn from a seed: its bills, what it says besides them, and the ground truth of what is wrong in them. */
public interface GeneratedEnterprise {

    /** Which generator drew it ({@code seeded} or {@code adversarial}). */
    String generator();

    long seed();

    int sites();

    /** Every charge line, in invoice then source order. */
    List<ChargeLine> lines();

    List<Contract> contracts();

    List<ExpectedService> expectedInventory();

    List<ServiceOrder> orders();

    List<Benchmark> benchmarks();

    List<Requirement> requirements();

    /** The anomalies injected, and the look-alikes that must not be reported. */
    GroundTruth groundTruth();

    /** Per carrier, what paying every current service at its benchmark's p25 saves a year; empty when not worked out. */
    Map<String, BigDecimal> expectedAnnualSavings();

    /** Per carrier, the credits a negotiation package should claim; empty when not worked out. */
    Map<String, BigDecimal> expectedCredits();

    /** Per carrier, requirement statuses a package should show; empty when not worked out. */
    Map<String, Map<String, Integer>> expectedRequirementStatuses();
}
