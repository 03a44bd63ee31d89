package org.bridgeline.intake.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.bridgeline.core.AuditService;
import org.bridgeline.core.FileOutcome;
import org.bridgeline.core.ImportOptions;
import org.bridgeline.core.ImportReport;
import org.bridgeline.core.ImportService;
import org.bridgeline.core.Json;
import org.bridgeline.intake.IntakeItem;
import org.bridgeline.intake.IntakeState;

/**
 * One pass over every tenant's inbox: a dropped file is taken once its size and modification time
 * held across two passes, an uploaded item at once (it arrived by rename); each is moved to
 * processing/, imported, and moved to done/ or failed/ with its record; then the tenant's audit runs
 * once for everything it imported in the pass. Items left in processing/ by a stop or a kill are
 * imported again on the first pass (the import recognises what it already stored).
 */
final class InboxScanner {

    private static final Logger LOG = Logger.getLogger("org.bridgeline.intake");

    private final Path tenants;
    private final ImportService imports;
    private final AuditService audits;
    private final Clock clock;
    /** A dropped file's size and time at the last pass: taken when the next pass sees the same. */
    private final Map<Path, List<Object>> seen = new HashMap<>();

    InboxScanner(Path tenants, ImportService imports, AuditService audits, Clock clock) {
        this.tenants = tenants;
        this.imports = imports;
        this.audits = audits;
        this.clock = clock;
    }

    void scan() throws IOException {
        if (!Files.isDirectory(tenants)) {
            return;
        }
        List<String> names;
        try (Stream<Path> folders = Files.list(tenants)) {
            names = folders.filter(Files::isDirectory).map(folder -> folder.getFileName().toString())
                    .filter(name -> name.matches("[a-z0-9][a-z0-9-]{1,39}")).sorted().toList();
        }
        for (String tenant : names) {
            scan(new Inbox(tenants, tenant));
        }
    }

    private void scan(Inbox inbox) throws IOException {
        takeArrivals(inbox);
        List<Path> imported = new ArrayList<>();
        Path processing = inbox.folder(IntakeState.PROCESSING);
        if (Files.isDirectory(processing)) {
            List<Path> items;
            try (Stream<Path> entries = Files.list(processing)) {
                items = entries.filter(e -> Inbox.isId(e.getFileName().toString()) && Files.isDirectory(e)).sorted().toList();
            }
            for (Path item : items) {
                process(inbox, item).ifPresent(imported::add);
            }
        }
        if (!imported.isEmpty()) {
            audit(inbox, imported);
        }
    }

    /** Moves what has arrived whole into processing/. */
    private void takeArrivals(Inbox inbox) throws IOException {
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
            if (name.startsWith(".") || name.endsWith(".part")) {
                continue; // an upload or a copy still being written
            }
            if (Files.isDirectory(entry) && Inbox.isId(name)) {
                inbox.move(entry, IntakeState.PROCESSING);
            } else if (Files.isRegularFile(entry) && stable(entry)) {
                Instant now = clock.instant();
                Path item = Files.createDirectories(inbox.folder(IntakeState.PROCESSING).resolve(Inbox.newId(now)));
                Files.move(entry, item.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                inbox.write(item, new IntakeItem(item.getFileName().toString(), inbox.tenant, name, IntakeState.PROCESSING, now, null, null,
                        null, null));
                seen.remove(entry);
            }
        }
    }

    private boolean stable(Path file) throws IOException {
        FileTime modified = Files.getLastModifiedTime(file);
        List<Object> now = List.of(Files.size(file), modified);
        return now.equals(seen.put(file, now));
    }

    /** Imports one item and files it under done/ or failed/; the item when it stored something. */
    private java.util.Optional<Path> process(Inbox inbox, Path item) throws IOException {
        IntakeItem record = inbox.read(item, IntakeState.PROCESSING).orElse(null);
        java.util.Optional<Path> bill = Inbox.bill(item);
        if (record == null || bill.isEmpty()) {
            return java.util.Optional.empty();
        }
        ImportReport report = null;
        String reason = null;
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
        IntakeState state = reason == null ? IntakeState.DONE : IntakeState.FAILED;
        IntakeItem done = new IntakeItem(record.id(), inbox.tenant, record.file(), state, record.receivedAt(), clock.instant(), null, reason,
                report == null ? null : Json.gson().toJson(report));
        inbox.write(item, done);
        Path filed = inbox.move(item, state);
        LOG.info("intake " + inbox.tenant + "/" + record.id() + " " + record.file() + ": " + state + (reason == null ? ", "
                + report.lines() + " lines" : ": " + reason));
        boolean stored = state == IntakeState.DONE && report.files().stream().anyMatch(file -> file.status() == FileOutcome.Status.IMPORTED);
        return stored ? java.util.Optional.of(filed) : java.util.Optional.empty();
    }

    /** One audit for the bills a pass imported, its run recorded on each. */
    private void audit(Inbox inbox, List<Path> imported) throws IOException {
        long runId;
        try {
            runId = audits.audit(inbox.tenant, null, null, null).runId();
        } catch (RuntimeException e) {
            LOG.warning("intake: the audit of " + inbox.tenant + " after " + imported.size() + " bills failed: " + e.getMessage());
            return;
        }
        for (Path item : imported) {
            IntakeItem record = inbox.read(item, IntakeState.DONE).orElseThrow();
            inbox.write(item, new IntakeItem(record.id(), record.tenant(), record.file(), record.state(), record.receivedAt(),
                    record.finishedAt(), runId, record.reason(), record.reportJson()));
        }
        LOG.info("intake " + inbox.tenant + ": audit run " + runId + " after " + imported.size() + " bills");
    }
}
