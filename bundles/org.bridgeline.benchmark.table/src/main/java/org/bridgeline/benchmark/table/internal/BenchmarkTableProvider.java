package org.bridgeline.benchmark.table.internal;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.io.monitor.FileAlterationListenerAdaptor;
import org.apache.commons.io.monitor.FileAlterationMonitor;
import org.apache.commons.io.monitor.FileAlterationObserver;
import org.bridgeline.api.benchmark.BenchmarkCoverage;
import org.bridgeline.api.benchmark.BenchmarkProvider;
import org.bridgeline.api.benchmark.BenchmarkQuery;
import org.bridgeline.api.model.Benchmark;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Benchmarks from the operator's own price tables: every {@code *.csv} and {@code *.json} in a
 * folder, read again when one is added, changed or removed. A table that does not read is left
 * out whole, named in the log with its row and field; the others still answer.
 */
@Component(configurationPid = "org.bridgeline.benchmark.table")
public final class BenchmarkTableProvider implements BenchmarkProvider {

    /** Configuration {@code org.bridgeline.benchmark.table}. */
    public @interface Config {
        /** The folder of tables; empty for {@code benchmarks/} in the distribution. */
        String folder() default "";

        /** How often the folder is looked at for changes, in milliseconds. */
        long pollMillis() default 1000;
    }

    private static final Logger LOG = Logger.getLogger("org.bridgeline.benchmark.table");

    private final Path folder;
    private final FileAlterationMonitor monitor;
    private volatile List<Benchmark> table = List.of();

    @Activate
    public BenchmarkTableProvider(BundleContext context, Config config) throws Exception {
        this.folder = config.folder().isBlank() ? Path.of(String.valueOf(context.getProperty("bridgeline.home")), "benchmarks")
                : Path.of(config.folder());
        reload();
        FileAlterationObserver observer = FileAlterationObserver.builder().setFile(folder.toFile())
                .setFileFilter(file -> isTable(file.toPath())).get();
        observer.addListener(new FileAlterationListenerAdaptor() {
            @Override
            public void onFileCreate(File file) {
                reload();
            }

            @Override
            public void onFileChange(File file) {
                reload();
            }

            @Override
            public void onFileDelete(File file) {
                reload();
            }
        });
        this.monitor = new FileAlterationMonitor(Math.max(100, config.pollMillis()), observer);
        monitor.setThreadFactory(runnable -> {
            Thread thread = new Thread(runnable, "bridgeline-benchmark-tables");
            thread.setDaemon(true);
            return thread;
        });
        monitor.start();
    }

    @Deactivate
    void stop() throws Exception {
        monitor.stop(0);
    }

    private static boolean isTable(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".json");
    }

    /** Reads every table again; called on activation and on each change the monitor sees. */
    synchronized void reload() {
        List<Benchmark> read = new ArrayList<>();
        List<Path> files = List.of();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> listing = Files.list(folder)) {
                files = listing.filter(Files::isRegularFile).filter(BenchmarkTableProvider::isTable).sorted().toList();
            } catch (IOException e) {
                LOG.warning("benchmark tables: cannot list " + folder + ": " + e.getMessage());
            }
        }
        for (Path file : files) {
            try {
                List<Benchmark> rows = TableReader.read(file);
                read.addAll(rows);
                LOG.info("benchmark table " + file.getFileName() + ": " + rows.size() + " benchmarks");
            } catch (TableReader.BadTable e) {
                LOG.severe("benchmark table left out: " + e.getMessage());
            } catch (IOException e) {
                LOG.log(Level.SEVERE, "benchmark table left out: " + file + ": " + e.getMessage());
            }
        }
        table = List.copyOf(read);
    }

    @Override
    public String id() {
        return TableReader.PROVIDER_ID;
    }

    @Override
    public BenchmarkCoverage coverage() {
        List<Benchmark> rows = table;
        if (rows.isEmpty()) {
            return new BenchmarkCoverage(Set.of(), Set.of(), LocalDate.EPOCH, "no benchmark tables in " + folder);
        }
        return new BenchmarkCoverage(rows.stream().map(Benchmark::serviceType).collect(Collectors.toSet()),
                rows.stream().map(Benchmark::region).filter(region -> !region.equals("*")).collect(Collectors.toSet()),
                rows.stream().map(Benchmark::asOf).max(LocalDate::compareTo).orElseThrow(),
                String.join("; ", rows.stream().map(Benchmark::source).collect(Collectors.toCollection(TreeSet::new))));
    }

    /** The rows for the query's type, bandwidth and region (or {@code *}), the exact region, narrower band and nearer term first. */
    @Override
    public List<Benchmark> lookup(BenchmarkQuery query) {
        return table.stream()
                .filter(b -> b.serviceType() == query.serviceType())
                .filter(b -> query.bandwidthMbps() == null || b.band().contains(query.bandwidthMbps()))
                .filter(b -> b.region().equals("*") || b.region().equalsIgnoreCase(String.valueOf(query.region())))
                .sorted(Comparator.comparing((Benchmark b) -> b.region().equals("*") ? 1 : 0)
                        .thenComparing(b -> b.band().toMbps() == null ? BigDecimal.valueOf(Long.MAX_VALUE)
                                : b.band().toMbps().subtract(b.band().fromMbps()))
                        .thenComparing(b -> Math.abs(b.termMonths() - query.termMonths())))
                .toList();
    }
}
