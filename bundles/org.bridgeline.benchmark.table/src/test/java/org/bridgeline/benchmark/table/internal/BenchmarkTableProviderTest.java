package org.bridgeline.benchmark.table.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bridgeline.api.benchmark.BenchmarkQuery;
import org.bridgeline.api.model.Benchmark;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.ServiceType;
import org.bridgeline.testkit.ConfigDefaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkTableProviderTest {

    private static final String HEADER = "service_type,bandwidth_from_mbps,bandwidth_to_mbps,region,term_months,currency,p25,median,p75,"
            + "unit,sample_size,source,as_of\n";

    @TempDir
    Path folder;

    private BenchmarkTableProvider provider(long pollMillis) throws Exception {
        return new BenchmarkTableProvider(null, ConfigDefaults.of(BenchmarkTableProvider.Config.class,
                Map.of("folder", folder.toString(), "pollMillis", pollMillis)));
    }

    @Test
    void aCsvAndAJsonTableAnswerByTypeBandRegionAndTerm() throws Exception {
        Files.writeString(folder.resolve("dia.csv"), HEADER
                + "DIA,50,200,*,36,USD,480.00,560.00,650.00,,120,Illustrative DIA survey,2025-09-30\n"
                + "DIA,100,101,NY,36,USD,500.00,590.00,700.00,,40,Illustrative DIA survey,2025-09-30\n"
                + "DIA,500,,*,36,USD,1100.00,1300.00,1500.00,,25,Illustrative DIA survey,2025-09-30\n");
        Files.writeString(folder.resolve("wireless.json"), """
                { "benchmarks": [ { "serviceType": "WIRELESS", "region": "*", "termMonths": 24, "currency": "USD", "p25": "40",
                  "median": "48", "p75": "55", "sampleSize": 300, "source": "Illustrative wireless plans", "asOf": "2025-10-01" } ] }
                """);
        BenchmarkTableProvider provider = provider(60_000);
        try {
            List<Benchmark> ny = provider.lookup(new BenchmarkQuery(ServiceType.DIA, new BigDecimal("100"), "NY", 36, null));
            assertEquals(2, ny.size(), "the 100 Mbps rows of NY and of anywhere; the 500 Mbps band does not hold 100");
            assertEquals("NY", ny.get(0).region());
            assertEquals(Money.of("500.00", "USD"), ny.get(0).p25());
            assertEquals("benchmark-table", ny.get(0).providerId());
            assertEquals(LocalDate.of(2025, 9, 30), ny.get(0).asOf());
            assertEquals(1, provider.lookup(new BenchmarkQuery(ServiceType.DIA, new BigDecimal("100"), null, 36, null)).size(),
                    "no region: only the rows for anywhere");
            assertEquals(1, provider.lookup(new BenchmarkQuery(ServiceType.WIRELESS, null, null, 24, null)).size());
            assertEquals(Set.of(ServiceType.DIA, ServiceType.WIRELESS), provider.coverage().serviceTypes());
            assertEquals(Set.of("NY"), provider.coverage().regions());
            assertEquals("Illustrative DIA survey; Illustrative wireless plans", provider.coverage().source());
        } finally {
            provider.stop();
        }
    }

    @Test
    void aTableThatDoesNotReadIsLeftOutWholeAndNamesItsRowAndField() throws Exception {
        Path bad = Files.writeString(folder.resolve("bad.csv"), HEADER
                + "DIA,50,200,*,36,USD,480.00,560.00,650.00,,120,survey,2025-09-30\n"
                + "DIA,50,200,*,36,USD,480.00,460.00,650.00,,120,survey,2025-09-30\n");
        TableReader.BadTable error = assertThrows(TableReader.BadTable.class, () -> TableReader.read(bad));
        assertEquals("bad.csv line 3: fields \"p25\", \"median\", \"p75\": expected p25 <= median <= p75, found 480.00, 460.00, 650.00",
                error.getMessage());
        Files.writeString(folder.resolve("good.csv"), HEADER + "MPLS,0,,*,36,USD,300,400,500,,10,survey,2025-09-30\n");
        BenchmarkTableProvider provider = provider(60_000);
        try {
            assertEquals(Set.of(ServiceType.MPLS), provider.coverage().serviceTypes(), "the good table still answers");
        } finally {
            provider.stop();
        }
        Path type = Files.writeString(folder.resolve("type.csv"), HEADER + "FIBRE,0,,*,36,USD,1,2,3,,1,s,2025-01-01\n");
        assertTrue(assertThrows(TableReader.BadTable.class, () -> TableReader.read(type)).getMessage()
                .startsWith("type.csv line 2: field \"service_type\": expected one of [DIA, MPLS,"));
    }

    @Test
    void aTableAddedWhileRunningAnswersWithinAPoll() throws Exception {
        BenchmarkTableProvider provider = provider(100);
        try {
            assertEquals(List.of(), provider.lookup(new BenchmarkQuery(ServiceType.MPLS, null, null, 36, null)));
            Files.writeString(folder.resolve("mpls.csv"), HEADER + "MPLS,0,,*,36,USD,300,400,500,,10,survey,2025-09-30\n");
            long deadline = System.currentTimeMillis() + 5_000;
            while (provider.lookup(new BenchmarkQuery(ServiceType.MPLS, null, null, 36, null)).isEmpty()
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(1, provider.lookup(new BenchmarkQuery(ServiceType.MPLS, null, null, 36, null)).size());
            Files.delete(folder.resolve("mpls.csv"));
            deadline = System.currentTimeMillis() + 5_000;
            while (!provider.lookup(new BenchmarkQuery(ServiceType.MPLS, null, null, 36, null)).isEmpty()
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(List.of(), provider.lookup(new BenchmarkQuery(ServiceType.MPLS, null, null, 36, null)), "a removed table answers no more");
        } finally {
            provider.stop();
        }
    }
}
