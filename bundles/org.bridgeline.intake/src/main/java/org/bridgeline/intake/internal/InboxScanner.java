package org.bridgeline.intake.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.bridgeline.core.AuditService;
import org.bridgeline.core.FileOutcome;
import org.bridgeline.core.ImportOptions;
import org.bridgeline.core.ImportReport;
import org.bridgeline.core.ImportService;
import org.bridgeline.core.Json;
import org.bridgeline.intake.IntakeState;
import org.bridgeline.store.IntakeJob;
import org.bridgeline.store.IntakeStore;
import org.bridgeline.store.StoreException;

/**
 * One pass of a runtime's intake. First the inboxes: a dropped file is taken once its size and
 * modification time held across two passes, put in an item folder of its own and recorded in the
 * store's queue (an upload arrives as such a folder, recorded already). Then the queue: the runtime
 * claims bills one at a time, whichever tenant's and whichever runtime received them, moves each to
 * processing/, imports it and files it under done/ or failed/. Last, each tenant's audit runs once
 * for everything the pass imported; until then the bills stay claimed (imported, not yet done). A
 * runtime that dies holding a bill loses its lease, and the bill is taken over by the next pass of
 * any runtime: imported again if it was being imported (the import recognises the invoices it stored
 * already), audited if it was waiting for its audit.
 */
final class InboxScanner {

    private static final Logger LOG = Logger.getLogger("org.bridgeline.intake");
    /** A bill claimed this many times without an end has stopped every runtime that took it: it is refused, not taken again. */
    static final int MAX_ATTEMPTS = 3;
    /**
     * How long a pass takes new bills before it audits what it imported: bills that keep arriving
     * never hold back the findings of those already in.
     */
    static final Duration PASS_CLAIMS_FOR = Duration.ofSeconds(20);
    /** A staging folder older than this was left by a stopped upload or move. */
    private static final Duration STAGING_ABANDONED = Duration.ofMinutes(10);

    private final Path tenants;
    private final IntakeStore queue;
    private final ImportService imports;
    private final AuditService audits;
    private final Clock clock;
    private final String runtime;
    private final Duration lease;
    /** A dropped file's size and time at the last pass: taken when the next pass sees the same. */
    private final Map<Path, List<Object>> seen = new HashMap<>();
    /** Whether a pass is importing or auditing: the renewals keep its claims then, and only then, so a claim a failure left runs out. */
    private volatile boolean working;
    /** Whether the claims this runtime held before a stop or a kill are released. */
    private boolean releasedEarlierClaims;
    /** Bills under done/ whose records the first pass reads at most, before asking the queue instead. */
    static final int RECORDS_READ_AT_MOST = 2_000;
    /** Bills registered in this runtime's queue, counted: by its passes, and by uploads ({@link #expectWork()}). */
    private final AtomicLong registered = new AtomicLong();
    /**
     * The count of {@link #registered} bills when a pass last found nothing to claim in a queue that is not
     * {@link IntakeStore#shared() shared}; -1 until one did. While the count stays there, the queue has nothing for
     * this runtime and the passes do not ask it: an embedded database left alone may close.
     */
    private long emptyAt = -1;
    /** Bills ({@code tenant/id}) whose audit failed: held until their claim runs out, then claimed again and audited. */
    private final Set<String> auditsOwed = new HashSet<>();

    InboxScanner(Path tenants, IntakeStore queue, ImportService imports, AuditService audits, Clock clock, String runtime, Duration lease) {
        this.tenants = tenants;
        this.queue = queue;
        this.imports = imports;
        this.audits = audits;
        this.clock = clock;
        this.runtime = runtime;
        this.lease = lease;
    }

    /** Tells the passes a bill was registered in the queue apart from them (an upload): the next pass claims it. */
    void expectWork() {
        registered.incrementAndGet();
    }

    void scan() throws IOException, StoreException {
        List<String> tenantFolders = tenantFolders();
        boolean processing = false;
        for (String tenant : tenantFolders) {
            Inbox inbox = new Inbox(tenants, tenant);
            takeArrivals(inbox);
            processing |= fileFinished(inbox);
        }
        long known = registered.get();
        if (!queue.shared() && !processing && !expectsWork(known, tenantFolders)) {
            return; // this runtime's own queue, and nothing arrived, is being imported or awaits its audit: its database may rest
        }
        if (!releasedEarlierClaims) {
            // the runtime keeps its name across restarts: what it held when it stopped is taken again now, not after the lease
            queue.renew(runtime, Instant.EPOCH);
            releasedEarlierClaims = true;
        }
        Map<String, List<String>> toAudit = new LinkedHashMap<>();
        Instant claimsEnd = clock.instant().plus(PASS_CLAIMS_FOR);
        boolean emptied = false;
        working = true;
        try {
            while (clock.instant().isBefore(claimsEnd)) {
                Optional<IntakeJob> job = queue.claim(runtime, clock.instant(), clock.instant().plus(lease));
                if (job.isEmpty()) {
                    emptied = true;
                    break;
                }
                IntakeJob claimed = job.get();
                // a bill imported by a runtime that died before its audit needs the audit only
                if (claimed.state().equals(IntakeJob.IMPORTED) || importClaimed(claimed)) {
                    toAudit.computeIfAbsent(claimed.tenant(), tenant -> new ArrayList<>()).add(claimed.id());
                }
            }
            for (Map.Entry<String, List<String>> tenant : toAudit.entrySet()) {
                audit(tenant.getKey(), tenant.getValue());
            }
        } finally {
            working = false;
        }
        if (emptied && auditsOwed.isEmpty()) {
            emptyAt = known; // a bill registered since counts past it
        }
    }

    /**
     * Whether this runtime's own queue may hold a bill for it: one was registered since a pass found it empty, or, at
     * the first pass, a bill in done/ may have been imported and not audited (its runtime stopped in between). Bills
     * arriving or being imported show in inbox/ and processing/, and the pass registers them. More records than
     * {@link #RECORDS_READ_AT_MOST} count as yes: reading them (about 2 s for 10,000 from a cold disk) would cost more
     * than asking the queue.
     */
    private boolean expectsWork(long known, List<String> tenantFolders) throws IOException {
        if (emptyAt >= 0) {
            return known != emptyAt;
        }
        if (known > 0) {
            return true;
        }
        List<Path> done = new ArrayList<>();
        for (String tenant : tenantFolders) {
            done.addAll(new Inbox(tenants, tenant).items(IntakeState.DONE));
        }
        if (done.size() > RECORDS_READ_AT_MOST || done.stream().anyMatch(Inbox::awaitsAudit)) {
            return true;
        }
        emptyAt = known; // nothing from before: the queue holds only what this runtime registers from now on
        return false;
    }

    /** Imports a claimed bill; true when it stored something an audit is to read. A failure to file it fails the bill. */
    private boolean importClaimed(IntakeJob claimed) throws StoreException {
        try {
            return process(new Inbox(tenants, claimed.tenant()), claimed);
        } catch (IOException e) {
            String reason = "the inbox could not be read or written: " + e;
            LOG.warning("intake " + claimed.tenant() + "/" + claimed.id() + ": " + reason);
            queue.finish(claimed.tenant(), claimed.id(), runtime, IntakeJob.FAILED, clock.instant(), reason, null);
            return false;
        }
    }

    /** Extends this runtime's claims: called more often than the lease runs out, while a long import goes on. */
    void renew() throws StoreException {
        if (working) {
            queue.renew(runtime, clock.instant().plus(lease));
        }
    }

    private List<String> tenantFolders() throws IOException {
        if (!Files.isDirectory(tenants)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(tenants)) {
            return folders.filter(Files::isDirectory).map(folder -> folder.getFileName().toString())
                    .filter(name -> name.matches("[a-z0-9][a-z0-9-]{1,39}")).sorted().toList();
        }
    }

    /** Gives each whole arrival an item folder of its own and records it in the queue. */
    private void takeArrivals(Inbox inbox) throws IOException, StoreException {
        Path folder = inbox.inbox();
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> entries;
        try (Stream<Path> list = Files.list(folder)) {
            entries = list.sorted().toList();
        }
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (name.startsWith(".")) {
                removeIfAbandoned(inbox, entry);
            } else if (name.endsWith(".part")) {
                continue; // a copy still being written
            } else if (Files.isDirectory(entry) && Inbox.isId(name)) {
                Optional<IntakeJob> arrival = inbox.arrival(entry);
                if (arrival.isPresent()) {
                    queue.register(arrival.get()); // an upload is recorded as it lands; this records one whose runtime stopped first
                    registered.incrementAndGet(); // known or not, it waits in the queue
                }
            } else if (Files.isRegularFile(entry) && stable(entry)) {
                take(inbox, entry, name);
            }
        }
    }

    /** Moves a dropped file into an item folder of its own; another runtime that moved it first has it. */
    private void take(Inbox inbox, Path entry, String name) throws IOException, StoreException {
        seen.remove(entry);
        Instant now = clock.instant();
        String id = Inbox.newId(now);
        Path staging = Files.createDirectories(inbox.inbox().resolve("." + id));
        try {
            Files.move(entry, staging.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException takenElsewhere) {
            Files.delete(staging);
            return;
        }
        IntakeJob job = IntakeJob.received(inbox.tenant, id, name, now);
        inbox.write(staging, IntakeItems.item(job));
        Files.move(staging, inbox.inbox().resolve(id), StandardCopyOption.ATOMIC_MOVE);
        queue.register(job);
        registered.incrementAndGet();
    }

    /**
     * A staging folder whose upload or move stopped: published when it holds a whole bill (its record
     * is written last), removed when it holds half of one.
     */
    private void removeIfAbandoned(Inbox inbox, Path staging) throws IOException {
        String id = staging.getFileName().toString().substring(1);
        if (!Files.isDirectory(staging) || !Inbox.isId(id) || lastWritten(staging).isAfter(clock.instant().minus(STAGING_ABANDONED))) {
            return; // an upload still being written, however long it takes
        }
        if (Files.isRegularFile(staging.resolve(Inbox.RECORD))) {
            Files.move(staging, inbox.inbox().resolve(id), StandardCopyOption.ATOMIC_MOVE);
        } else {
            IntakeServiceImpl.deleteIfLeft(staging);
            LOG.info("intake " + inbox.tenant + "/" + id + ": removed an upload that stopped before it was whole");
        }
    }

    private static Instant lastWritten(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            Instant last = Instant.EPOCH;
            for (Path file : files.toList()) {
                Instant modified = Files.getLastModifiedTime(file).toInstant();
                last = modified.isAfter(last) ? modified : last;
            }
            return last;
        }
    }

    private boolean stable(Path file) throws IOException {
        FileTime modified = Files.getLastModifiedTime(file);
        List<Object> now = List.of(Files.size(file), modified);
        return now.equals(seen.put(file, now));
    }

    /**
     * Files what a runtime left in processing/: a bill whose end is recorded (the runtime stopped
     * before moving it) under its state's folder, one the queue does not know (left by a release that
     * kept no queue) recorded to be taken again. True when a bill there is still to import or audit.
     */
    private boolean fileFinished(Inbox inbox) throws IOException, StoreException {
        boolean unfinished = false;
        for (Path item : inbox.items(IntakeState.PROCESSING)) {
            Optional<IntakeJob> job = queue.job(inbox.tenant, item.getFileName().toString());
            if (job.isEmpty()) {
                Optional<IntakeJob> arrival = inbox.arrival(item);
                if (arrival.isPresent()) {
                    queue.register(arrival.get());
                    unfinished = true;
                }
            } else if (job.get().finished() || job.get().state().equals(IntakeJob.IMPORTED)) {
                moveIfThere(inbox, item, job.get().state().equals(IntakeJob.FAILED) ? IntakeState.FAILED : IntakeState.DONE);
                unfinished |= job.get().state().equals(IntakeJob.IMPORTED);
            } else {
                unfinished = true;
            }
        }
        return unfinished;
    }

    /** Imports one claimed bill and files it; true when it stored something new. */
    private boolean process(Inbox inbox, IntakeJob job) throws IOException, StoreException {
        Optional<Path> found = inbox.locate(job.id());
        Path item = found.isPresent() ? moveIfThere(inbox, found.get(), IntakeState.PROCESSING) : null;
        Optional<Path> bill = item == null ? Optional.empty() : Inbox.bill(item);
        ImportReport report = null;
        String reason = null;
        if (bill.isEmpty()) {
            reason = "the bill is gone from " + inbox.root + " (its folder " + job.id() + " was moved or removed)";
        } else if (job.attempts() > MAX_ATTEMPTS) {
            reason = "not taken again: " + (job.attempts() - 1) + " runtimes stopped while importing it; look at it before dropping it in again";
        } else {
            try {
                report = imports.importPath(bill.get(), new ImportOptions(inbox.tenant, null, false, false), null);
                if (report.failedFiles() > 0) {
                    reason = report.files().stream().filter(file -> file.status().failure())
                            .map(file -> file.file() + ": " + file.status() + (file.message() == null ? "" : ": " + file.message()))
                            .findFirst().orElse("not imported (see the report)");
                }
            } catch (IllegalArgumentException e) {
                reason = e.getMessage();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "intake of " + bill.get() + " failed", e);
                reason = "the import failed: " + e;
            }
        }
        IntakeState state = reason == null ? IntakeState.DONE : IntakeState.FAILED;
        // a bill taken over from a runtime that stopped after storing it and before recording so reads as already imported:
        // that runtime never audited it, so it is audited here as if stored now
        boolean stored = state == IntakeState.DONE && report.files().stream().anyMatch(file -> file.status() == FileOutcome.Status.IMPORTED
                || job.attempts() > 1 && file.status() == FileOutcome.Status.ALREADY_IMPORTED);
        Instant finished = clock.instant();
        String reportJson = report == null ? null : Json.gson().toJson(report);
        String ended = stored ? IntakeJob.IMPORTED : state.name();
        if (!queue.finish(inbox.tenant, job.id(), runtime, ended, finished, reason, reportJson)) {
            LOG.warning("intake " + inbox.tenant + "/" + job.id() + ": another runtime took the bill over while this one imported it");
            return false;
        }
        if (item != null) {
            inbox.write(item, IntakeItems.item(new IntakeJob(job.tenant(), job.id(), job.file(), ended, job.receivedAt(), job.startedAt(),
                    finished, runtime, null, job.attempts(), null, reason, reportJson)));
            if (reason != null && bill.isPresent()) {
                Files.writeString(item.resolve(bill.get().getFileName() + ".reason"), reason + System.lineSeparator());
            }
            moveIfThere(inbox, item, state);
        }
        LOG.info("intake " + inbox.tenant + "/" + job.id() + " " + job.file() + ": " + ended + (reason == null ? ", " + report.lines()
                + " lines" : ": " + reason));
        return stored;
    }

    private static Path moveIfThere(Inbox inbox, Path item, IntakeState to) throws IOException {
        return item.getParent().equals(inbox.folder(to)) ? item : inbox.move(item, to);
    }

    /**
     * One audit for the bills a pass imported, its run recorded on each (in the queue, and in the record beside each bill).
     * When it fails, the bills stay claimed until their lease runs out, and a later pass audits them.
     */
    private void audit(String tenant, List<String> ids) throws StoreException {
        long runId;
        try {
            runId = audits.audit(tenant, null, null, null).runId();
        } catch (RuntimeException e) {
            LOG.warning("intake: the audit of " + tenant + " after " + ids.size() + " bills failed: " + e.getMessage());
            ids.forEach(id -> auditsOwed.add(tenant + "/" + id));
            return;
        }
        ids.forEach(id -> auditsOwed.remove(tenant + "/" + id));
        queue.audited(tenant, ids, runId);
        Inbox inbox = new Inbox(tenants, tenant);
        for (String id : ids) {
            Optional<Path> item = inbox.locate(id);
            Optional<IntakeJob> job = queue.job(tenant, id);
            if (item.isPresent() && job.isPresent()) {
                try {
                    inbox.write(item.get(), IntakeItems.item(job.get()));
                } catch (IOException e) {
                    LOG.warning("intake " + tenant + "/" + id + ": audited, its record beside the bill not rewritten: " + e.getMessage());
                }
            }
        }
        LOG.info("intake " + tenant + ": audit run " + runId + " after " + ids.size() + " bills");
    }
}
