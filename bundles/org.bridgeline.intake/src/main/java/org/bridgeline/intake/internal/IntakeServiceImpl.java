package org.bridgeline.intake.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
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
import org.bridgeline.store.IntakeJob;
import org.bridgeline.store.IntakeStore;
import org.bridgeline.store.StoreException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Intake over the tenants' inboxes in {@code bridgeline.data}/tenants (or a shared folder every
 * runtime on the database sees), scanned every few seconds, the bills claimed through the store's
 * queue (configuration {@code org.bridgeline.intake}).
 */
@Component(service = IntakeService.class, immediate = true, configurationPid = "org.bridgeline.intake")
public final class IntakeServiceImpl implements IntakeService {

    private static final Logger LOG = Logger.getLogger("org.bridgeline.intake");

    /** Configuration {@code org.bridgeline.intake}. */
    public @interface Config {
        /** Milliseconds between passes over the inboxes; a dropped file is taken on the second pass that finds it unchanged. */
        long scanMillis() default 2000;

        /** The folder holding every tenant's inbox; empty for {@code bridgeline.data}/tenants. Runtimes sharing a database share it. */
        String folder() default "";

        /**
         * Seconds a runtime's claim on a bill stands without renewal: it renews every third of it
         * while it imports, and when it dies another runtime takes the bill over this long after.
         */
        long leaseSeconds() default 60;
    }

    private final Path tenants;
    private final IntakeStore queue;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService scans;
    private final InboxScanner scanner;

    @Activate
    public IntakeServiceImpl(@Reference ImportService imports, @Reference AuditService audits, @Reference IntakeStore queue,
            BundleContext context, Config config) {
        this.tenants = config.folder().isBlank()
                ? Path.of(Optional.ofNullable(context.getProperty("bridgeline.data")).orElse("data"), "tenants")
                : Path.of(config.folder());
        this.queue = queue;
        Duration lease = Duration.ofSeconds(Math.max(3, config.leaseSeconds()));
        String runtime = runtimeName(context);
        this.scanner = new InboxScanner(tenants, queue, imports, audits, clock, runtime, lease);
        // two threads: the renewals go on while a pass imports a long bill
        this.scans = Executors.newScheduledThreadPool(2, task -> {
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
            } catch (StoreException e) {
                LOG.warning("intake: a pass over " + tenants + " stopped: " + e.getMessage());
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "intake: a pass over " + tenants + " failed: " + e.getMessage(), e);
            }
        }, 0, Math.max(100, config.scanMillis()), TimeUnit.MILLISECONDS);
        scans.scheduleAtFixedRate(() -> {
            try {
                scanner.renew();
            } catch (StoreException | RuntimeException e) {
                LOG.warning("intake: " + runtime + " could not renew its claim: " + e.getMessage());
            }
        }, lease.toMillis() / 3, lease.toMillis() / 3, TimeUnit.MILLISECONDS);
        LOG.info("intake: " + runtime + " takes bills from " + tenants.toAbsolutePath() + " (claims held " + lease.toSeconds() + " s)");
    }

    /**
     * This runtime as the queue names it: its host and data folder, the same across restarts (so that
     * a restarted runtime takes back at once what it held) and different for runtimes sharing a database.
     */
    private static String runtimeName(BundleContext context) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "localhost";
        }
        return host + ":" + Path.of(Optional.ofNullable(context.getProperty("bridgeline.data")).orElse("data")).toAbsolutePath().normalize();
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
            IntakeJob job = IntakeJob.received(tenant, id, name, now);
            inbox.write(staging, IntakeItems.item(job));
            Files.move(staging, inbox.inbox().resolve(id), StandardCopyOption.ATOMIC_MOVE);
            try {
                queue.register(job);
                scanner.expectWork();
            } catch (StoreException e) {
                // the bill is safe in the inbox: the next pass that reaches the store records it
                LOG.warning("intake " + tenant + "/" + id + ": received, recorded on the next pass: " + e.getMessage());
            }
            LOG.info("intake " + tenant + "/" + id + " " + name + ": received, " + written + " bytes");
            return IntakeItems.item(job);
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

    static void deleteIfLeft(Path folder) throws IOException {
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
    public List<IntakeItem> recent(String tenant, int limit) throws StoreException {
        return queue.recent(tenant, limit).stream().map(IntakeItems::item).toList();
    }

    @Override
    public Optional<IntakeItem> item(String tenant, String id) throws StoreException {
        return Inbox.isId(id) ? queue.job(tenant, id).map(IntakeItems::item) : Optional.empty();
    }
}
