package org.bridgeline.benchmark.ratedeck.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bridgeline.api.benchmark.BenchmarkQuery;
import org.bridgeline.api.model.Benchmark;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.ServiceType;
import org.bridgeline.testkit.ConfigDefaults;
import org.bridgeline.testkit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RateDeckProviderTest {

    @TempDir
    Path folder;

    @Test
    void theSharedDeckPricesANumberByItsLongestPrefix() {
        Path deck = SharedData.file("reference/nanp/sdf-outbound-rates.csv.xz");
        RateDeckProvider provider = new RateDeckProvider(ConfigDefaults.of(RateDeckProvider.Config.class, Map.of("file", deck.toString())));
        assertTrue(provider.coverage().source().startsWith("wholesale VoIP"), provider.coverage().source());
        List<Benchmark> kabul = provider.lookup(new BenchmarkQuery(ServiceType.LONG_DISTANCE, null, null, 0, "+93 20 123 4567"));
        assertEquals(1, kabul.size());
        assertEquals("AFGHANISTAN - KABUL", kabul.get(0).region(), "9320 is longer than 93");
        assertEquals(Money.of("0.2875", "USD"), kabul.get(0).median());
        assertEquals("MIN", kabul.get(0).unit());
        assertTrue(kabul.get(0).source().contains("prefix 9320 (30/6 s)"), kabul.get(0).source());
        assertEquals(List.of(), provider.lookup(new BenchmarkQuery(ServiceType.LONG_DISTANCE, null, null, 0, "+43 820 12345")),
                "a prefix listed without a price is not priced, not priced as its country");
        assertEquals("AUSTRIA - PROPER", provider.lookup(new BenchmarkQuery(ServiceType.LONG_DISTANCE, null, null, 0, "+43 599 12345")).get(0)
                .region());
        assertEquals("AFGHANISTAN - MOBILE - AWCC", provider.lookup(new BenchmarkQuery(ServiceType.LONG_DISTANCE, null, null, 0,
                "93701234567")).get(0).region());
        assertTrue(provider.coverage().serviceTypes().contains(ServiceType.LONG_DISTANCE));
        assertEquals("UNITED STATES", provider.lookup(new BenchmarkQuery(ServiceType.LONG_DISTANCE, null, null, 0, "2125550199")).get(0)
                .region(), "a ten-digit national number is priced as +1, not as Morocco's 212");
        assertEquals("MOROCCO - CASABLANCA", provider.lookup(new BenchmarkQuery(ServiceType.LONG_DISTANCE, null, null, 0, "+212 5 2212 3456"))
                .get(0).region(), "an international number is priced as dialled");
        assertEquals(List.of(), provider.lookup(new BenchmarkQuery(ServiceType.DIA, null, null, 0, "9320")), "not a usage service");
        assertEquals(List.of(), provider.lookup(new BenchmarkQuery(ServiceType.LONG_DISTANCE, null, null, 0, null)), "no destination");
    }

    @Test
    void onlyCurrentRowsCountAndABadRowIsNamed() throws Exception {
        Path deck = Files.writeString(folder.resolve("deck.csv"), """
                Destination,Prefix,First Interval,Sub Interval,Rate,Status,Start Date,End Date
                UK,44,60,60,0.0100,Current,2024-01-01 00:00:00,
                UK - LONDON,4420,60,60,0.0090,Expired,2023-01-01 00:00:00,2023-12-31 00:00:00
                """);
        RateDeck read = RateDeck.read(deck);
        assertEquals("UK", read.lookup("442071234567").destination(), "the expired London prefix does not count");
        Path bad = Files.writeString(folder.resolve("bad.csv"), """
                Destination,Prefix,Rate
                UK,44x,0.01
                """);
        assertEquals("bad.csv line 2: field \"Prefix\": expected 1 to 15 digits, found \"44x\"",
                assertThrows(RateDeck.BadDeck.class, () -> RateDeck.read(bad)).getMessage());
    }
}
