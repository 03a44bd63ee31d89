package org.bridgeline.benchmark.fcc.internal;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bridgeline.api.model.BandwidthBand;
import org.bridgeline.api.model.Benchmark;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.ServiceType;

/**
 * Reads the survey's fixed-broadband file (one row per offer: ISP, state, weight, technology,
 * download speed, total monthly charge) into price distributions per state, download-speed tier
 * and technology, plus one per state and tier over every technology. Quartiles are weighted by
 * the survey's sampling weights.
 */
final class UrbanRateSurvey {

    static final String PROVIDER_ID = "fcc-urban-rate-survey";

    /** Download speed tiers, in Mbps: each from its bound to the next. */
    static final List<BigDecimal> TIERS = List.of(BigDecimal.ZERO, BigDecimal.TEN, BigDecimal.valueOf(25), BigDecimal.valueOf(50),
            BigDecimal.valueOf(100), BigDecimal.valueOf(250), BigDecimal.valueOf(1000));

    private record Offer(BigDecimal weight, BigDecimal charge) {
    }

    /** A file that does not read as the survey; the message names the file, line and field. */
    static final class BadSurvey extends Exception {
        private static final long serialVersionUID = 1L;

        BadSurvey(String message) {
            super(message, null, false, false);
        }
    }

    private UrbanRateSurvey() {
    }

    static List<Benchmark> read(Path file, String source, LocalDate asOf) throws BadSurvey, IOException {
        Map<String, List<Offer>> groups = new TreeMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = CSVParser.parse(in, format)) {
            for (String column : List.of("State", "Weight", "Technology", "Download Bandwidth Mbps", "Total Charge")) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw new BadSurvey(file.getFileName() + " line 1: expected a column \"" + column + "\", found " + parser.getHeaderNames());
                }
            }
            for (CSVRecord row : parser) {
                String where = file.getFileName() + " line " + (row.getRecordNumber() + 1);
                String state = row.get("State");
                String technology = row.get("Technology");
                BigDecimal speed = number(row, "Download Bandwidth Mbps", where);
                Offer offer = new Offer(number(row, "Weight", where), number(row, "Total Charge", where));
                int tier = tier(speed);
                groups.computeIfAbsent(state + '\u0000' + tier + '\u0000' + technology, k -> new ArrayList<>()).add(offer);
                groups.computeIfAbsent(state + '\u0000' + tier + '\u0000' + "all technologies", k -> new ArrayList<>()).add(offer);
            }
        }
        List<Benchmark> benchmarks = new ArrayList<>();
        for (Map.Entry<String, List<Offer>> group : groups.entrySet()) {
            String[] key = group.getKey().split("\u0000");
            int tier = Integer.parseInt(key[1]);
            BandwidthBand band = new BandwidthBand(TIERS.get(tier), tier + 1 < TIERS.size() ? TIERS.get(tier + 1) : null);
            List<Offer> offers = group.getValue();
            benchmarks.add(new Benchmark(ServiceType.DIA, band, key[0], 0, quantile(offers, "0.25"), quantile(offers, "0.5"),
                    quantile(offers, "0.75"), null, offers.size(), PROVIDER_ID, source + ": " + key[2], asOf));
        }
        return benchmarks;
    }

    private static int tier(BigDecimal speed) {
        int tier = 0;
        for (int i = 0; i < TIERS.size(); i++) {
            if (speed.compareTo(TIERS.get(i)) >= 0) {
                tier = i;
            }
        }
        return tier;
    }

    /** The weighted quantile: the first charge, in charge order, whose cumulative weight reaches the share of the total. */
    private static Money quantile(List<Offer> offers, String share) {
        List<Offer> sorted = new ArrayList<>(offers);
        sorted.sort(Comparator.comparing(Offer::charge));
        BigDecimal total = sorted.stream().map(Offer::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal threshold = total.multiply(new BigDecimal(share));
        BigDecimal cumulative = BigDecimal.ZERO;
        for (Offer offer : sorted) {
            cumulative = cumulative.add(offer.weight());
            if (cumulative.compareTo(threshold) >= 0) {
                return Money.of(offer.charge().toPlainString(), "USD");
            }
        }
        return Money.of(sorted.get(sorted.size() - 1).charge().toPlainString(), "USD");
    }

    private static BigDecimal number(CSVRecord row, String column, String where) throws BadSurvey {
        String value = row.get(column);
        try {
            BigDecimal number = new BigDecimal(value);
            if (number.signum() < 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new BadSurvey(where + ": field \"" + column + "\": expected a number of 0 or more, found \"" + value + "\"");
        }
    }

    /** For the coverage: every state the survey has. */
    static Map<String, Integer> states(List<Benchmark> benchmarks) {
        Map<String, Integer> states = new LinkedHashMap<>();
        benchmarks.forEach(b -> states.merge(b.region(), 1, Integer::sum));
        return states;
    }
}
