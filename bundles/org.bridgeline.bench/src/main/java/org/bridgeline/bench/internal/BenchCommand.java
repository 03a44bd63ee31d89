package org.bridgeline.bench.internal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.bridgeline.console.Arguments;
import org.bridgeline.console.CommandException;
import org.bridgeline.console.ConsoleCommand;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.core.AuditService;
import org.bridgeline.core.BookService;
import org.bridgeline.negotiation.PackageService;
import org.bridgeline.core.ImportOptions;
import org.bridgeline.core.ImportReport;
import org.bridgeline.core.ImportService;
import org.bridgeline.store.ImportStore;
import org.bridgeline.store.InputStore;
import org.bridgeline.store.Tenants;
import org.bridgeline.store.InvoiceWriter;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code bl:bench ingest}: the ingest benchmark inside a real runtime, with the deployed store,
 * import pipeline and layout parser. In one JVM, side by side: (a) commons-csv with conversions,
 * (b) the store's append of lines already in memory, (c) the whole import; then the heap the
 * import keeps at two file sizes. Each measurement follows a warm-up on a smaller file. Data
 * goes to tenants of its own (bench-*), never the default book of business.
 */
@Component(service = ConsoleCommand.class)
public final class BenchCommand implements ConsoleCommand {

    private static final String USAGE = """
            usage: bl:bench ingest [LINES] [HEAP_LINES]
                   bl:bench audit [--many-findings] [LINES ...]
              ingest: LINES       size of the bill for (a), (b) and (c) (default 1000000)
                      HEAP_LINES  size of the larger bill the import's heap is also measured on (default 5000000)
                      Files are generated in data/bench/ and kept for reruns; imported lines go to bench-* tenants.
              audit:  for each size (default 1000000), a book of business of that many lines is written to a
                      bench-audit-* tenant, then every registered detector audits it; prints the time per detector,
                      the whole audit's time and rate, and the heap it used; then the time to write every carrier's
                      negotiation package (into data/bench/packages-*), against an illustrative benchmark table.
                      --many-findings: the table prices the market well below the bench's circuits, so that every
                      data circuit (half the services) is found above its benchmark: an audit with hundreds of
                      thousands of findings, whose heap shows that findings are not held.""";

    private final ImportStore store;
    private final InputStore inputs;
    private final ImportService imports;
    private final Path folder;

    private final AuditService audits;
    private final PackageService packages;
    private final BookService books;
    private final Path home;

    @Activate
    public BenchCommand(BundleContext context, @Reference ImportStore store, @Reference InputStore inputs, @Reference ImportService imports,
            @Reference AuditService audits, @Reference PackageService packages, @Reference BookService books) {
        this.store = store;
        this.inputs = inputs;
        this.imports = imports;
        this.audits = audits;
        this.packages = packages;
        this.books = books;
        this.home = Path.of(String.valueOf(context.getProperty("bridgeline.home")));
        String data = context.getProperty("bridgeline.data");
        this.folder = Path.of(data == null ? "data" : data, "bench");
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "the ingest and audit benchmarks on generated data";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public Set<String> flags() {
        return Set.of("many-findings");
    }

    @Override
    public void run(Arguments args, PrintStream out) throws Exception {
        List<String> words = args.positionals(1, Integer.MAX_VALUE, "ingest [LINES] [HEAP_LINES] or audit [LINES ...]");
        List<Long> sizes = words.stream().skip(1).map(BenchCommand::size).toList();
        switch (words.get(0)) {
            case "audit" -> auditBench(sizes.isEmpty() ? List.of(1_000_000L) : sizes, args.flag("many-findings"), out);
            case "ingest" -> {
                if (sizes.size() > 2) {
                    throw new CommandException("bl:bench ingest: expected at most LINES and HEAP_LINES, found " + words.subList(1, words.size()));
                }
                ingestBench(sizes.isEmpty() ? 1_000_000 : sizes.get(0), sizes.size() < 2 ? 5_000_000 : sizes.get(1), out);
            }
            default -> throw new CommandException("bl:bench: expected ingest or audit, found " + words.get(0) + " (see bl:bench --help)");
        }
    }

    private static long size(String word) {
        try {
            long size = Long.parseLong(word.replace("_", "").replace(",", ""));
            if (size > 0) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CommandException("bl:bench: expected a number of lines above 0, found \"" + word + "\"");
    }

    private void ingestBench(long lines, long heapLines, PrintStream out) throws Exception {
        Files.createDirectories(folder);
        String run = Long.toString(System.currentTimeMillis());

        Path warmup = bill(Math.min(200_000, lines), out);
        Path file = bill(lines, out);
        out.printf("warming up on %,d lines ...%n", Math.min(200_000, lines));
        BareCsv.parseAndConvert(warmup);
        storeAppend(BareCsv.load(warmup), "bench-warmup-" + run);
        importFile(warmup, "bench-warmup-import-" + run);
        System.gc();

        long started = System.nanoTime();
        BareCsv.parseAndConvert(file);
        double parse = seconds(started);

        List<BareCsv.InvoiceInMemory> inMemory = BareCsv.load(file);
        started = System.nanoTime();
        long appended = storeAppend(inMemory, "bench-append-" + run);
        double append = seconds(started);
        inMemory = null;
        System.gc();

        ImportReport report;
        long peakUsed;
        long peakLive;
        started = System.nanoTime();
        try (HeapSampler heap = new HeapSampler()) {
            report = importFile(file, "bench-import-" + run);
            heap.close();
            peakUsed = heap.peakUsedMiB();
            peakLive = heap.peakLiveAfterGcMiB();
        }
        double endToEnd = seconds(started);
        if (report.lines() != lines || appended != lines) {
            throw new IllegalStateException("bench imported " + report.lines() + " and appended " + appended + " of " + lines + " lines");
        }

        double a = lines / parse;
        double b = lines / append;
        double c = lines / endToEnd;
        out.printf("%nIngest bench, %,d lines (%s, %,d MiB), invoices of %,d lines, %d cores, max heap %,d MiB%n", lines,
                file.getFileName(), Files.size(file) >> 20, BillGenerator.LINES_PER_INVOICE, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        out.printf("(a) commons-csv parse + BigDecimal/LocalDate      %,10.0f rows/s  %6.2f s%n", a, parse);
        out.printf("(b) store append, lines already in memory         %,10.0f rows/s  %6.2f s%n", b, append);
        out.printf("(c) import: parse + normalise + validate + store  %,10.0f rows/s  %6.2f s%n", c, endToEnd);
        out.printf("(c) / slower of (a), (b) = %.2f   (goal >= 0.8)%n", c / Math.min(a, b));
        out.printf("heap during (c) at %,d lines: peak in use %,d MiB, peak live after GC %,d MiB%n", lines, peakUsed, peakLive);

        Path x12 = folder.resolve("bench-" + lines + ".x12");
        if (!Files.exists(x12)) {
            out.printf("generating %s ...%n", x12.getFileName());
            X12Generator.write(x12, lines);
        }
        importFile(x12, "bench-warmup-x12-" + run, "x12-811-standard"); // warm the X12 parser
        started = System.nanoTime();
        ImportReport x12Report = importFile(x12, "bench-import-x12-" + run, "x12-811-standard");
        double x12Seconds = seconds(started);
        out.printf("(c) X12 811 import of the same %,d lines (%,d MiB)  %,10.0f rows/s  %6.2f s; (c) / (b) = %.2f%n",
                x12Report.lines(), Files.size(x12) >> 20, x12Report.lines() / x12Seconds, x12Seconds, x12Report.lines() / x12Seconds / b);

        if (heapLines > lines) {
            Path big = bill(heapLines, out);
            System.gc();
            started = System.nanoTime();
            try (HeapSampler heap = new HeapSampler()) {
                ImportReport bigReport = importFile(big, "bench-import-big-" + run);
                heap.close();
                out.printf("heap during (c) at %,d lines: peak in use %,d MiB, peak live after GC %,d MiB (%,.0f rows/s, %,d lines)%n",
                        heapLines, heap.peakUsedMiB(), heap.peakLiveAfterGcMiB(), heapLines / seconds(started), bigReport.lines());
            }
        }
    }

    /**
     * The bench book's services against a table of their own, so the packages' benchmark matching has work to do.
     * The table serves every tenant while it is there: {@link #withdrawBenchTable} removes it when the bench ends.
     */
    private Path serveBenchTable(boolean manyFindings, PrintStream out) throws Exception {
        Path table = Files.createDirectories(home.resolve("benchmarks")).resolve("bench-illustrative.csv");
        Files.writeString(table, AuditBookGenerator.benchmarkTable(manyFindings));
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline && books.book(Tenants.DEFAULT, null).benchmarkCoverage().stream()
                .noneMatch(coverage -> coverage.source().contains(AuditBookGenerator.BENCHMARK_SOURCE))) {
            Thread.sleep(100);
        }
        out.println("benchmarks: " + table + " (illustrative, for the bench carriers; removed when the bench ends)");
        return table;
    }

    /** Removes the bench's table, and waits until no tenant's benchmarks come from it any more. */
    private void withdrawBenchTable(Path table) throws Exception {
        Files.deleteIfExists(table);
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline && books.book(Tenants.DEFAULT, null).benchmarkCoverage().stream()
                .anyMatch(coverage -> coverage.source().contains(AuditBookGenerator.BENCHMARK_SOURCE))) {
            Thread.sleep(100);
        }
    }

    private void auditBench(List<Long> sizes, boolean manyFindings, PrintStream out) throws Exception {
        String run = Long.toString(System.currentTimeMillis());
        Path table = serveBenchTable(manyFindings, out);
        try {
            auditBench(sizes, run, out);
        } finally {
            withdrawBenchTable(table);
        }
    }

    private void auditBench(List<Long> sizes, String run, PrintStream out) throws Exception {
        out.printf("warming up: a book of 100,000 lines, audited ...%n");
        String warmup = "bench-audit-warmup-" + run;
        AuditBookGenerator.write(store, inputs, warmup, 100_000);
        audits.audit(warmup, null, null, null);
        for (long size : sizes) {
            String tenant = "bench-audit-" + size + "-" + run;
            long started = System.nanoTime();
            long written = AuditBookGenerator.write(store, inputs, tenant, size);
            out.printf("%nbook of business: %,d lines written in %.1f s (%,.0f rows/s)%n", written, seconds(started),
                    written / seconds(started));
            System.gc();
            AuditService.AuditReport report;
            started = System.nanoTime();
            try (HeapSampler heap = new HeapSampler()) {
                report = audits.audit(tenant, null, null, (id, done, of, findings, millis) ->
                        out.printf("  %-24s %,8d ms  %,7d findings%n", id, millis, findings));
                heap.close();
                double elapsed = seconds(started);
                out.printf("Audit bench, %,d lines, %d detectors, %d cores, max heap %,d MiB%n", written, report.detectors().size(),
                        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
                out.printf("audit: %.2f s (%,.0f lines/s), %,d findings, %d detector failures%n", elapsed, written / elapsed,
                        report.findings(), report.failures().size());
                out.printf("heap during the audit: peak in use %,d MiB, peak live after GC %,d MiB%n", heap.peakUsedMiB(),
                        heap.peakLiveAfterGcMiB());
                report.failures().forEach(f -> out.printf("  failed: %s: %s%n", f.detectorId(), f.reason()));
            }
            started = System.nanoTime();
            List<PackageService.Written> written2 = packages.write(tenant, null, folder.resolve("packages-" + tenant));
            double packaging = seconds(started);
            out.printf("packages: %d carriers in %.2f s (%s)%n", written2.size(), packaging, written2.stream()
                    .map(w -> w.carrier() + " " + w.findings() + " findings").collect(java.util.stream.Collectors.joining(", ")));
        }
    }

    private Path bill(long lines, PrintStream out) throws java.io.IOException {
        Path file = folder.resolve("bench-" + lines + ".csv");
        if (!Files.exists(file)) {
            out.printf("generating %s ...%n", file.getFileName());
            BillGenerator.write(file, lines);
        }
        return file;
    }

    private long storeAppend(List<BareCsv.InvoiceInMemory> invoices, String tenant) throws Exception {
        long importId = store.beginImport(tenant, "in-memory", tenant, "bench");
        long count = 0;
        for (BareCsv.InvoiceInMemory invoice : invoices) {
            try (InvoiceWriter writer = store.writeInvoice(tenant, importId, invoice.header())) {
                for (ChargeLine line : invoice.lines()) {
                    writer.append(line);
                }
                count += writer.commit(null).lines();
            }
        }
        store.finishImport(tenant, importId);
        return count;
    }

    private ImportReport importFile(Path file, String tenant) {
        return importFile(file, tenant, "bench-circuits-csv");
    }

    private ImportReport importFile(Path file, String tenant, String parser) {
        ImportReport report = imports.importPath(file, new ImportOptions(tenant, parser, false, false), null);
        if (report.failedFiles() > 0) {
            throw new IllegalStateException("bench import failed: " + report.files().get(0).message());
        }
        return report;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
