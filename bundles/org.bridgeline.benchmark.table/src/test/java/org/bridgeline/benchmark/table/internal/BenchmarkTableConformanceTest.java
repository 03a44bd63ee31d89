package org.bridgeline.benchmark.table.internal;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bridgeline.api.benchmark.BenchmarkQuery;
import org.bridgeline.api.model.ServiceType;
import org.bridgeline.testkit.BenchmarkProviderConformance;
import org.bridgeline.testkit.ConfigDefaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The partner conformance kit, run on our own table provider. */
class BenchmarkTableConformanceTest {

    @TempDir
    Path folder;

    @Test
    void theTableProviderConforms() throws Exception {
        Files.writeString(folder.resolve("dia.csv"), "service_type,bandwidth_from_mbps,bandwidth_to_mbps,region,term_months,currency,p25,median,"
                + "p75,unit,sample_size,source,as_of\nDIA,50,200,*,36,USD,480.00,560.00,650.00,,120,Illustrative survey,2025-09-30\n");
        BenchmarkTableProvider provider = new BenchmarkTableProvider(null, ConfigDefaults.of(BenchmarkTableProvider.Config.class,
                Map.of("folder", folder.toString(), "pollMillis", 60_000L)));
        try {
            BenchmarkProviderConformance.of(provider).query(new BenchmarkQuery(ServiceType.DIA, new BigDecimal("100"), "NY", 36, null))
                    .query(new BenchmarkQuery(ServiceType.MPLS, null, null, 36, null)).check();
        } finally {
            provider.stop();
        }
    }
}
