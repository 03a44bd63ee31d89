package org.bridgeline.dispute.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bridgeline.api.model.ChargeLine;

/**
 * Sets the credit lines of one carrier account against its open disputes. A credit that names a
 * disputed service (and its charge code, where both say one) goes to that service's dispute, in full
 * or in part; one that names none is matched by amount: one dispute's outstanding amount, or the sum
 * of two or three disputes'; leftover credits of one bill are tried in pairs against one dispute.
 * Whatever leaves more than one answer (the service says one dispute and the amount another, two
 * disputes owe the same) is proposed, never applied. A credit counts only on a bill dated from the
 * dispute's submission up to the window's end. Pure: amounts in, decisions out.
 */
final class CreditMatcher {

    /** A dispute awaiting credit: what it still claims, since when, and the services and codes of its findings. */
    record Open(long disputeId, BigDecimal outstanding, LocalDate submittedOn, Set<String> serviceIds, Set<String> chargeCodes) {
    }

    /** A credit line of the account, with what identifies it. */
    record Credit(String key, ChargeLine line) {

        BigDecimal amount() {
            return line.amount().amount().negate();
        }
    }

    /** What to do with a credit for a dispute: apply this part of it, or propose it. */
    record Decision(long disputeId, Credit credit, BigDecimal applied, boolean proposed, String reason) {
    }

    private final BigDecimal tolerance;
    private final int months;

    CreditMatcher(BigDecimal tolerance, int months) {
        this.tolerance = tolerance;
        this.months = months;
    }

    List<Decision> match(List<Open> disputes, List<Credit> credits) {
        Map<Long, BigDecimal> outstanding = new LinkedHashMap<>();
        disputes.forEach(d -> outstanding.put(d.disputeId(), d.outstanding()));
        List<Decision> decisions = new ArrayList<>();
        List<Credit> left = new ArrayList<>();
        List<Credit> ordered = credits.stream().sorted(Comparator.comparing((Credit c) -> c.line().invoiceDate())
                .thenComparing(c -> c.line().source().file()).thenComparingLong(c -> c.line().source().record())).toList();
        for (Credit credit : ordered) {
            List<Open> open = disputes.stream().filter(d -> inWindow(d, credit) && outstanding.get(d.disputeId()).compareTo(tolerance) > 0)
                    .toList();
            List<Decision> made = decide(credit, open, outstanding);
            if (made.isEmpty()) {
                left.add(credit);
            }
            for (Decision decision : made) {
                if (!decision.proposed()) {
                    outstanding.merge(decision.disputeId(), decision.applied().negate(), BigDecimal::add);
                }
            }
            decisions.addAll(made);
        }
        decisions.addAll(pairsOfOneBill(disputes, left, outstanding));
        return decisions;
    }

    private List<Decision> decide(Credit credit, List<Open> open, Map<Long, BigDecimal> outstanding) {
        BigDecimal amount = credit.amount();
        List<Open> exact = open.stream().filter(d -> same(outstanding.get(d.disputeId()), amount)).toList();
        String service = credit.line().serviceId();
        List<Open> named = service == null ? List.of() : open.stream().filter(d -> d.serviceIds().contains(service)).toList();
        String code = credit.line().chargeCode();
        List<Open> ofService = named.size() > 1 && code != null && named.stream().anyMatch(d -> d.chargeCodes().contains(code))
                ? named.stream().filter(d -> d.chargeCodes().contains(code)).toList() : named;
        if (ofService.size() == 1) {
            Open dispute = ofService.get(0);
            BigDecimal owed = outstanding.get(dispute.disputeId());
            String why = "names service " + service + (code != null && dispute.chargeCodes().contains(code) ? " and code " + code : "");
            if (amount.compareTo(owed.add(tolerance)) > 0) {
                return List.of(propose(dispute, credit, why + ", but credits " + amount.toPlainString() + " of " + owed.toPlainString()
                        + " outstanding"));
            }
            if (!exact.isEmpty() && !exact.contains(dispute)) {
                List<Decision> proposals = new ArrayList<>();
                proposals.add(propose(dispute, credit, why + ", but its amount is what dispute " + ids(exact) + " claims"));
                exact.forEach(other -> proposals.add(propose(other, credit, "its amount is what this dispute claims, but it names service "
                        + service + " of dispute " + dispute.disputeId())));
                return proposals;
            }
            return List.of(new Decision(dispute.disputeId(), credit, amount.min(owed), false,
                    why + (same(owed, amount) ? ", the whole amount" : ", part of the amount")));
        }
        if (ofService.size() > 1) {
            List<Open> exactOfService = ofService.stream().filter(exact::contains).toList();
            if (exactOfService.size() == 1) {
                return List.of(new Decision(exactOfService.get(0).disputeId(), credit, amount, false,
                        "names service " + service + " and its amount is what this dispute claims"));
            }
            return ofService.stream().map(d -> propose(d, credit, "names service " + service + ", which disputes " + ids(ofService)
                    + " all hold")).toList();
        }
        List<List<Open>> sums = sums(open, amount, outstanding);
        if (exact.size() == 1 && sums.isEmpty()) {
            return List.of(new Decision(exact.get(0).disputeId(), credit, amount, false, "its amount is what this dispute claims"));
        }
        if (exact.isEmpty() && sums.size() == 1) {
            return sums.get(0).stream().map(d -> new Decision(d.disputeId(), credit, outstanding.get(d.disputeId()), false,
                    "its amount is what disputes " + ids(sums.get(0)) + " claim together")).toList();
        }
        if (exact.size() + sums.size() > 1) {
            Set<Open> candidates = new LinkedHashSet<>(exact);
            sums.forEach(candidates::addAll);
            return candidates.stream().map(d -> propose(d, credit, "its amount fits " + (exact.size() + sums.size())
                    + " ways among disputes " + ids(new ArrayList<>(candidates)))).toList();
        }
        return List.of();
    }

    /** Two or three disputes whose outstanding amounts add up to the credit's. */
    private List<List<Open>> sums(List<Open> open, BigDecimal amount, Map<Long, BigDecimal> outstanding) {
        List<List<Open>> found = new ArrayList<>();
        int n = open.size();
        for (int a = 0; a < n && found.size() < 3; a++) {
            BigDecimal first = outstanding.get(open.get(a).disputeId());
            for (int b = a + 1; b < n && found.size() < 3; b++) {
                BigDecimal two = first.add(outstanding.get(open.get(b).disputeId()));
                if (same(two, amount)) {
                    found.add(List.of(open.get(a), open.get(b)));
                }
                if (n <= 60 && two.compareTo(amount) < 0) {
                    for (int c = b + 1; c < n && found.size() < 3; c++) {
                        if (same(two.add(outstanding.get(open.get(c).disputeId())), amount)) {
                            found.add(List.of(open.get(a), open.get(b), open.get(c)));
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Credits left of one bill that together pay one dispute's outstanding amount, when exactly one pair does. */
    private List<Decision> pairsOfOneBill(List<Open> disputes, List<Credit> left, Map<Long, BigDecimal> outstanding) {
        List<Decision> decisions = new ArrayList<>();
        Set<Credit> used = new LinkedHashSet<>();
        for (int a = 0; a < left.size(); a++) {
            for (int b = a + 1; b < left.size(); b++) {
                Credit one = left.get(a);
                Credit two = left.get(b);
                if (used.contains(one) || used.contains(two) || !one.line().invoiceNumber().equals(two.line().invoiceNumber())) {
                    continue;
                }
                BigDecimal sum = one.amount().add(two.amount());
                List<Open> paid = disputes.stream().filter(d -> inWindow(d, one) && same(outstanding.get(d.disputeId()), sum)).toList();
                if (paid.size() == 1) {
                    long id = paid.get(0).disputeId();
                    decisions.add(new Decision(id, one, one.amount(), false, "with another credit of its bill, what this dispute claims"));
                    decisions.add(new Decision(id, two, two.amount(), false, "with another credit of its bill, what this dispute claims"));
                    outstanding.put(id, BigDecimal.ZERO);
                    used.add(one);
                    used.add(two);
                }
            }
        }
        return decisions;
    }

    private boolean inWindow(Open dispute, Credit credit) {
        LocalDate billed = credit.line().invoiceDate();
        return !billed.isBefore(dispute.submittedOn()) && !billed.isAfter(dispute.submittedOn().plusMonths(months));
    }

    private boolean same(BigDecimal a, BigDecimal b) {
        return a.subtract(b).abs().compareTo(tolerance) <= 0;
    }

    private static Decision propose(Open dispute, Credit credit, String why) {
        return new Decision(dispute.disputeId(), credit, credit.amount().min(dispute.outstanding()).max(BigDecimal.ZERO), true, why);
    }

    private static String ids(List<Open> disputes) {
        return String.join(" and ", disputes.stream().map(d -> String.valueOf(d.disputeId())).toList());
    }
}
