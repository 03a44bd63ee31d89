package org.bridgeline.benchmark.fcc.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.bridgeline.api.benchmark.BenchmarkCoverage;
import org.bridgeline.api.benchmark.BenchmarkProvider;
import org.bridgeline.api.benchmark.BenchmarkQuery;
import org.bridgeline.api.model.Benchmark;
import org.bridgeline.api.model.ServiceType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The FCC Urban Rate Survey's fixed-broadband prices as a benchmark: by state (the region), speed
 * tier and technology. It is a consumer-broadband reference, not a price for enterprise circuits,
 * and every figure says so in its source. Without a configured file it covers nothing.
 */
@Component(configurationPid = "org.bridgeline.benchmark.fcc")
public final class UrbanRateSurveyProvider implements BenchmarkProvider {

    /** Configuration {@code org.bridgeline.benchmark.fcc}. */
    public @interface Config {
        /** The survey's fixed-broadband CSV (2015: urs.csv); empty for none. */
        String file() default "";

        /** How its figures are cited. */
        String source() default "FCC Urban Rate Survey 2015, fixed broadband (a consumer-broadband reference, not an enterprise circuit benchmark)";

        /** When its prices were observed. */
        String asOf() default "2015-01-01";
    }

    private static final Logger LOG = Logger.getLogger("org.bridgeline.benchmark.fcc");

    private final List<Benchmark> benchmarks;
    private final BenchmarkCoverage coverage;

    @Activate
    public UrbanRateSurveyProvider(Config config) {
        List<Benchmark> read = List.of();
        LocalDate asOf = LocalDate.parse(config.asOf());
        String why = "no survey file configured (org.bridgeline.benchmark.fcc file=)";
        if (!config.file().isBlank()) {
            Path file = Path.of(config.file());
            try {
                read = Files.isRegularFile(file) ? UrbanRateSurvey.read(file, config.source(), asOf) : List.of();
                why = read.isEmpty() ? "no survey file at " + file : config.source();
                LOG.info("FCC Urban Rate Survey: " + read.size() + " price distributions from " + file);
            } catch (UrbanRateSurvey.BadSurvey | IOException e) {
                why = "the survey file did not read: " + e.getMessage();
                LOG.severe("FCC Urban Rate Survey left out: " + e.getMessage());
            }
        }
        this.benchmarks = read;
        this.coverage = new BenchmarkCoverage(read.isEmpty() ? Set.of() : Set.of(ServiceType.DIA),
                UrbanRateSurvey.states(read).keySet(), asOf, why);
    }

    @Override
    public String id() {
        return UrbanRateSurvey.PROVIDER_ID;
    }

    @Override
    public BenchmarkCoverage coverage() {
        return coverage;
    }

    /** The state's distributions for the speed tier holding the bandwidth, every technology together first. */
    @Override
    public List<Benchmark> lookup(BenchmarkQuery query) {
        if (query.serviceType() != ServiceType.DIA || query.region() == null) {
            return List.of();
        }
        BigDecimal speed = query.bandwidthMbps();
        return benchmarks.stream().filter(b -> b.region().equalsIgnoreCase(query.region()) && (speed == null || b.band().contains(speed)))
                .sorted(Comparator.comparing((Benchmark b) -> b.source().endsWith("all technologies") ? 0 : 1)
                        .thenComparing(Benchmark::sampleSize, Comparator.reverseOrder()))
                .toList();
    }
}
