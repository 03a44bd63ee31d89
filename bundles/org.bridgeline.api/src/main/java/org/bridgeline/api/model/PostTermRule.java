package org.bridgeline.api.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * What an agreement says a service costs once its own term has ended.
 *
 * @param kind          which rule
 * @param upliftPercent for {@link Kind#UPLIFT}, the percent the rate may rise by; otherwise {@code null}
 * @param listPrices    for {@link Kind#LIST_PRICE}, the carrier's month-to-month list prices the agreement names
 */
public record PostTermRule(Kind kind, BigDecimal upliftPercent, List<ContractRate> listPrices) {

    /** The rules agreements use. */
    public enum Kind {
        /** The term's rate holds. */
        HOLD,
        /** The rate may rise by a stated percent. */
        UPLIFT,
        /** The service goes to the list price the agreement names. */
        LIST_PRICE,
        /** The service goes month to month at whatever the carrier lists: the agreement sets no ceiling. */
        MONTH_TO_MONTH
    }

    /** What an agreement that says nothing gets: month to month, no ceiling (the model before service schedules). */
    public static final PostTermRule MONTH_TO_MONTH = new PostTermRule(Kind.MONTH_TO_MONTH, null, List.of());
    public static final PostTermRule HOLD = new PostTermRule(Kind.HOLD, null, List.of());

    public PostTermRule {
        Objects.requireNonNull(kind, "kind");
        listPrices = listPrices == null ? List.of() : List.copyOf(listPrices);
        if (kind == Kind.UPLIFT && (upliftPercent == null || upliftPercent.signum() < 0)) {
            throw new IllegalArgumentException("an UPLIFT rule needs a percent of 0 or more, found " + upliftPercent);
        }
    }

    public static PostTermRule uplift(BigDecimal percent) {
        return new PostTermRule(Kind.UPLIFT, percent, List.of());
    }

    /**
     * The most the agreement allows per unit after the term, for a service whose term rate is {@code rate}; {@code null}
     * when it sets no ceiling (month to month, or a list price it does not name). An uplift is rounded half up to the
     * currency's minor unit, as carriers round a price.
     */
    public Money allowedAfterTerm(ContractRate rate, ServiceType type, String chargeCode, BigDecimal bandwidthMbps) {
        return switch (kind) {
            case HOLD -> rate.rate();
            case UPLIFT -> {
                int scale = Math.max(rate.rate().currency().getDefaultFractionDigits(), 0);
                BigDecimal raised = rate.rate().amount().multiply(BigDecimal.valueOf(100).add(upliftPercent)).movePointLeft(2);
                yield new Money(raised.setScale(Math.max(scale, rate.rate().amount().scale()), RoundingMode.HALF_UP), rate.rate().currency());
            }
            case LIST_PRICE -> listPrices.stream().filter(list -> list.matches(type, chargeCode, bandwidthMbps)).map(ContractRate::rate)
                    .findFirst().orElse(null);
            case MONTH_TO_MONTH -> null;
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case HOLD -> "the rate holds";
            case UPLIFT -> "the rate may rise by " + upliftPercent.stripTrailingZeros().toPlainString() + "%";
            case LIST_PRICE -> "the service goes to the named list price";
            case MONTH_TO_MONTH -> "the service goes month to month";
        };
    }
}
