package org.bridgeline.enterprise;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.SourcePosition;
import org.bridgeline.enterprise.SeededEnterprise.Anomaly;

/**
 * The seeded enterprise's bills of the two months after its year, carrying credits as carriers pay
 * disputes, and the ground truth of each credit: which anomalies' disputes it settles (when every
 * anomaly that overbilled is disputed on its own, submitted before these bills), or that it is
 * ambiguous (an operator must decide) or unrelated (it settles nothing). The credits are:
 * <ul>
 * <li>{@code full}: the whole amount owed, on the service and its charge code;</li>
 * <li>{@code partial}: half of it, on the service;</li>
 * <li>{@code split}: half on January's bill, the rest on February's;</li>
 * <li>{@code pair}: one account-level credit paying two bill-level anomalies (late fees, USF above its cap);</li>
 * <li>{@code bill}: one account-level credit paying one bill-level anomaly;</li>
 * <li>{@code other-service}: the whole amount, put on another service of the same account;</li>
 * <li>{@code ambiguous}: a credit on a disputed, uncredited service for exactly what another dispute claims, first on its bill;</li>
 * <li>{@code unrelated}: a goodwill credit and a credit on an undisputed service, of amounts no dispute claims.</li>
 * </ul>
 * Amounts that several disputes (or pairs of them) claim alike are ambiguous by amount: a credit
 * matched by amount alone is then marked ambiguous in the truth too. The bills also carry the
 * carriers' own small negative adjustments, which settle nothing.
 *
 * @param lines   every line of the later bills, in invoice then source order
 * @param credits the credit lines added, with what each settles
 */
public record LaterBills(List<ChargeLine> lines, List<Credit> credits) {

    /** The code a carrier's account-level credit carries. */
    public static final String CREDIT_CODE = "CRDT";

    public LaterBills {
        lines = List.copyOf(lines);
        credits = List.copyOf(credits);
    }

    /**
     * One credit line and its truth.
     *
     * @param carrier   the carrier
     * @param invoice   the invoice carrying it
     * @param serviceId the service it names, or {@code null}
     * @param amount    its amount (negative)
     * @param scenario  which of the cases above it is
     * @param settles   the anomalies whose disputes it pays (empty when ambiguous or unrelated)
     * @param ambiguous whether it must be proposed to an operator rather than applied
     */
    public record Credit(String carrier, String invoice, String serviceId, BigDecimal amount, String scenario, List<Anomaly> settles,
            boolean ambiguous) {

        public Credit {
            settles = List.copyOf(settles);
        }
    }

    private static final Set<String> SERVICE_KINDS = Set.of("rate-above-contract", "billed-after-disconnect", "duplicate-charge",
            "tax-on-exempt-service");
    private static final Set<String> BILL_KINDS = Set.of("late-fee", "usf-above-cap");

    static LaterBills of(SeededEnterprise enterprise) {
        List<ChargeLine> bills = enterprise.billsAfterTheYear(2);
        Map<String, List<ChargeLine>> invoices = new LinkedHashMap<>();
        for (ChargeLine line : bills) {
            invoices.computeIfAbsent(line.invoiceNumber(), k -> new ArrayList<>()).add(line);
        }
        Random random = new Random(enterprise.seed() * 7919 + 13);
        List<Credit> credits = new ArrayList<>();
        Map<Anomaly, BigDecimal> owed = new LinkedHashMap<>();
        enterprise.owedCredits().forEach((anomaly, amount) -> {
            if (amount.signum() > 0) {
                owed.put(anomaly, amount);
            }
        });
        for (String carrier : List.of(SeededEnterprise.ACME, SeededEnterprise.NORTHWIND, SeededEnterprise.BLUEWAVE)) {
            String prefix = carrier.substring(0, 2).toUpperCase();
            String january = prefix + "-" + YearMonth.of(SeededEnterprise.YEAR + 1, 1);
            String february = prefix + "-" + YearMonth.of(SeededEnterprise.YEAR + 1, 2);
            List<Anomaly> services = new ArrayList<>(owed.keySet().stream().filter(a -> a.carrier().equals(carrier)
                    && SERVICE_KINDS.contains(a.kind())).toList());
            List<Anomaly> billLevel = new ArrayList<>(owed.keySet().stream().filter(a -> a.carrier().equals(carrier)
                    && BILL_KINDS.contains(a.kind())).toList());
            Collections.shuffle(services, random);
            Collections.shuffle(billLevel, random);
            List<Anomaly> uncredited = new ArrayList<>();
            int firstOfCarrier = credits.size();
            List<String> untouched = new ArrayList<>(enterprise.untouchedServices(carrier));
            Collections.shuffle(untouched, random);
            // one of each service case in turn, one anomaly in six left uncredited (a denial or silence)
            String[] cases = {"full", "none", "partial", "split", "other-service", "full"};
            List<Anomaly> ambiguousCandidates = new ArrayList<>();
            for (int i = 0; i < services.size(); i++) {
                Anomaly anomaly = services.get(i);
                BigDecimal amount = owed.get(anomaly);
                String scenario = cases[i % cases.length];
                if (scenario.equals("other-service") && untouched.isEmpty()) {
                    scenario = "full";
                }
                switch (scenario) {
                    case "full" -> credits.add(credit(carrier, january, anomaly.subject(),
                            amount, "full", List.of(anomaly), false));
                    case "partial" -> credits.add(credit(carrier, january, anomaly.subject(),
                            half(amount), "partial", List.of(anomaly), false));
                    case "split" -> {
                        BigDecimal first = half(amount);
                        credits.add(credit(carrier, january, anomaly.subject(), first, "split",
                                List.of(anomaly), false));
                        credits.add(credit(carrier, february, anomaly.subject(),
                                amount.subtract(first), "split", List.of(anomaly), false));
                    }
                    case "other-service" -> credits.add(credit(carrier, january, untouched.remove(0), amount,
                            "other-service", List.of(anomaly), false));
                    default -> {
                        uncredited.add(anomaly);
                        ambiguousCandidates.add(anomaly);
                    }
                }
            }
            int b = 0;
            for (; b + 1 < billLevel.size() && b < 2; b += 2) {
                Anomaly first = billLevel.get(b);
                Anomaly second = billLevel.get(b + 1);
                credits.add(credit(carrier, january, null, owed.get(first).add(owed.get(second)), "pair",
                        List.of(first, second), false));
            }
            for (; b < billLevel.size(); b++) {
                if (b % 3 == 2) {
                    uncredited.add(billLevel.get(b));
                    continue;
                }
                credits.add(credit(carrier, january, null, owed.get(billLevel.get(b)), "bill",
                        List.of(billLevel.get(b)), false));
            }
            // a credit on a disputed, otherwise uncredited service for exactly what another dispute of the carrier claims: the
            // service says one dispute, the amount another (and where the other claims more, more than the first is owed)
            Anomaly[] pair = null;
            List<Anomaly> ofCarrier = owed.keySet().stream().filter(a -> a.carrier().equals(carrier)).toList();
            for (Anomaly x : ambiguousCandidates) {
                for (Anomaly y : ofCarrier) {
                    boolean smaller = owed.get(y).compareTo(owed.get(x)) < 0;
                    if (!y.equals(x) && owed.get(y).compareTo(owed.get(x)) != 0 && (pair == null || smaller)) {
                        pair = new Anomaly[] {x, y};
                    }
                }
            }
            if (pair != null) {
                // first on its bill, so the other dispute still claims its whole amount when it is read
                credits.add(firstOfCarrier, credit(carrier, january, pair[0].subject(), owed.get(pair[1]), "ambiguous", List.of(), true));
            }
            credits.add(credit(carrier, january, null, unclaimed(owed, random), "unrelated", List.of(), false));
            if (!untouched.isEmpty()) {
                credits.add(credit(carrier, february, untouched.remove(0), unclaimed(owed, random), "unrelated",
                        List.of(), false));
            }
        }
        markAmbiguousByAmount(credits, owed);
        // each credit at the end of its invoice, in the carrier's format as its other lines
        List<ChargeLine> lines = new ArrayList<>();
        for (Map.Entry<String, List<ChargeLine>> invoice : invoices.entrySet()) {
            List<ChargeLine> of = invoice.getValue();
            lines.addAll(of);
            ChargeLine first = of.get(0);
            int record = of.size();
            for (Credit credit : credits) {
                if (credit.invoice().equals(invoice.getKey())) {
                    lines.add(line(enterprise, first, credit, SourcePosition.of(first.source().file(), ++record, record)));
                }
            }
        }
        return new LaterBills(lines, credits);
    }

    /** The code of the charge an anomaly overbilled: the service's plan or port code, or the tax's. */
    private static String codeOf(SeededEnterprise enterprise, Anomaly anomaly) {
        return anomaly.kind().equals("tax-on-exempt-service") ? "ST" : enterprise.chargeCodeOf(anomaly.subject());
    }

    private static BigDecimal half(BigDecimal amount) {
        return amount.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
    }

    /** An amount no anomaly and no two anomalies owe: a credit that settles nothing. */
    private static BigDecimal unclaimed(Map<Anomaly, BigDecimal> owed, Random random) {
        while (true) {
            BigDecimal amount = BigDecimal.valueOf(1_000 + random.nextInt(9_000), 2);
            boolean claimed = false;
            for (BigDecimal one : owed.values()) {
                claimed |= one.compareTo(amount) == 0;
                for (BigDecimal two : owed.values()) {
                    claimed |= one.add(two).compareTo(amount) == 0;
                }
            }
            if (!claimed) {
                return amount;
            }
        }
    }

    /**
     * A credit that names no disputed service is matched by amount; where another anomaly of its carrier
     * (or another pair) owes the same, amount alone cannot tell, and the truth says so.
     */
    private static void markAmbiguousByAmount(List<Credit> credits, Map<Anomaly, BigDecimal> owed) {
        for (int i = 0; i < credits.size(); i++) {
            Credit credit = credits.get(i);
            if (credit.ambiguous() || credit.settles().isEmpty() || credit.scenario().equals("full") || credit.scenario().equals("partial")
                    || credit.scenario().equals("split")) {
                continue;
            }
            BigDecimal amount = credit.amount().negate();
            List<BigDecimal> ofCarrier = owed.entrySet().stream().filter(e -> e.getKey().carrier().equals(credit.carrier()))
                    .map(Map.Entry::getValue).toList();
            int ways = 0;
            for (int a = 0; a < ofCarrier.size(); a++) {
                ways += ofCarrier.get(a).compareTo(amount) == 0 ? 1 : 0;
                for (int c = a + 1; c < ofCarrier.size(); c++) {
                    ways += ofCarrier.get(a).add(ofCarrier.get(c)).compareTo(amount) == 0 ? 1 : 0;
                }
            }
            if (ways > 1) {
                credits.set(i, new Credit(credit.carrier(), credit.invoice(), credit.serviceId(), credit.amount(), credit.scenario(), List.of(),
                        true));
            }
        }
    }

    private static Credit credit(String carrier, String invoice, String serviceId, BigDecimal amount, String scenario, List<Anomaly> settles,
            boolean ambiguous) {
        return new Credit(carrier, invoice, serviceId, amount.negate(), scenario, settles, ambiguous);
    }

    private static ChargeLine line(SeededEnterprise enterprise, ChargeLine invoiceLine, Credit credit, SourcePosition source) {
        // Bluewave's portal export has no credit rows: its credits are adjustments
        ChargeCategory category = credit.carrier().equals(SeededEnterprise.BLUEWAVE) ? ChargeCategory.ADJUSTMENT : ChargeCategory.CREDIT;
        ChargeLine.Builder builder = ChargeLine.builder().carrier(invoiceLine.carrier()).account(invoiceLine.account())
                .invoiceNumber(invoiceLine.invoiceNumber()).invoiceDate(invoiceLine.invoiceDate()).billingPeriod(invoiceLine.billingPeriod())
                .category(category).description(credit.serviceId() == null ? "Account credit" : "Credit: billing correction")
                .amount(new Money(credit.amount(), invoiceLine.amount().currency())).source(source);
        if (credit.serviceId() != null) {
            builder.serviceId(credit.serviceId()).site(enterprise.siteOf(credit.serviceId())).serviceType(enterprise.typeOf(credit.serviceId()))
                    .chargeCode(credit.scenario().equals("other-service") || credit.scenario().equals("ambiguous")
                            || credit.scenario().equals("unrelated") ? CREDIT_CODE : codeFor(enterprise, credit));
        } else {
            builder.chargeCode(CREDIT_CODE);
        }
        return builder.build();
    }

    private static String codeFor(SeededEnterprise enterprise, Credit credit) {
        Anomaly anomaly = credit.settles().get(0);
        return codeOf(enterprise, anomaly);
    }
}
