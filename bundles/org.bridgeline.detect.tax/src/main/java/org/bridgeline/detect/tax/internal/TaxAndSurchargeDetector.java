package org.bridgeline.detect.tax.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bridgeline.api.detect.AnomalyDetector;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.detect.InvoiceTotal;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Finding;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.RecommendedAction;
import org.bridgeline.api.model.ServiceType;
import org.bridgeline.api.model.Severity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Detector 5: taxes and surcharges. Two questions per bill:
 * <ul>
 * <li>Is the federal USF recovery line above what 47 CFR 54.712 allows: the interstate
 * telecommunications portion of the bill times the quarter's contribution factor? The factors
 * and the interstate share per service type are configuration (the FCC publishes a factor each
 * quarter; the wireless and VoIP safe harbours are the usual shares).</li>
 * <li>Is tax or USF billed on a service the enterprise configured as exempt (by service type,
 * such as internet access, or by service id)?</li>
 * </ul>
 * A bill whose quarter has no configured factor is not judged against the cap.
 */
@Component(configurationPid = "org.bridgeline.detect.taxes")
public final class TaxAndSurchargeDetector implements AnomalyDetector {

    /** Configuration {@code org.bridgeline.detect.taxes}. */
    public @interface Config {
        /** Quarterly contribution factors as {@code YYYYQn=fraction}. */
        String[] contributionFactors() default {"2025Q1=0.363", "2025Q2=0.366", "2025Q3=0.360", "2025Q4=0.381", "2026Q1=0.376"};

        /** The interstate share of each service type's charges, {@code TYPE=fraction}; {@code *} for the rest. */
        String[] interstateShares() default {"WIRELESS=0.371", "SIP=0.649", "*=1"};

        /** A regular expression on tax type, charge code and description that marks a federal USF line. */
        String usfPattern() default "(?i)\\bFUSF\\b|\\bFED(ERAL)?[ _-]?USF\\b|federal universal service";

        /** Service types on which no tax or USF may be billed. */
        String[] exemptServiceTypes() default {"DIA"};

        /** Service ids on which no tax or USF may be billed. */
        String[] exemptServices() default {};

        /** USF above the cap by less than this is rounding, not an overcharge. */
        double tolerance() default 0.01;
    }

    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);
    private static final BigDecimal HIGH_FROM = BigDecimal.valueOf(5_000);

    private final Map<String, BigDecimal> factors = new TreeMap<>();
    private final Map<String, BigDecimal> shares = new HashMap<>();
    private final Pattern usf;
    private final Set<ServiceType> exemptTypes;
    private final Set<String> exemptServices;
    private final BigDecimal tolerance;

    @Activate
    public TaxAndSurchargeDetector(Config config) {
        for (String entry : config.contributionFactors()) {
            fraction(entry, "contributionFactors", factors);
        }
        for (String entry : config.interstateShares()) {
            fraction(entry, "interstateShares", shares);
        }
        this.usf = Pattern.compile(config.usfPattern());
        this.exemptTypes = Arrays.stream(config.exemptServiceTypes()).map(String::strip).filter(s -> !s.isEmpty())
                .map(ServiceType::valueOf).collect(Collectors.toSet());
        this.exemptServices = Arrays.stream(config.exemptServices()).map(String::strip).collect(Collectors.toSet());
        this.tolerance = BigDecimal.valueOf(config.tolerance());
    }

    /** Reads {@code KEY=fraction} into {@code into}, naming the setting and the entry when it is not that. */
    private static void fraction(String entry, String setting, Map<String, BigDecimal> into) {
        String[] pair = entry.split("=", 2);
        try {
            if (pair.length == 2 && !pair[0].isBlank()) {
                BigDecimal value = new BigDecimal(pair[1].strip());
                if (value.signum() >= 0 && value.compareTo(BigDecimal.ONE) <= 0) {
                    into.put(pair[0].strip().toUpperCase(), value);
                    return;
                }
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the entry
        }
        throw new IllegalArgumentException(setting + ": expected KEY=fraction between 0 and 1, found '" + entry + "'");
    }

    @Override
    public String id() {
        return "taxes-and-surcharges";
    }

    @Override
    public String description() {
        return "federal USF above the 47 CFR 54.712 cap (factors for " + String.join(", ", factors.keySet())
                + "); tax or USF on exempt services";
    }

    /** One invoice: its assessable base per service type and its USF lines. */
    private static final class Bill {
        final Map<ServiceType, BigDecimal> base = new LinkedHashMap<>();
        final List<ChargeLine> usfLines = new ArrayList<>();
        final InvoiceTotal first;

        Bill(InvoiceTotal first) {
            this.first = first;
        }
    }

    @Override
    public List<Finding> detect(BookOfBusiness book) {
        // the bills' assessable bases from the store's per-invoice totals, then the tax lines
        // themselves; a service's own lines are read only where a tax names it without its type,
        // or where it is configured exempt and its charges leave its bill's base
        Map<String, Bill> bills = new LinkedHashMap<>();
        book.invoiceTotals(LineQuery.ALL, total -> {
            Bill bill = bills.computeIfAbsent(invoiceKey(total.carrier(), total.account(), total.invoiceNumber()), k -> new Bill(total));
            if (!taxLike(total.category()) && !exemptTypes.contains(total.serviceType())) {
                bill.base.merge(total.serviceType(), total.total().amount(), BigDecimal::add);
            }
        });
        List<ChargeLine> taxes = new ArrayList<>();
        for (ChargeCategory category : List.of(ChargeCategory.TAX, ChargeCategory.SURCHARGE)) {
            book.lines(LineQuery.ALL.withCategory(category), taxes::add);
        }
        Set<String> named = new TreeSet<>(exemptServices);
        taxes.stream().filter(tax -> tax.serviceId() != null && tax.serviceType() == ServiceType.OTHER).map(ChargeLine::serviceId)
                .forEach(named::add);
        Map<String, ServiceType> typeOf = new HashMap<>();
        if (!named.isEmpty()) {
            book.lines(LineQuery.ALL, named, line -> {
                if (taxLike(line.category())) {
                    return;
                }
                if (line.serviceType() != ServiceType.OTHER) {
                    typeOf.putIfAbsent(line.carrier() + '\u0000' + line.serviceId(), line.serviceType());
                }
                if (exemptServices.contains(line.serviceId()) && !exemptTypes.contains(line.serviceType())) {
                    bills.get(invoiceKey(line.carrier(), line.account(), line.invoiceNumber())).base
                            .merge(line.serviceType(), line.amount().amount().negate(), BigDecimal::add);
                }
            });
        }
        Map<String, List<ChargeLine>> onExempt = new LinkedHashMap<>();
        for (ChargeLine tax : taxes) {
            ServiceType type = tax.serviceType() != ServiceType.OTHER || tax.serviceId() == null ? tax.serviceType()
                    : typeOf.getOrDefault(tax.carrier() + '\u0000' + tax.serviceId(), ServiceType.OTHER);
            if (tax.serviceId() != null && exempt(tax.serviceId(), type)) {
                onExempt.computeIfAbsent(tax.carrier() + '\u0000' + tax.serviceId(), k -> new ArrayList<>()).add(tax);
            } else if (isUsf(tax)) {
                bills.get(invoiceKey(tax.carrier(), tax.account(), tax.invoiceNumber())).usfLines.add(tax);
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Bill bill : bills.values()) {
            if (!bill.usfLines.isEmpty()) {
                usfAboveCap(bill).ifPresent(findings::add);
            }
        }
        for (List<ChargeLine> lines : onExempt.values()) {
            findings.add(taxOnExempt(lines, typeOf));
        }
        return findings;
    }

    private static boolean taxLike(ChargeCategory category) {
        return category == ChargeCategory.TAX || category == ChargeCategory.SURCHARGE || category == ChargeCategory.ADJUSTMENT;
    }

    private static String invoiceKey(String carrier, String account, String invoiceNumber) {
        return carrier + '\u0000' + account + '\u0000' + invoiceNumber;
    }

    private boolean exempt(String serviceId, ServiceType type) {
        return exemptTypes.contains(type) || serviceId != null && exemptServices.contains(serviceId);
    }

    private boolean isUsf(ChargeLine line) {
        return matches(line.taxType()) || matches(line.chargeCode()) || matches(line.description());
    }

    private boolean matches(String text) {
        return text != null && usf.matcher(text).find();
    }

    private Optional<Finding> usfAboveCap(Bill bill) {
        InvoiceTotal first = bill.first;
        LocalDate billed = first.billingPeriod() != null ? first.billingPeriod().start() : first.invoiceDate();
        String quarter = billed.getYear() + "Q" + ((billed.getMonthValue() - 1) / 3 + 1);
        BigDecimal factor = factors.get(quarter);
        if (factor == null) {
            return Optional.empty();
        }
        BigDecimal interstate = BigDecimal.ZERO;
        for (Map.Entry<ServiceType, BigDecimal> part : bill.base.entrySet()) {
            interstate = interstate.add(part.getValue().multiply(shareOf(part.getKey())));
        }
        Currency currency = first.total().currency();
        BigDecimal cap = interstate.max(BigDecimal.ZERO).multiply(factor).setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal charged = bill.usfLines.stream().map(l -> l.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal excess = charged.subtract(cap);
        if (excess.compareTo(tolerance) <= 0) {
            return Optional.empty();
        }
        Money monthly = new Money(excess, currency);
        Money annual = monthly.times(TWELVE);
        return Optional.of(new Finding(id(), "usf-above-cap", severity(annual), first.carrier(), null, bill.usfLines, monthly,
                annual, "Invoice " + first.invoiceNumber() + " (account " + first.account() + ", " + quarter + ") bills federal USF of "
                        + new Money(charged, currency).rounded() + ". 47 CFR 54.712 caps it at the interstate portion of the bill, "
                        + new Money(interstate, currency).rounded() + ", times the " + quarter + " contribution factor "
                        + factor.movePointRight(2).stripTrailingZeros().toPlainString() + "%: " + new Money(cap, currency).rounded()
                        + ". The excess is " + monthly.rounded() + ". Dispute it for credit.",
                RecommendedAction.DISPUTE_FOR_CREDIT, monthly));
    }

    private BigDecimal shareOf(ServiceType type) {
        BigDecimal share = shares.get(type.name());
        return share != null ? share : shares.getOrDefault("*", BigDecimal.ONE);
    }

    private Finding taxOnExempt(List<ChargeLine> lines, Map<String, ServiceType> typeOf) {
        ChargeLine latest = lines.stream().max(Comparator.comparing(TaxAndSurchargeDetector::billed)).orElseThrow();
        LocalDate latestDay = billed(latest);
        Money monthly = lines.stream().filter(l -> billed(l).equals(latestDay)).map(ChargeLine::amount).reduce(Money::plus).orElseThrow();
        Money total = lines.stream().map(ChargeLine::amount).reduce(Money::plus).orElseThrow();
        Money annual = monthly.times(TWELVE);
        ServiceType type = typeOf.getOrDefault(latest.carrier() + '\u0000' + latest.serviceId(), latest.serviceType());
        String why = exemptServices.contains(latest.serviceId()) ? "is configured as exempt" : "is " + type + ", a type configured as exempt";
        String kinds = lines.stream().map(l -> l.taxType() != null ? l.taxType() : l.description() != null ? l.description() : l.chargeCode())
                .filter(Objects::nonNull).distinct().collect(Collectors.joining(", "));
        return new Finding(id(), "tax-on-exempt-service", severity(annual), latest.carrier(), latest.serviceId(), lines, monthly, annual,
                latest.serviceId() + " " + why + ", yet " + latest.carrier() + " bills tax or surcharges on it (" + kinds + "): "
                        + monthly.rounded() + " on the latest bill and " + total.rounded() + " in all. Dispute them for credit "
                        + "and have the carrier mark the service exempt.",
                RecommendedAction.DISPUTE_FOR_CREDIT, total);
    }

    private static LocalDate billed(ChargeLine line) {
        return line.billingPeriod() != null ? line.billingPeriod().start() : line.invoiceDate();
    }

    private static Severity severity(Money annual) {
        return annual.amount().compareTo(HIGH_FROM) >= 0 ? Severity.HIGH : Severity.MEDIUM;
    }
}
