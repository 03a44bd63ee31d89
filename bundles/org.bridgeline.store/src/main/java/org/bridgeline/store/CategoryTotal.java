package org.bridgeline.store;

import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.Money;

/**
 * The sum of a charge category's lines in one currency.
 *
 * @param category the charge category
 * @param total    the exact sum
 * @param lines    how many lines
 */
public record CategoryTotal(ChargeCategory category, Money total, long lines) {
}
