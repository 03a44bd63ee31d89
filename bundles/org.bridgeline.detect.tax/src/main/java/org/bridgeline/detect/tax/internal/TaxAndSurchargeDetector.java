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
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bridgeline.api.detect.AnomalyDetector;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.detect.InvoiceCodeTotal;
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
 * telecommunications portion of the bill times the quarter's contribution factor? Jurisdiction
 * belongs to the charge, not the service: each charge's interstate share comes from ordered
 * rules on its charge code, service type and category (local line rates and features are
 * intrastate, the federal subscriber line charge interstate, long distance and the safe
 * harbours of wireless and VoIP as configured). Where the bill states the basis it computed its
 * USF on (a USF line whose unit is {@code BASIS}, as the 811 parser reads TXI08), that basis is
 * used, never above the bill's assessable charges. The factors are configuration (the FCC
 * publishes one each quarter).</li>
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

        /**
         * The interstate share of a charge, as ordered rules {@code SELECTOR=fraction}, the first match wins. A selector is
         * {@code code:REGEX} (found in the charge code) or {@code TYPE/CATEGORY} (service type and charge category, {@code *}
         * for any).
         */
        String[] jurisdictions() default {
            "code:(?i)^(SLC|FSLC|EUCL|FED[-_ ]?SLC|ARC)$=1",  // the federal subscriber line charge: interstate
            "VOICE_LINE/RECURRING=0",                         // local line rates and local features: intrastate
            "VOICE_LINE/ONE_TIME=0",
            "PRI/RECURRING=0",
            "VOICE_LINE/USAGE=1",                             // long distance billed on a line
            "WIRELESS/*=0.371",                               // the FCC's wireless safe harbour
            "SIP/*=0.649",                                    // the interconnected VoIP safe harbour
            "*/*=1"};

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
    private final List<JurisdictionRule> rules = new ArrayList<>();
    private final Pattern usf;
    private final Set<ServiceType> exemptTypes;
    private final Set<String> exemptServices;
    private final BigDecimal tolerance;

    @Activate
    public TaxAndSurchargeDetector(Config config) {
        for (String entry : config.contributionFactors()) {
            fraction(entry, "contributionFactors", factors);
        }
        for (String entry : config.jurisdictions()) {
            Map<String, BigDecimal> one = new LinkedHashMap<>();
            fraction(entry, "jurisdictions", one);
            one.forEach((selector, share) -> rules.add(JurisdictionRule.of(selector, share, entry)));
        }
        this.usf = Pattern.compile(config.usfPattern());
        this.exemptTypes = Arrays.stream(config.exemptServiceTypes()).map(String::strip).filter(s -> !s.isEmpty())
                .map(ServiceType::valueOf).collect(Collectors.toSet());
        this.exemptServices = Arrays.stream(config.exemptServices()).map(String::strip).collect(Collectors.toSet());
        this.tolerance = BigDecimal.valueOf(config.tolerance());
    }

    /** Reads {@code KEY=fraction} into {@code into}, naming the setting and the entry when it is not that. */
    private static void fraction(String entry, String setting, Map<String, BigDecimal> into) {
        int at = entry.lastIndexOf('=');
        String[] pair = at < 0 ? new String[] {entry} : new String[] {entry.substring(0, at), entry.substring(at + 1)};
        try {
            if (pair.length == 2 && !pair[0].isBlank()) {
                BigDecimal value = new BigDecimal(pair[1].strip());
                if (value.signum() >= 0 && value.compareTo(BigDecimal.ONE) <= 0) {
                    into.put(pair[0].strip().startsWith("code:") ? pair[0].strip() : pair[0].strip().toUpperCase(), value);
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

    /** A jurisdiction rule: which charges it covers and their interstate share. */
    private record JurisdictionRule(Pattern code, String type, String category, BigDecimal share) {

        static JurisdictionRule of(String selector, BigDecimal share, String entry) {
            if (selector.startsWith("code:")) {
                return new JurisdictionRule(Pattern.compile(selector.substring(5)), null, null, share);
            }
            String[] parts = selector.split("/", -1);
            if (parts.length != 2 || !(parts[0].equals("*") || isType(parts[0])) || !(parts[1].equals("*") || isCategory(parts[1]))) {
                throw new IllegalArgumentException("jurisdictions: expected code:REGEX=fraction or TYPE/CATEGORY=fraction (a service type, "
                        + "a charge category or *), found '" + entry + "'");
            }
            return new JurisdictionRule(null, parts[0], parts[1], share);
        }

        boolean covers(String chargeCode, ServiceType serviceType, ChargeCategory chargeCategory) {
            if (code != null) {
                return chargeCode != null && code.matcher(chargeCode).find();
            }
            return (type.equals("*") || type.equals(serviceType.name())) && (category.equals("*") || category.equals(chargeCategory.name()));
        }

        private static boolean isType(String name) {
            return Arrays.stream(ServiceType.values()).anyMatch(t -> t.name().equals(name));
        }

        private static boolean isCategory(String name) {
            return Arrays.stream(ChargeCategory.values()).anyMatch(c -> c.name().equals(name));
        }
    }

    /** One invoice: its interstate base, its assessable charges, and its USF lines. */
    private static final class Bill {
        BigDecimal interstate = BigDecimal.ZERO;
        BigDecimal assessable = BigDecimal.ZERO;
        final List<ChargeLine> usfLines = new ArrayList<>();
        final InvoiceCodeTotal first;

        Bill(InvoiceCodeTotal first) {
            this.first = first;
        }

        void add(BigDecimal amount, BigDecimal share) {
            interstate = interstate.add(amount.multiply(share));
            assessable = assessable.add(amount);
        }
    }

    @Override
    public List<Finding> detect(BookOfBusiness book) {
        // each bill's base from the store's totals per kind of service, category and charge code (what a charge's share
        // follows), so the book is never walked line by line: only its taxes and surcharges are read as lines
        Map<String, Bill> bills = new LinkedHashMap<>();
        book.invoiceCodeTotals(LineQuery.ALL, total -> {
            Bill bill = bills.computeIfAbsent(invoiceKey(total.carrier(), total.account(), total.invoiceNumber()), k -> new Bill(total));
            if (!taxLike(total.category()) && !exemptTypes.contains(total.serviceType())) {
                bill.add(total.total().amount(), shareOf(total.chargeCode(), total.serviceType(), total.category()));
            }
        });
        if (!exemptServices.isEmpty()) {
            // a service exempt by its id leaves the base its totals were counted in
            book.lines(LineQuery.ALL, exemptServices, line -> {
                Bill bill = bills.get(invoiceKey(line.carrier(), line.account(), line.invoiceNumber()));
                if (bill != null && !taxLike(line.category()) && !exemptTypes.contains(line.serviceType())) {
                    bill.add(line.amount().amount().negate(), shareOf(line.chargeCode(), line.serviceType(), line.category()));
                }
            });
        }
        // a tax may name its service without its kind: those wait for the kinds of service the other charges state
        Map<String, List<ChargeLine>> onExempt = new LinkedHashMap<>();
        List<ChargeLine> untyped = new ArrayList<>();
        Consumer<ChargeLine> judge = tax -> judgeTax(tax, tax.serviceType(), bills, onExempt);
        Consumer<ChargeLine> taxes = tax -> {
            if (tax.serviceType() == ServiceType.OTHER && tax.serviceId() != null) {
                untyped.add(tax);
            } else {
                judge.accept(tax);
            }
        };
        book.lines(LineQuery.ALL.withCategory(ChargeCategory.TAX), taxes);
        book.lines(LineQuery.ALL.withCategory(ChargeCategory.SURCHARGE), taxes);
        Map<String, ServiceType> typeOf = untyped.isEmpty() ? Map.of() : serviceTypes(book);
        for (ChargeLine tax : untyped) {
            judgeTax(tax, typeOf.getOrDefault(tax.carrier() + '\u0000' + tax.serviceId(), ServiceType.OTHER), bills, onExempt);
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

    /** A tax or surcharge on a service exempt from it, else a USF line to set against its bill's cap. */
    private void judgeTax(ChargeLine tax, ServiceType type, Map<String, Bill> bills, Map<String, List<ChargeLine>> onExempt) {
        if (tax.serviceId() != null && exempt(tax.serviceId(), type)) {
            onExempt.computeIfAbsent(tax.carrier() + '\u0000' + tax.serviceId(), k -> new ArrayList<>()).add(tax);
        } else if (isUsf(tax)) {
            Bill bill = bills.get(invoiceKey(tax.carrier(), tax.account(), tax.invoiceNumber()));
            if (bill != null) {
                bill.usfLines.add(tax);
            }
        }
    }

    /** Each service's kind as its charges (not its taxes) state it, the first stated where they differ. */
    private static Map<String, ServiceType> serviceTypes(BookOfBusiness book) {
        Map<String, ServiceType> typeOf = new HashMap<>();
        book.billedPrices(LineQuery.ALL, price -> {
            if (price.serviceId() != null && price.serviceType() != ServiceType.OTHER && !taxLike(price.category())) {
                typeOf.putIfAbsent(price.carrier() + '\u0000' + price.serviceId(), price.serviceType());
            }
        });
        return typeOf;
    }

    /** The interstate share of a charge: the first jurisdiction rule that covers it; wholly interstate when none does. */
    private BigDecimal shareOf(String chargeCode, ServiceType type, ChargeCategory category) {
        for (JurisdictionRule rule : rules) {
            if (rule.covers(chargeCode, type, category)) {
                return rule.share();
            }
        }
        return BigDecimal.ONE;
    }

    /** The basis a USF line says it was computed on (unit BASIS), or {@code null}. */
    private static BigDecimal statedBasis(ChargeLine usf) {
        return "BASIS".equalsIgnoreCase(usf.unit()) && usf.quantity() != null ? usf.quantity() : null;
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
        InvoiceCodeTotal first = bill.first;
        LocalDate billed = first.billingPeriod() != null ? first.billingPeriod().start() : first.invoiceDate();
        String quarter = billed.getYear() + "Q" + ((billed.getMonthValue() - 1) / 3 + 1);
        BigDecimal factor = factors.get(quarter);
        if (factor == null) {
            return Optional.empty();
        }
        // the bill's own stated basis is the better evidence, when every USF line states one; never above what it charged
        List<BigDecimal> stated = bill.usfLines.stream().map(TaxAndSurchargeDetector::statedBasis).toList();
        boolean basisStated = stated.stream().allMatch(Objects::nonNull);
        BigDecimal interstate = basisStated ? stated.stream().reduce(BigDecimal.ZERO, BigDecimal::add).min(bill.assessable.max(BigDecimal.ZERO))
                : bill.interstate;
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
                        + new Money(interstate, currency).rounded() + (basisStated ? " (the basis the bill states)" : " (by the jurisdiction of each charge)")
                        + ", times the " + quarter + " contribution factor "
                        + factor.movePointRight(2).stripTrailingZeros().toPlainString() + "%: " + new Money(cap, currency).rounded()
                        + ". The excess is " + monthly.rounded() + ". Dispute it for credit.",
                RecommendedAction.DISPUTE_FOR_CREDIT, monthly));
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
