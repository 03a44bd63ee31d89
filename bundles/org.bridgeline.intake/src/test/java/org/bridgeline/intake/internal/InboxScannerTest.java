package org.bridgeline.intake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.bridgeline.core.AuditService;
import org.bridgeline.core.FileOutcome;
import org.bridgeline.core.ImportReport;
import org.bridgeline.core.ImportService;
import org.bridgeline.intake.IntakeItem;
import org.bridgeline.intake.IntakeState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inbox's passes: what is taken when, where it is filed, one audit per pass, nothing lost across a restart. */
class InboxScannerTest {

    @TempDir
    Path data;
    Path tenants;
    List<Path> importedFiles = new ArrayList<>();
    List<String> audited = new ArrayList<>();
    InboxScanner scanner;

    @BeforeEach
    void setUp() {
        tenants = data.resolve("tenants");
        ImportService imports = (path, options, progress) -> {
            importedFiles.add(path);
            if (path.getFileName().toString().startsWith("bad")) {
                return new ImportReport(List.of(new FileOutcome(path.getFileName().toString(), null, FileOutcome.Status.NO_PARSER,
                        "no parser reads it", List.of(), List.of(), 0, 1)), false, 1);
            }
            return new ImportReport(List.of(new FileOutcome(path.getFileName().toString(), "csv", FileOutcome.Status.IMPORTED, null,
                    List.of(), List.of(), 0, 4)), false, 1);
        };
        AuditService audits = (tenant, carrier, detector, progress) -> {
            audited.add(tenant);
            return new AuditService.AuditReport(audited.size(), List.of(), List.of(), List.of(), 0, 1);
        };
        scanner = new InboxScanner(tenants, imports, audits, Clock.systemUTC());
    }

    @Test
    void aDroppedFileIsTakenOnceUnchangedAcrossTwoPassesAndAuditedOnceWithItsNeighbours() throws Exception {
        Path inbox = Files.createDirectories(tenants.resolve("acme/inbox"));
        Files.writeString(inbox.resolve("june.csv"), "a,b\n");
        Files.writeString(inbox.resolve("july.csv"), "a,b\n");
        Files.writeString(inbox.resolve("august.csv.part"), "still copying");
        scanner.scan();
        assertTrue(importedFiles.isEmpty(), "a file seen once may still be growing");
        scanner.scan();
        assertEquals(2, importedFiles.size(), importedFiles.toString());
        assertEquals(List.of("acme"), audited, "one audit for the bills of one pass");
        Inbox acme = new Inbox(tenants, "acme");
        List<IntakeItem> items = acme.items();
        assertEquals(2, items.size());
        for (IntakeItem item : items) {
            assertEquals(IntakeState.DONE, item.state());
            assertEquals(1L, item.auditRunId());
            assertTrue(item.reportJson().contains("\"IMPORTED\""), item.reportJson());
            assertTrue(Files.exists(tenants.resolve("acme/done").resolve(item.id()).resolve(item.file())));
        }
        assertTrue(Files.exists(inbox.resolve("august.csv.part")), "a .part file is left alone");
        scanner.scan();
        assertEquals(2, importedFiles.size(), "nothing is imported twice");
    }

    @Test
    void anUnreadableBillIsFiledUnderFailedWithItsReasonAndAuditsNothing() throws Exception {
        Files.createDirectories(tenants.resolve("acme/inbox"));
        IntakeServiceImplTestSupport.submit(tenants, "acme", "bad.bin");
        scanner.scan();
        IntakeItem item = new Inbox(tenants, "acme").items().get(0);
        assertEquals(IntakeState.FAILED, item.state());
        assertEquals("bad.bin: NO_PARSER: no parser reads it", item.reason());
        assertTrue(audited.isEmpty());
    }

    @Test
    void whatAStopLeftInProcessingIsImportedOnTheFirstPass() throws Exception {
        Path item = Files.createDirectories(tenants.resolve("acme/processing/20261201T101530123Z-abcd"));
        Files.writeString(item.resolve("bills.csv"), "a,b\n");
        new Inbox(tenants, "acme").write(item, new IntakeItem("20261201T101530123Z-abcd", "acme", "bills.csv", IntakeState.PROCESSING,
                java.time.Instant.parse("2026-12-01T10:15:30.123Z"), null, null, null, null));
        scanner.scan();
        assertEquals(1, importedFiles.size());
        assertEquals(IntakeState.DONE, new Inbox(tenants, "acme").items().get(0).state());
    }

    @Test
    void uploadNamesArePlainFileNames() {
        for (String bad : new String[] {"../etc/passwd", "a/b.csv", "..\\x.csv", ".hidden", "", "bills\n.csv"}) {
            assertThrows(IllegalArgumentException.class, () -> IntakeServiceImpl.plainName(bad), bad);
        }
        assertEquals("June bills (1).csv", IntakeServiceImpl.plainName("June bills (1).csv"));
    }

    /** An upload as the service writes it: staged under a dot name, renamed into the inbox whole. */
    static final class IntakeServiceImplTestSupport {
        static void submit(Path tenants, String tenant, String name) throws Exception {
            Path staging = Files.createDirectories(tenants.resolve(tenant).resolve("inbox/.staging"));
            Files.write(staging.resolve(name), "x".getBytes(StandardCharsets.UTF_8));
            String id = Inbox.newId(java.time.Instant.now());
            new Inbox(tenants, tenant).write(staging, new IntakeItem(id, tenant, name, IntakeState.RECEIVED, java.time.Instant.now(), null,
                    null, null, null));
            Files.move(staging, tenants.resolve(tenant).resolve("inbox").resolve(id));
            assertFalse(Files.exists(staging));
            new ByteArrayInputStream(new byte[0]).close();
        }
    }
}
