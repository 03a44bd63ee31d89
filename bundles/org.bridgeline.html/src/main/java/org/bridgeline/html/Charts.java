package org.bridgeline.html;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

/**
 * Charts as inline SVG, drawn the same in the negotiation packages and the dashboard: no script, a
 * title for screen readers, the figures written beside the marks. Amounts are exact decimals and are
 * only rounded to place a mark.
 */
public final class Charts {

    /** Fills that hold 3:1 or more against white (non-text contrast), one per series in turn. */
    private static final List<String> PALETTE = List.of("#2b6cb0", "#c05621", "#2f855a", "#805ad5", "#b7791f", "#c53030", "#2c7a7b");

    private Charts() {
    }

    /** A bar: its label, its value and, when there is one, the target drawn beneath it. */
    public record Bar(String label, BigDecimal value, BigDecimal target) {
    }

    /** One series of a stacked chart: its name and a value per category, in the categories' order (null for none). */
    public record Series(String name, List<BigDecimal> values) {
    }

    /** An amount as the charts and tables print it: two decimals, thousands grouped, {@code 12,345.60}. */
    public static String amount(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        return format.format(value.setScale(2, RoundingMode.HALF_EVEN));
    }

    /** Horizontal bars, with a second, lighter bar for a target when there is one (styled by the page: {@code rect.now}, {@code rect.target}). */
    public static String bars(List<Bar> bars, String id) {
        if (bars.isEmpty()) {
            return "<p>No data.</p>\n";
        }
        StringBuilder h = new StringBuilder();
        BigDecimal max = bars.stream().map(b -> b.target() == null ? b.value() : b.value().max(b.target())).max(BigDecimal::compareTo)
                .orElse(BigDecimal.ONE).max(BigDecimal.ONE);
        int row = bars.get(0).target() == null ? 22 : 30;
        int width = 720;
        int labelWidth = 170;
        int plot = width - labelWidth - 110;
        h.append("<svg id=\"").append(Html.escape(id)).append("\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
                .append("\" height=\"").append(bars.size() * row + 24).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(bars.size() * row + 24).append("\">\n");
        int y = 4;
        for (Bar bar : bars) {
            h.append("<text x=\"").append(labelWidth - 6).append("\" y=\"").append(y + 13).append("\" text-anchor=\"end\">")
                    .append(Html.escape(bar.label())).append("</text>\n");
            h.append("<rect class=\"now\" x=\"").append(labelWidth).append("\" y=\"").append(y).append("\" width=\"")
                    .append(scale(bar.value(), max, plot)).append("\" height=\"14\"/>\n");
            h.append("<text x=\"").append(labelWidth + scale(bar.value(), max, plot) + 4).append("\" y=\"").append(y + 12).append("\">")
                    .append(amount(bar.value())).append("</text>\n");
            if (bar.target() != null) {
                h.append("<rect class=\"target\" x=\"").append(labelWidth).append("\" y=\"").append(y + 15).append("\" width=\"")
                        .append(scale(bar.target(), max, plot)).append("\" height=\"8\"/>\n");
            }
            y += row;
        }
        if (bars.get(0).target() != null) {
            h.append("<rect class=\"now\" x=\"").append(labelWidth).append("\" y=\"").append(y + 4).append("\" width=\"10\" height=\"10\"/>")
                    .append("<text x=\"").append(labelWidth + 14).append("\" y=\"").append(y + 13).append("\">now</text>")
                    .append("<rect class=\"target\" x=\"").append(labelWidth + 60).append("\" y=\"").append(y + 4)
                    .append("\" width=\"10\" height=\"10\"/><text x=\"").append(labelWidth + 74).append("\" y=\"").append(y + 13)
                    .append("\">target</text>\n");
        }
        return h.append("</svg>\n").toString();
    }

    /**
     * Stacked columns, one per category (a month), one colour per series (a carrier), each column's
     * total above it and a legend below; drawn at its own size (a page may let it shrink to fit: {@code svg { max-width: 100%; height: auto }}).
     */
    public static String stackedColumns(List<String> categories, List<Series> series, String id, String title) {
        if (categories.isEmpty() || series.isEmpty()) {
            return "<p>No data.</p>\n";
        }
        BigDecimal[] totals = new BigDecimal[categories.size()];
        for (int c = 0; c < categories.size(); c++) {
            totals[c] = BigDecimal.ZERO;
            for (Series each : series) {
                BigDecimal value = each.values().get(c);
                totals[c] = totals[c].add(value == null ? BigDecimal.ZERO : value.max(BigDecimal.ZERO));
            }
        }
        BigDecimal max = BigDecimal.ONE;
        for (BigDecimal total : totals) {
            max = max.max(total);
        }
        int column = 56;
        int plot = 200;
        int top = 22;
        int width = categories.size() * column + 20;
        int legendY = top + plot + 34;
        int height = legendY + ((series.size() + 2) / 3) * 18 + 8;
        StringBuilder h = new StringBuilder();
        h.append("<svg id=\"").append(Html.escape(id)).append("\" role=\"img\" aria-labelledby=\"").append(Html.escape(id))
                .append("-title\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\">\n<title id=\"").append(Html.escape(id))
                .append("-title\">").append(Html.escape(title)).append("</title>\n");
        for (int c = 0; c < categories.size(); c++) {
            int x = 10 + c * column;
            int y = top + plot;
            for (int s = 0; s < series.size(); s++) {
                BigDecimal value = series.get(s).values().get(c);
                int size = value == null ? 0 : scale(value, max, plot);
                if (size > 0) {
                    y -= size;
                    h.append("<rect x=\"").append(x + 6).append("\" y=\"").append(y).append("\" width=\"").append(column - 12)
                            .append("\" height=\"").append(size).append("\" fill=\"").append(PALETTE.get(s % PALETTE.size()))
                            .append("\"><title>").append(Html.escape(series.get(s).name() + ", " + categories.get(c) + ": " + amount(value)))
                            .append("</title></rect>\n");
                }
            }
            h.append("<text x=\"").append(x + column / 2).append("\" y=\"").append(y - 4).append("\" text-anchor=\"middle\" font-size=\"9\">")
                    .append(compact(totals[c])).append("</text>\n")
                    .append("<text x=\"").append(x + column / 2).append("\" y=\"").append(top + plot + 14)
                    .append("\" text-anchor=\"middle\" font-size=\"10\">").append(Html.escape(categories.get(c))).append("</text>\n");
        }
        for (int s = 0; s < series.size(); s++) {
            int x = 10 + (s % 3) * Math.max(120, (width - 20) / 3);
            int y = legendY + (s / 3) * 18;
            h.append("<rect x=\"").append(x).append("\" y=\"").append(y - 9).append("\" width=\"10\" height=\"10\" fill=\"")
                    .append(PALETTE.get(s % PALETTE.size())).append("\"/><text x=\"").append(x + 14).append("\" y=\"").append(y)
                    .append("\" font-size=\"10\">").append(Html.escape(series.get(s).name())).append("</text>\n");
        }
        return h.append("</svg>\n").toString();
    }

    /** A column's total in a few characters: {@code 23.3k}. */
    private static String compact(BigDecimal value) {
        BigDecimal thousands = value.divide(BigDecimal.valueOf(1000), 1, RoundingMode.HALF_EVEN);
        return thousands.compareTo(BigDecimal.ONE) >= 0 ? thousands.toPlainString() + "k" : value.setScale(0, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static int scale(BigDecimal value, BigDecimal max, int plot) {
        return value.max(BigDecimal.ZERO).multiply(BigDecimal.valueOf(plot)).divide(max, 0, RoundingMode.HALF_EVEN).intValue();
    }
}
