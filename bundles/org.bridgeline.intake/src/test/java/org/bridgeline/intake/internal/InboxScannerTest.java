package org.bridgeline.intake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bridgeline.core.AuditService;
import org.bridgeline.core.FileOutcome;
import org.bridgeline.core.ImportReport;
import org.bridgeline.core.ImportService;
import org.bridgeline.intake.IntakeState;
import org.bridgeline.store.IntakeJob;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The intake's passes: what is taken when, where it is filed, one audit per pass, bills shared by runtimes and taken over from a dead one. */
class InboxScannerTest {

    @TempDir
    Path data;
    Path tenants;
    QueueInMemory queue = new QueueInMemory();
    List<Path> importedFiles = new ArrayList<>();
    List<String> audited = new ArrayList<>();
    ImportService imports;
    AuditService audits;
    InboxScanner scanner;

    @BeforeEach
    void setUp() {
        tenants = data.resolve("tenants");
        imports = (path, options, progress) -> {
            importedFiles.add(path);
            if (path.getFileName().toString().startsWith("bad")) {
                return new ImportReport(List.of(new FileOutcome(path.getFileName().toString(), null, FileOutcome.Status.NO_PARSER,
                        "no parser reads it", List.of(), List.of(), 0, 1)), false, 1);
            }
            return new ImportReport(List.of(new FileOutcome(path.getFileName().toString(), "csv", FileOutcome.Status.IMPORTED, null,
                    List.of(), List.of(), 0, 4)), false, 1);
        };
        audits = (tenant, carrier, detector, progress) -> {
            audited.add(tenant);
            return new AuditService.AuditReport(audited.size(), List.of(), List.of(), List.of(), 0, 1);
        };
        scanner = runtime("runtime-1");
    }

    private InboxScanner runtime(String name) {
        return new InboxScanner(tenants, queue, imports, audits, Clock.systemUTC(), name, Duration.ofSeconds(60));
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
        List<IntakeJob> jobs = queue.recent("acme", 10);
        assertEquals(2, jobs.size());
        for (IntakeJob job : jobs) {
            assertEquals(List.of(IntakeJob.DONE, 1L, "runtime-1", 1), List.of(job.state(), job.auditRunId(), job.holder(), job.attempts()));
            assertTrue(job.reportJson().contains("\"IMPORTED\""), job.reportJson());
            Path filed = tenants.resolve("acme/done").resolve(job.id());
            assertTrue(Files.exists(filed.resolve(job.file())));
            assertTrue(Files.readString(filed.resolve(Inbox.RECORD)).contains("\"DONE\""));
        }
        assertTrue(Files.exists(inbox.resolve("august.csv.part")), "a .part file is left alone");
        scanner.scan();
        assertEquals(2, importedFiles.size(), "nothing is imported twice");
    }

    @Test
    void anUnreadableBillIsFiledUnderFailedWithItsReasonAndAuditsNothing() throws Exception {
        IntakeJob job = upload("acme", "bad.bin");
        scanner.scan();
        IntakeJob failed = queue.job("acme", job.id()).orElseThrow();
        assertEquals(IntakeJob.FAILED, failed.state());
        assertEquals("bad.bin: NO_PARSER: no parser reads it", failed.reason());
        Path item = tenants.resolve("acme/failed").resolve(job.id());
        assertEquals("bad.bin: NO_PARSER: no parser reads it", Files.readString(item.resolve("bad.bin.reason")).strip());
        assertTrue(audited.isEmpty());
    }

    @Test
    void twoRuntimesOnOneQueueAndFolderImportEachBillOnce() throws Exception {
        InboxScanner other = runtime("runtime-2");
        Path inbox = Files.createDirectories(tenants.resolve("acme/inbox"));
        for (int i = 0; i < 6; i++) {
            Files.writeString(inbox.resolve("bill-" + i + ".csv"), "a,b\n");
            upload("bravo", "upload-" + i + ".csv");
        }
        for (int pass = 0; pass < 3; pass++) {
            scanner.scan();
            other.scan();
        }
        assertEquals(12, importedFiles.size(), importedFiles.toString());
        assertEquals(12, importedFiles.stream().distinct().count());
        assertTrue(queue.recent("acme", 20).stream().allMatch(job -> job.state().equals(IntakeJob.DONE)));
        assertTrue(queue.recent("bravo", 20).stream().allMatch(job -> job.state().equals(IntakeJob.DONE)));
        try (var left = Files.list(inbox)) {
            assertEquals(0, left.count(), "every dropped file was taken, by one runtime");
        }
    }

    @Test
    void billsThatKeepArrivingNeverHoldBackTheAuditOfThoseAlreadyIn() throws Exception {
        // each import takes 15 s on this clock: a pass stops taking bills after 20 s and audits what it has
        MovingClock slow = new MovingClock(Instant.parse("2026-12-02T09:00:00Z"));
        ImportService slowImports = (path, options, progress) -> {
            slow.advance(Duration.ofSeconds(15));
            return imports.importPath(path, options, progress);
        };
        InboxScanner busy = new InboxScanner(tenants, queue, slowImports, audits, slow, "runtime-1", Duration.ofSeconds(60));
        for (int i = 0; i < 4; i++) {
            upload("acme", "bill-" + i + ".csv");
        }
        busy.scan();
        assertEquals(2, importedFiles.size(), "two bills in the pass's 20 s");
        assertEquals(List.of("acme"), audited, "then their audit, before the rest");
        busy.scan();
        assertEquals(4, importedFiles.size());
        assertEquals(List.of("acme", "acme"), audited);
    }

    /** A bill a runtime claimed and moved to processing/, then stopped; its lease has run out. */
    private IntakeJob heldByADeadRuntime(String tenant, String file) throws Exception {
        IntakeJob job = upload(tenant, file);
        Instant past = Instant.now().minusSeconds(120);
        queue.claim("dead-runtime", past, past.plusSeconds(60)).orElseThrow();
        Path processing = Files.createDirectories(tenants.resolve(tenant + "/processing"));
        Files.move(tenants.resolve(tenant + "/inbox").resolve(job.id()), processing.resolve(job.id()));
        return job;
    }

    @Test
    void aBillHeldByADeadRuntimeIsTakenOverWhenItsLeaseRunsOut() throws Exception {
        IntakeJob job = heldByADeadRuntime("acme", "bills.csv");

        scanner.scan();
        IntakeJob done = queue.job("acme", job.id()).orElseThrow();
        assertEquals(List.of(IntakeJob.DONE, "runtime-1", 2), List.of(done.state(), done.holder(), done.attempts()));
        assertEquals(1, importedFiles.size());
        assertTrue(Files.isDirectory(tenants.resolve("acme/done").resolve(job.id())));
        assertFalse(queue.finish("acme", job.id(), "dead-runtime", IntakeJob.DONE, Instant.now(), null, null),
                "the dead runtime, were it to come back, does not record the end");
    }

    @Test
    void aBillADeadRuntimeStoredButNeverRecordedIsAuditedByTheRuntimeThatTakesItOver() throws Exception {
        IntakeJob job = heldByADeadRuntime("acme", "bills.csv");
        // the dead runtime committed the bill's invoices: the import now finds its content stored
        imports = (path, options, progress) -> {
            importedFiles.add(path);
            return new ImportReport(List.of(new FileOutcome(path.getFileName().toString(), "csv", FileOutcome.Status.ALREADY_IMPORTED, null,
                    List.of(), List.of(), 0, 0)), false, 1);
        };
        runtime("runtime-2").scan();
        assertEquals(List.of("acme"), audited, "the bill nobody audited is audited");
        IntakeJob done = queue.job("acme", job.id()).orElseThrow();
        assertEquals(List.of(IntakeJob.DONE, 1L, "runtime-2", 2), List.of(done.state(), done.auditRunId(), done.holder(), done.attempts()));

        // a bill dropped again (first attempt) whose content is already in is not audited again
        IntakeJob again = upload("acme", "bills-again.csv");
        runtime("runtime-2").scan();
        assertEquals(List.of("acme"), audited);
        assertEquals(IntakeJob.DONE, queue.job("acme", again.id()).orElseThrow().state());
    }

    /** A bill a runtime imported and filed under done/, its record saying IMPORTED, before it stopped short of the audit. */
    private IntakeJob importedNotAudited(String holder) throws Exception {
        IntakeJob job = upload("acme", "bills.csv");
        Instant past = Instant.now().minusSeconds(120);
        queue.claim(holder, past, past.plusSeconds(60)).orElseThrow();
        assertTrue(queue.finish("acme", job.id(), holder, IntakeJob.IMPORTED, past, null, "{}"));
        Inbox acme = new Inbox(tenants, "acme");
        Path item = acme.move(tenants.resolve("acme/inbox").resolve(job.id()), IntakeState.DONE);
        acme.write(item, IntakeItems.item(queue.job("acme", job.id()).orElseThrow()));
        return job;
    }

    @Test
    void aBillImportedByARuntimeThatDiedBeforeItsAuditIsAuditedByTheNext() throws Exception {
        IntakeJob job = importedNotAudited("dead-runtime");

        scanner.scan();
        assertTrue(importedFiles.isEmpty(), "imported once, by the runtime that died");
        assertEquals(List.of("acme"), audited);
        IntakeJob audited = queue.job("acme", job.id()).orElseThrow();
        assertEquals(List.of(IntakeJob.DONE, 1L, 2), List.of(audited.state(), audited.auditRunId(), audited.attempts()));
    }

    @Test
    void aDatabaseOpenedAtFirstUseStaysClosedWhileNoInboxHoldsABill() throws Exception {
        Path inbox = Files.createDirectories(tenants.resolve("acme/inbox"));
        Files.writeString(inbox.resolve("june.csv"), "a,b\n");
        scanner.scan();
        scanner.scan();
        assertEquals(List.of("acme"), audited);

        queue.restartEmbedded(); // the runtime restarts on an embedded database: June is done, nothing waits
        InboxScanner restarted = runtime("runtime-1");
        restarted.scan();
        restarted.scan();
        assertEquals(0, queue.uses(), "no pass opened the database");

        Files.writeString(inbox.resolve("july.csv"), "a,b\n");
        restarted.scan();
        restarted.scan();
        assertEquals(2, importedFiles.size(), "a bill dropped in is taken as before: " + importedFiles);
        assertEquals(List.of("acme", "acme"), audited);
        assertTrue(queue.recent("acme", 10).stream().allMatch(job -> job.state().equals(IntakeJob.DONE)));
    }

    @Test
    void aBillImportedAndNotAuditedBeforeARestartOpensTheDatabaseAtTheFirstPass() throws Exception {
        IntakeJob job = importedNotAudited("runtime-1");

        queue.restartEmbedded();
        runtime("runtime-1").scan();
        assertEquals(List.of("acme"), audited);
        assertEquals(IntakeJob.DONE, queue.job("acme", job.id()).orElseThrow().state());
        assertTrue(importedFiles.isEmpty(), "imported once, before the restart");
    }

    @Test
    void aLongHistoryIsNotReadAtStartTheQueueIsAskedInstead() throws Exception {
        Path done = Files.createDirectories(tenants.resolve("acme/done"));
        for (int i = 0; i <= InboxScanner.RECORDS_READ_AT_MOST; i++) {
            Files.createDirectory(done.resolve(String.format("20261201T%09dZ-abcd", i)));
        }
        queue.restartEmbedded();
        InboxScanner restarted = runtime("runtime-1");
        restarted.scan();
        assertTrue(queue.uses() > 0, "the first pass asked the queue");
        int asked = queue.uses();
        restarted.scan();
        assertEquals(asked, queue.uses(), "and, having found nothing, the next pass does not");
    }

    @Test
    void anEmbeddedQueueIsAskedOnlyWhileItMayHoldSomethingForThisRuntime() throws Exception {
        queue.restartEmbedded();
        Path inbox = Files.createDirectories(tenants.resolve("acme/inbox"));
        Files.writeString(inbox.resolve("june.csv"), "a,b\n");
        scanner.scan();
        scanner.scan();
        assertEquals(List.of("acme"), audited);
        int afterJune = queue.uses();
        for (int pass = 0; pass < 5; pass++) {
            scanner.scan();
        }
        assertEquals(afterJune, queue.uses(), "June done and audited: the passes leave the queue alone, and the database may close");

        upload("acme", "july.csv");
        scanner.expectWork(); // as the service does once it recorded an upload
        scanner.scan();
        assertEquals(2, importedFiles.size(), "the upload is taken at the next pass");
        assertEquals(List.of("acme", "acme"), audited);
        int afterJuly = queue.uses();
        scanner.scan();
        assertEquals(afterJuly, queue.uses());
    }

    @Test
    void anAuditThatFailedKeepsThePassesAskingUntilItsBillsAreAudited() throws Exception {
        queue.restartEmbedded();
        MovingClock clock = new MovingClock(Instant.parse("2026-12-07T09:00:00Z"));
        boolean[] failing = {true};
        AuditService flaky = (tenant, carrier, detector, progress) -> {
            if (failing[0]) {
                throw new IllegalStateException("the store went away");
            }
            return audits.audit(tenant, carrier, detector, progress);
        };
        InboxScanner runtime = new InboxScanner(tenants, queue, imports, flaky, clock, "runtime-1", Duration.ofSeconds(60));
        IntakeJob job = upload("acme", "bills.csv");
        runtime.expectWork();
        runtime.scan();
        assertEquals(IntakeJob.IMPORTED, queue.job("acme", job.id()).orElseThrow().state(), "imported, its audit failed");
        failing[0] = false;
        for (int pass = 0; pass < 3; pass++) {
            clock.advance(Duration.ofSeconds(2));
            int asked = queue.uses();
            runtime.scan();
            assertTrue(queue.uses() > asked, "while its claim stands, each pass asks the queue again");
        }
        assertTrue(audited.isEmpty());

        clock.advance(Duration.ofSeconds(60));
        runtime.scan();
        assertEquals(List.of("acme"), audited, "once the claim ran out, the bill is audited");
        assertEquals(IntakeJob.DONE, queue.job("acme", job.id()).orElseThrow().state());
        int asked = queue.uses();
        runtime.scan();
        assertEquals(asked, queue.uses(), "and then the passes leave the queue alone");
    }

    @Test
    void aBillThatStoppedEveryRuntimeTakingItIsRefusedNotTakenAgain() throws Exception {
        IntakeJob job = upload("acme", "bills.csv");
        Instant past = Instant.now().minusSeconds(600);
        for (int attempt = 0; attempt < InboxScanner.MAX_ATTEMPTS; attempt++) {
            Instant at = past.plusSeconds(10L * attempt);
            queue.claim("crashed-" + attempt, at, at.plusSeconds(1)).orElseThrow();
        }
        scanner.scan();
        IntakeJob refused = queue.job("acme", job.id()).orElseThrow();
        assertEquals(IntakeJob.FAILED, refused.state());
        assertTrue(refused.reason().startsWith("not taken again: 3 runtimes stopped"), refused.reason());
        assertTrue(importedFiles.isEmpty());
    }

    @Test
    void aBillLeftInProcessingByAReleaseWithoutTheQueueIsImportedOnTheFirstPass() throws Exception {
        Path item = Files.createDirectories(tenants.resolve("acme/processing/20261201T101530123Z-abcd"));
        Files.writeString(item.resolve("bills.csv"), "a,b\n");
        scanner.scan();
        assertEquals(1, importedFiles.size());
        assertEquals(IntakeJob.DONE, queue.job("acme", "20261201T101530123Z-abcd").orElseThrow().state());
    }

    @Test
    void uploadNamesArePlainFileNames() {
        for (String bad : new String[] {"../etc/passwd", "a/b.csv", "..\\x.csv", ".hidden", "", "bills\n.csv"}) {
            assertThrows(IllegalArgumentException.class, () -> IntakeServiceImpl.plainName(bad), bad);
        }
        assertEquals("June bills (1).csv", IntakeServiceImpl.plainName("June bills (1).csv"));
    }

    /** An upload as the service lands it: staged under a dot name, renamed into the inbox whole, recorded in the queue. */
    private IntakeJob upload(String tenant, String name) throws Exception {
        Inbox inbox = new Inbox(tenants, tenant);
        String id = Inbox.newId(Instant.now());
        Path staging = Files.createDirectories(inbox.inbox().resolve("." + id));
        Files.write(staging.resolve(name), "x".getBytes(StandardCharsets.UTF_8));
        IntakeJob job = IntakeJob.received(tenant, id, name, Instant.now());
        inbox.write(staging, IntakeItems.item(job));
        Files.move(staging, inbox.inbox().resolve(id));
        queue.register(job);
        return job;
    }

    /** A clock that stands still until a test moves it on. */
    private static final class MovingClock extends Clock {

        private Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
