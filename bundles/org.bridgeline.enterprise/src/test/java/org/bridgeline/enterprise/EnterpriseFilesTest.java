package org.bridgeline.enterprise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnterpriseFilesTest {

    @TempDir
    Path folder;

    @Test
    void theSameSeedWritesTheSameBytes() throws IOException {
        SeededEnterprise enterprise = SeededEnterprise.generate(7, 6);
        EnterpriseFiles.Written written = EnterpriseFiles.write(enterprise, folder.resolve("one"));
        EnterpriseFiles.write(SeededEnterprise.generate(7, 6), folder.resolve("two"));
        assertEquals(36, written.billFiles(), "three carriers, twelve months");
        List<Path> files = files(folder.resolve("one"));
        assertEquals(36 + 6 + 6, files.size(), "bills, later bills, benchmarks, contracts, inventory, orders, requirements, truth: " + files);
        for (Path file : files) {
            Path relative = folder.resolve("one").relativize(file);
            assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(folder.resolve("two").resolve(relative)), relative.toString());
        }
        assertEquals(enterprise.truth(), EnterpriseFiles.readTruth(folder.resolve("one/truth.json")));
        assertEquals(enterprise.laterBills().credits(), EnterpriseFiles.readCredits(folder.resolve("one/truth.json")));
    }

    @Test
    void eachCarrierBillsInItsOwnFormat() throws IOException {
        EnterpriseFiles.write(SeededEnterprise.generate(7, 3), folder);
        String acme = Files.readString(folder.resolve("bills/acme-telecom/AC-2025-03.edi"));
        assertTrue(acme.startsWith("ISA*00*          *00*          *ZZ*ACMETEL        *ZZ*ENTERPRISE     *250331*"), acme);
        assertTrue(acme.contains("\nHL*3*2*8~\nIT1*1*1**"), acme);
        assertTrue(acme.contains("*SC*FUSF~"), "the federal USF is an account-level item: " + acme);
        String northwind = Files.readString(folder.resolve("bills/northwind-telecom/NO-2025-03.edi"));
        assertTrue(northwind.contains("\nREF*AN*NO-ACCT-1~\n") && northwind.contains("\nHL*3*2*CD~\n") && northwind.contains("*SVC*POTS"),
                northwind);
        List<String> bluewave = Files.readAllLines(folder.resolve("bills/bluewave-wireless/BL-2025-03.csv"));
        assertTrue(bluewave.get(0).startsWith("Account,Invoice,Bill Date,Period Start,Period End,Wireless Number"), bluewave.get(0));
        assertTrue(bluewave.stream().anyMatch(row -> row.contains(",Monthly,WLPLAN,")), bluewave.toString());
        // every transaction declares the segments it holds
        for (String bill : List.of(acme, northwind)) {
            long segments = bill.lines().dropWhile(line -> !line.startsWith("ST*")).takeWhile(line -> !line.startsWith("GE*")).count();
            assertTrue(bill.contains("\nSE*" + segments + "*0003~"), "SE counts " + segments + " segments: " + bill);
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
