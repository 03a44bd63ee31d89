package org.bridgeline.intake.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.bridgeline.core.AuditService;
import org.bridgeline.core.ImportService;
import org.bridgeline.intake.IntakeItem;
import org.bridgeline.intake.IntakeService;
import org.bridgeline.intake.IntakeState;
import org.osgi.framework.BundleContext;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** Intake over the tenants' inboxes in {@code bridgeline.data}/tenants, scanned every few seconds (configuration {@code org.bridgeline.intake}). */
@Component(service = IntakeService.class, immediate = true, configurationPid = "org.bridgeline.intake")
public final class IntakeServiceImpl implements IntakeService {

    private static final Logger LOG = Logger.getLogger("org.bridgeline.intake");

    /** Configuration {@code org.bridgeline.intake}. */
    public @interface Config {
        /** Milliseconds between passes over the inboxes; a dropped file is taken on the second pass that finds it unchanged. */
        long scanMillis() default 2000;
    }

    private final Path tenants;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService scans;

    @Activate
    public IntakeServiceImpl(@Reference ImportService imports, @Reference AuditService audits, BundleContext context, Config config) {
        this.tenants = Path.of(Optional.ofNullable(context.getProperty("bridgeline.data")).orElse("data"), "tenants");
        InboxScanner scanner = new InboxScanner(tenants, imports, audits, clock);
        this.scans = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "bridgeline-intake");
            thread.setDaemon(true);
            return thread;
        });
        FrameworkStartLevel startLevel = context.getBundle(0).adapt(FrameworkStartLevel.class);
        scans.scheduleWithFixedDelay(() -> {
            try {
                // not before the runtime is up: its parsers (and deployed ones) are registered by the time the framework
                // reaches the plugins' start level, and a bill read with half the parsers would fail for nothing
                if (startLevel != null && startLevel.getStartLevel() < startLevel.getInitialBundleStartLevel()) {
                    return;
                }
                scanner.scan();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "intake: a pass over " + tenants + " failed: " + e.getMessage(), e);
            }
        }, 0, Math.max(100, config.scanMillis()), TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void stop() throws InterruptedException {
        scans.shutdownNow();
        scans.awaitTermination(30, TimeUnit.SECONDS);
    }

    @Override
    public IntakeItem submit(String tenant, String fileName, InputStream content, long maxBytes) throws IOException {
        String name = plainName(fileName);
        Inbox inbox = new Inbox(tenants, tenant);
        Instant now = clock.instant();
        String id = Inbox.newId(now);
        Path staging = Files.createDirectories(inbox.inbox().resolve("." + id));
        try {
            long written;
            try (OutputStream out = Files.newOutputStream(staging.resolve(name))) {
                written = copy(content, out, maxBytes);
            }
            IntakeItem item = new IntakeItem(id, tenant, name, IntakeState.RECEIVED, now, null, null, null, null);
            inbox.write(staging, item);
            Files.move(staging, inbox.inbox().resolve(id), StandardCopyOption.ATOMIC_MOVE);
            LOG.info("intake " + tenant + "/" + id + " " + name + ": received, " + written + " bytes");
            return item;
        } finally {
            deleteIfLeft(staging);
        }
    }

    /** Copies at most maxBytes; more is refused before it is all read. */
    private static long copy(InputStream in, OutputStream out, long maxBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int read; (read = in.read(buffer)) > 0; ) {
            total += read;
            if (total > maxBytes) {
                throw new IllegalArgumentException("the bill is larger than the " + maxBytes + " bytes an upload may be");
            }
            out.write(buffer, 0, read);
        }
        return total;
    }

    /** The name a file is kept under: its last component, refused when it could point anywhere else. */
    static String plainName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        if (name.isBlank() || name.startsWith(".") || name.length() > 200 || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
                || !name.equals(fileName)) {
            throw new IllegalArgumentException("file name: expected a plain name such as bills.csv, found \"" + fileName + "\"");
        }
        return name;
    }

    private static void deleteIfLeft(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Override
    public List<IntakeItem> recent(String tenant, int limit) throws IOException {
        List<IntakeItem> items = new Inbox(tenants, tenant).items();
        return items.subList(0, Math.min(limit, items.size()));
    }

    @Override
    public Optional<IntakeItem> item(String tenant, String id) throws IOException {
        if (!Inbox.isId(id)) {
            return Optional.empty();
        }
        Inbox inbox = new Inbox(tenants, tenant);
        for (IntakeState state : IntakeState.values()) {
            Path item = inbox.folder(state).resolve(id);
            if (Files.isDirectory(item)) {
                return inbox.read(item, state);
            }
        }
        return Optional.empty();
    }
}
