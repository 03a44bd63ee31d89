package org.bridgeline.benchmark.ratedeck.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tukaani.xz.XZInputStream;

/**
 * A destination rate deck in memory: prefix to destination and price per minute, for the
 * current rows (Status {@code Current}, or no Status column). Read as CSV with the columns
 * Destination, Prefix, First Interval, Sub Interval, Rate; {@code .xz} files are decompressed as
 * they are read.
 */
final class RateDeck {

    /** One prefix: where it goes, its price per minute, its billing increments in seconds, since when. */
    record Rate(String prefix, String destination, BigDecimal perMinute, int firstInterval, int subInterval, LocalDate since) {
    }

    /** A deck that does not read; the message names the file, line and field. */
    static final class BadDeck extends Exception {
        private static final long serialVersionUID = 1L;

        BadDeck(String message) {
            super(message, null, false, false);
        }
    }

    private final Map<String, Rate> byPrefix;
    private final int longest;
    private final LocalDate asOf;

    private final int unpriced;

    private RateDeck(Map<String, Rate> byPrefix, int unpriced) {
        this.byPrefix = byPrefix;
        this.unpriced = unpriced;
        this.longest = byPrefix.keySet().stream().mapToInt(String::length).max().orElse(0);
        this.asOf = byPrefix.values().stream().map(Rate::since).filter(java.util.Objects::nonNull).max(LocalDate::compareTo)
                .orElse(LocalDate.EPOCH);
    }

    static RateDeck read(Path file) throws BadDeck, IOException {
        Map<String, Rate> rates = new HashMap<>();
        int unpriced = 0;
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).get();
        InputStream raw = new BufferedInputStream(Files.newInputStream(file));
        InputStream in = file.getFileName().toString().endsWith(".xz") ? new XZInputStream(raw) : raw;
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8); CSVParser parser = CSVParser.parse(reader, format)) {
            for (String column : List.of("Destination", "Prefix", "Rate")) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw new BadDeck(file.getFileName() + " line 1: expected a column \"" + column + "\", found " + parser.getHeaderNames());
                }
            }
            boolean hasStatus = parser.getHeaderMap().containsKey("Status");
            for (CSVRecord row : parser) {
                if (hasStatus && !"Current".equalsIgnoreCase(row.get("Status"))) {
                    continue;
                }
                String where = file.getFileName() + " line " + (row.getRecordNumber() + 1);
                String prefix = row.get("Prefix");
                if (!prefix.matches("\\d{1,15}")) {
                    throw new BadDeck(where + ": field \"Prefix\": expected 1 to 15 digits, found \"" + prefix + "\"");
                }
                if (row.get("Rate").isBlank()) {
                    // a prefix the deck lists without a price is one it does not sell: it answers "no price", it does
                    // not fall back to a shorter prefix's rate
                    unpriced++;
                    rates.put(prefix, new Rate(prefix, row.get("Destination"), null, 0, 0, since(row)));
                    continue;
                }
                BigDecimal rate;
                try {
                    rate = new BigDecimal(row.get("Rate"));
                } catch (NumberFormatException e) {
                    throw new BadDeck(where + ": field \"Rate\": expected a price per minute such as 0.0125, found \"" + row.get("Rate") + "\"");
                }
                rates.put(prefix, new Rate(prefix, row.get("Destination"), rate, interval(row, "First Interval"), interval(row, "Sub Interval"),
                        since(row)));
            }
        }
        return new RateDeck(rates, unpriced);
    }

    private static int interval(CSVRecord row, String column) {
        try {
            return row.isMapped(column) ? Integer.parseInt(row.get(column)) : 60;
        } catch (NumberFormatException e) {
            return 60;
        }
    }

    private static LocalDate since(CSVRecord row) {
        if (!row.isMapped("Start Date") || row.get("Start Date").length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(row.get("Start Date").substring(0, 10));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** The rate of the longest prefix the number starts with, or {@code null}; a rate without a price when the deck does not sell it. */
    Rate lookup(String number) {
        String digits = number.replaceAll("\\D", "");
        for (int length = Math.min(longest, digits.length()); length > 0; length--) {
            Rate rate = byPrefix.get(digits.substring(0, length));
            if (rate != null) {
                return rate;
            }
        }
        return null;
    }

    int size() {
        return byPrefix.size() - unpriced;
    }

    /** Current prefixes listed without a price, left out. */
    int unpriced() {
        return unpriced;
    }

    LocalDate asOf() {
        return asOf;
    }
}
