package org.bridgeline.benchmark.fcc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bridgeline.api.benchmark.BenchmarkQuery;
import org.bridgeline.api.model.Benchmark;
import org.bridgeline.api.model.ServiceType;
import org.bridgeline.testkit.ConfigDefaults;
import org.bridgeline.testkit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UrbanRateSurveyProviderTest {

    @TempDir
    Path folder;

    @Test
    void theSharedSurveyGivesWeightedQuartilesByStateAndTierLabelledAsAConsumerReference() {
        Path survey = SharedData.file("benchmarks/fcc-urs-2015/urs.csv");
        UrbanRateSurveyProvider provider = new UrbanRateSurveyProvider(ConfigDefaults.of(UrbanRateSurveyProvider.Config.class,
                Map.of("file", survey.toString())));
        assertTrue(provider.coverage().regions().contains("Alabama"), provider.coverage().regions().toString());
        assertEquals(java.util.Set.of(ServiceType.DIA), provider.coverage().serviceTypes());
        List<Benchmark> alabama = provider.lookup(new BenchmarkQuery(ServiceType.DIA, new BigDecimal("1.5"), "Alabama", 0, null));
        assertFalse(alabama.isEmpty());
        Benchmark all = alabama.get(0);
        assertTrue(all.source().startsWith("FCC Urban Rate Survey 2015, fixed broadband (a consumer-broadband reference")
                && all.source().endsWith(": all technologies"), all.source());
        assertEquals("0..10 Mbps", all.band().toString());
        assertTrue(all.p25().compareTo(all.median()) <= 0 && all.median().compareTo(all.p75()) <= 0);
        assertTrue(all.sampleSize() >= alabama.stream().skip(1).mapToInt(Benchmark::sampleSize).max().orElse(0));
        assertEquals(List.of(), provider.lookup(new BenchmarkQuery(ServiceType.DIA, new BigDecimal("100"), null, 0, null)),
                "the survey is by state: no state, no answer");
        assertEquals(List.of(), provider.lookup(new BenchmarkQuery(ServiceType.MPLS, null, "Alabama", 0, null)));
    }

    @Test
    void weightsDecideTheQuartiles() throws Exception {
        Path file = Files.writeString(folder.resolve("urs.csv"), """
                isp,State,Weight,Technology,"Download Bandwidth Mbps","Total Charge"
                A,Ohio,1,Cable,100,40
                B,Ohio,1,Cable,100,50
                C,Ohio,6,Fiber,100,60
                """);
        List<Benchmark> ohio = UrbanRateSurvey.read(file, "survey", java.time.LocalDate.of(2015, 1, 1));
        Benchmark all = ohio.stream().filter(b -> b.source().endsWith("all technologies")).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("50").compareTo(all.p25().amount()), "two of eight weights reach 50: the lower quartile");
        assertEquals(0, new BigDecimal("60").compareTo(all.median().amount()), "six of eight weights are at 60: the median, not 50");
        assertEquals(3, all.sampleSize());
    }

    @Test
    void noFileCoversNothingAndSaysWhy() {
        UrbanRateSurveyProvider provider = new UrbanRateSurveyProvider(ConfigDefaults.of(UrbanRateSurveyProvider.Config.class));
        assertTrue(provider.coverage().serviceTypes().isEmpty());
        assertEquals("no survey file configured (org.bridgeline.benchmark.fcc file=)", provider.coverage().source());
    }
}
