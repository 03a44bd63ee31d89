package org.bridgeline.benchmark.ratedeck.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.bridgeline.api.benchmark.BenchmarkCoverage;
import org.bridgeline.api.benchmark.BenchmarkProvider;
import org.bridgeline.api.benchmark.BenchmarkQuery;
import org.bridgeline.api.model.BandwidthBand;
import org.bridgeline.api.model.Benchmark;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.ServiceType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * A destination rate deck as the benchmark for usage: a query naming a dialled destination gets
 * the price per minute of the longest matching prefix (unit {@code MIN}; a deck is one price, so
 * p25, median and p75 are that price). Without a configured deck it covers nothing.
 */
@Component(configurationPid = "org.bridgeline.benchmark.ratedeck")
public final class RateDeckProvider implements BenchmarkProvider {

    /** Configuration {@code org.bridgeline.benchmark.ratedeck}. */
    public @interface Config {
        /** The deck: CSV with Destination, Prefix, First Interval, Sub Interval, Rate (optionally .xz); empty for none. */
        String file() default "";

        /** The currency of its rates. */
        String currency() default "USD";

        /** How its figures are cited. */
        String source() default "wholesale VoIP outbound rate deck";

        /**
         * The country code a national number is dialled in, and how many digits a national number
         * has: a destination of exactly that many digits, not starting with 0 or 1, is taken as
         * national and priced with the country code in front (the default reads a US bill's
         * 2125550199 as +1 212 555 0199, not Morocco's 212). Empty to price numbers as they are.
         */
        String nationalCountryCode() default "1";

        int nationalDigits() default 10;

        /** The kinds of service whose usage it prices. */
        String[] serviceTypes() default {"LONG_DISTANCE", "VOICE_LINE", "SIP", "PRI", "TOLL_FREE"};
    }

    private static final Logger LOG = Logger.getLogger("org.bridgeline.benchmark.ratedeck");

    private final RateDeck deck;
    private final Currency currency;
    private final Set<ServiceType> types;
    private final String source;
    private final BenchmarkCoverage coverage;
    private final String nationalCountryCode;
    private final int nationalDigits;

    @Activate
    public RateDeckProvider(Config config) {
        this.currency = Currency.getInstance(config.currency());
        this.nationalCountryCode = config.nationalCountryCode().strip();
        this.nationalDigits = config.nationalDigits();
        this.types = Arrays.stream(config.serviceTypes()).map(String::strip).map(ServiceType::valueOf).collect(Collectors.toSet());
        RateDeck read = null;
        String why = "no rate deck configured (org.bridgeline.benchmark.ratedeck file=)";
        if (!config.file().isBlank()) {
            Path file = Path.of(config.file());
            try {
                read = Files.isRegularFile(file) ? RateDeck.read(file) : null;
                why = read == null ? "no rate deck at " + file : config.source() + " (" + file.getFileName() + ")";
                if (read != null) {
                    LOG.info("rate deck " + file.getFileName() + ": " + read.size() + " current prefixes priced, " + read.unpriced()
                            + " listed without a price left out");
                }
            } catch (RateDeck.BadDeck | IOException e) {
                why = "the rate deck did not read: " + e.getMessage();
                LOG.severe("rate deck left out: " + e.getMessage());
            }
        }
        this.deck = read;
        this.source = why;
        this.coverage = new BenchmarkCoverage(read == null ? Set.of() : types, Set.of(), read == null ? java.time.LocalDate.EPOCH
                : read.asOf(), why);
    }

    /** The number as the deck's prefixes read it: a national number gets its country code. */
    String international(String number) {
        String digits = number.replaceAll("\\D", "");
        if (!nationalCountryCode.isEmpty() && !number.strip().startsWith("+") && digits.length() == nationalDigits
                && digits.charAt(0) != '0' && digits.charAt(0) != '1') {
            return nationalCountryCode + digits;
        }
        return digits;
    }

    @Override
    public String id() {
        return "rate-deck";
    }

    @Override
    public BenchmarkCoverage coverage() {
        return coverage;
    }

    @Override
    public List<Benchmark> lookup(BenchmarkQuery query) {
        if (deck == null || query.destination() == null || !types.contains(query.serviceType())) {
            return List.of();
        }
        RateDeck.Rate rate = deck.lookup(international(query.destination()));
        if (rate == null || rate.perMinute() == null) {
            return List.of();
        }
        Money price = new Money(rate.perMinute(), currency);
        return List.of(new Benchmark(query.serviceType(), BandwidthBand.ANY, rate.destination(), 0, price, price, price, "MIN", 1, id(),
                source + ", prefix " + rate.prefix() + " (" + rate.firstInterval() + "/" + rate.subInterval() + " s)",
                rate.since() == null ? deck.asOf() : rate.since()));
    }
}
