package org.bridgeline.parser.layout.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a layout writes numbers: decimal and grouping separators, currency signs to ignore,
 * negatives in parentheses or with a trailing minus, implied decimals. Parsing is exact.
 */
final class NumberFormatSpec {

    static final NumberFormatSpec PLAIN = new NumberFormatSpec('.', "", List.of(), true, 0);
    /** Longer than any amount a bill states; BigDecimal takes seconds to read a million digits, so the text is refused first. */
    private static final int LONGEST = 40;

    private final char decimalSeparator;
    private final String groupingSeparator;
    private final List<String> currencySymbols;
    private final boolean parenthesesNegative;
    private final int impliedDecimals;
    /** Digits, grouped in threes by the grouping separator or not at all, then the decimal part. */
    private final Pattern shape;

    NumberFormatSpec(char decimalSeparator, String groupingSeparator, List<String> currencySymbols, boolean parenthesesNegative,
            int impliedDecimals) {
        this.decimalSeparator = decimalSeparator;
        this.groupingSeparator = groupingSeparator;
        this.currencySymbols = List.copyOf(currencySymbols);
        this.parenthesesNegative = parenthesesNegative;
        this.impliedDecimals = impliedDecimals;
        String grouping = Pattern.quote(groupingSeparator);
        String decimal = Pattern.quote(String.valueOf(decimalSeparator));
        String whole = groupingSeparator.isEmpty() ? "\\d+" : "(\\d{1,3}(" + grouping + "\\d{3})+|\\d+)";
        // 12, 1,234.50, 12. and .74 (no whole part, as some exports write cents)
        this.shape = Pattern.compile("(" + whole + "(" + decimal + "\\d*)?|" + decimal + "\\d+)");
    }

    /** The number, or throws {@link NumberFormatException} with what was found. */
    BigDecimal parse(String text) {
        String value = text.strip();
        if (value.length() > LONGEST) {
            throw new NumberFormatException(text);
        }
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
        // no amount or quantity has 60 characters; a longer run of digits costs BigDecimal seconds to read (quadratic)
        if (value.length() > 60 || !plainDecimal(value) && !shape.matcher(value).matches()) {
            throw new NumberFormatException(text.length() > 60 ? text.substring(0, 20) + "... (" + text.length() + " characters)" : text);
        }
        if (!groupingSeparator.isEmpty()) {
            value = value.replace(groupingSeparator, "");
        }
        if (decimalSeparator != '.') {
            value = value.replace(decimalSeparator, '.');
        }
        BigDecimal number = new BigDecimal(value);
        if (impliedDecimals > 0) {
            number = number.movePointLeft(impliedDecimals);
        }
        return negative ? number.negate() : number;
    }

    /**
     * Digits with at most one decimal separator and a digit somewhere: the shape most cells have, which the
     * pattern accepts too, told without it (a number is read for most fields of every line).
     */
    private boolean plainDecimal(String value) {
        boolean digit = false;
        boolean separator = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == decimalSeparator && !separator) {
                separator = true;
            } else {
                return false;
            }
        }
        return digit;
    }

    /** For messages: what a number looks like in this layout. */
    String example() {
        String digits = "1" + groupingSeparator + "234" + decimalSeparator + "50";
        String sign = currencySymbols.isEmpty() ? "" : currencySymbols.get(0);
        return "a number such as " + sign + digits + (parenthesesNegative ? " or (" + sign + digits + ")" : "");
    }
}
