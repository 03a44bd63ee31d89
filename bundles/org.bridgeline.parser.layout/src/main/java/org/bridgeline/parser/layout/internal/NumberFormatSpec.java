package org.bridgeline.parser.layout.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * How a layout writes numbers: decimal and grouping separators, currency signs to ignore,
 * negatives in parentheses or with a trailing minus, implied decimals. Parsing is exact.
 */
record NumberFormatSpec(char decimalSeparator, String groupingSeparator, List<String> currencySymbols,
        boolean parenthesesNegative, int impliedDecimals) {

    static final NumberFormatSpec PLAIN = new NumberFormatSpec('.', "", List.of(), false, 0);

    /** The number, or throws {@link NumberFormatException} with what was found. */
    BigDecimal parse(String text) {
        String value = text.strip();
        boolean negative = false;
        if (parenthesesNegative && value.startsWith("(") && value.endsWith(")")) {
            negative = true;
            value = value.substring(1, value.length() - 1).strip();
        }
        for (String symbol : currencySymbols) {
            value = value.replace(symbol, "");
        }
        value = value.strip();
        if (value.endsWith("-")) {
            negative = !negative;
            value = value.substring(0, value.length() - 1);
        }
        if (value.startsWith("-")) {
            negative = !negative;
            value = value.substring(1).strip();
        }
        // digits, grouped in threes by the grouping separator or not at all, then the decimal part
        String grouping = java.util.regex.Pattern.quote(groupingSeparator);
        String decimal = java.util.regex.Pattern.quote(String.valueOf(decimalSeparator));
        String shape = (groupingSeparator.isEmpty() ? "\\d+" : "(\\d{1,3}(" + grouping + "\\d{3})+|\\d+)") + "(" + decimal + "\\d*)?";
        if (!value.matches(shape)) {
            throw new NumberFormatException(text);
        }
        if (!groupingSeparator.isEmpty()) {
            value = value.replace(groupingSeparator, "");
        }
        value = value.replace(decimalSeparator, '.');
        BigDecimal number = new BigDecimal(value);
        if (impliedDecimals > 0) {
            number = number.movePointLeft(impliedDecimals);
        }
        return negative ? number.negate() : number;
    }

    /** For messages: what a number looks like in this layout. */
    String example() {
        String digits = "1" + (groupingSeparator.isEmpty() ? "" : groupingSeparator) + "234" + decimalSeparator + "50";
        String sign = currencySymbols.isEmpty() ? "" : currencySymbols.get(0);
        return "a number such as " + sign + digits + (parenthesesNegative ? " or (" + sign + digits + ")" : "");
    }
}
