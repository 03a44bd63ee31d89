package org.bridgeline.store.jdbc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.bridgeline.store.StoreException;

/**
 * Exact money in DECIMAL(18, 6) columns: a value is stored at scale 6 without rounding, or
 * refused with the field and the value, never silently changed.
 */
final class Decimals {

    static final int SCALE = 6;
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000"); // 12 integer digits

    private Decimals() {
    }

    static BigDecimal exact(BigDecimal value, String field, Object where) throws StoreException {
        if (value == null) {
            return null;
        }
        BigDecimal scaled;
        try {
            scaled = value.setScale(SCALE, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new StoreException(where + ": field \"" + field + "\": expected at most " + SCALE
                    + " decimal places, found " + value.toPlainString());
        }
        if (scaled.abs().compareTo(LIMIT) >= 0) {
            throw new StoreException(where + ": field \"" + field + "\": expected less than 10^12 in absolute value, found "
                    + value.toPlainString());
        }
        return scaled;
    }
}
