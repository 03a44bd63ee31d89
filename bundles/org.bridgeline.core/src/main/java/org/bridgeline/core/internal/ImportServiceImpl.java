package org.bridgeline.core.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bridgeline.api.parser.BillingParser;
import org.bridgeline.api.parser.Confidence;
import org.bridgeline.api.parser.FileSample;
import org.bridgeline.core.FileOutcome;
import org.bridgeline.core.ImportIssue;
import org.bridgeline.core.ImportOptions;
import org.bridgeline.core.ImportListener;
import org.bridgeline.core.ImportReport;
import org.bridgeline.core.ImportService;
import org.bridgeline.core.InvoiceOutcome;
import org.bridgeline.core.PluginRegistry;
import org.bridgeline.store.ImportStore;
import org.bridgeline.store.ImportRecord;
import org.bridgeline.store.StoreException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The import pipeline: files → the most confident parser → streaming parse → validation →
 * one store transaction per invoice. A file is read twice from disk (hash, then parse) and
 * never held in memory.
 */
@Component(service = ImportService.class)
public final class ImportServiceImpl implements ImportService {

    private static final Logger LOG = Logger.getLogger("org.bridgeline.core.import");
    private static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;

    private final PluginRegistry registry;
    private final ImportStore store;

    private final List<ImportListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Activate
    public ImportServiceImpl(@Reference PluginRegistry registry, @Reference ImportStore store) {
        this.registry = registry;
        this.store = store;
    }

    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.MULTIPLE,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
    void addListener(ImportListener listener) {
        listeners.add(listener);
    }

    void removeListener(ImportListener listener) {
        listeners.remove(listener);
    }

    /** Tells every listener of an import that stored invoices; a failing listener is logged, and the import stands. */
    private void tell(String tenant, ImportReport report) {
        boolean stored = report.files().stream().flatMap(file -> file.invoices().stream())
                .anyMatch(invoice -> invoice.status() == InvoiceOutcome.Status.STORED);
        if (report.dryRun() || !stored) {
            return;
        }
        Listeners.tellEach(listeners, LOG, "after the import for " + tenant, listener -> listener.imported(tenant, report));
    }

    @Override
    public ImportReport importPath(Path path, ImportOptions options, Progress progress) {
        long started = System.currentTimeMillis();
        List<BillingParser> parsers = registry.parsers();
        if (parsers.isEmpty()) {
            throw new IllegalArgumentException("no parser is registered: install a parser feature or drop a parser into deploy/");
        }
        if (options.parserId() != null && registry.parser(options.parserId()).isEmpty()) {
            throw new IllegalArgumentException("no parser with id " + options.parserId() + "; registered: "
                    + String.join(", ", parsers.stream().map(p -> p.info().id()).toList()));
        }
        List<ImportSource> sources;
        try {
            sources = ImportSource.at(path);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + path + ": " + e.getMessage());
        }
        Counters counters = new Counters(progress);
        List<FileOutcome> files = new ArrayList<>();
        for (ImportSource source : sources) {
            files.add(importFile(source, options, parsers, counters));
        }
        files = notBills(files);
        ImportReport report = new ImportReport(files, options.dryRun(), System.currentTimeMillis() - started);
        LOG.info("import of " + path + ": " + files.size() + " files, " + report.lines() + " lines, " + report.failedFiles()
                + " not imported, " + report.millis() + " ms" + (options.dryRun() ? " (dry run)" : ""));
        tell(options.tenant(), report);
        return report;
    }

    private FileOutcome importFile(ImportSource source, ImportOptions options, List<BillingParser> parsers, Counters counters) {
        String name = source.name();
        FileSample sample;
        try {
            sample = sample(source);
        } catch (IOException e) {
            return failed(source, null, "cannot read the file: " + e.getMessage());
        }
        BillingParser parser;
        if (options.parserId() != null) {
            parser = registry.parser(options.parserId()).orElseThrow();
        } else {
            List<String> answers = new ArrayList<>();
            parser = choose(parsers, sample, answers);
            if (parser == null) {
                // each parser's answer on a line of its own, beneath the table
                List<ImportIssue> asked = answers.stream().map(answer -> new ImportIssue(true, name, 0, 0, null, "a parser that reads it",
                        null, name + ": asked " + answer)).toList();
                return new FileOutcome(name, null, FileOutcome.Status.NO_PARSER, "no parser can read it (" + answers.size()
                        + " asked, their answers below)", List.of(), asked, 0, source.size());
            }
        }
        String parserId = parser.info().id();
        // the content hash is computed beside the parse, and checked on the store thread before anything is stored
        CompletableFuture<String> hash = CompletableFuture.supplyAsync(() -> {
            try {
                return hash(source);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Gate gate = new Gate(options.tenant(), name, parserId, hash);
        if (options.dryRun()) {
            Optional<FileOutcome> earlier = gate.earlierImport(source);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        InvoiceSink sink = new InvoiceSink(store, options.tenant(), gate, options.dryRun(), options.keepGoodLines(), name,
                counters::line);
        String failure = null;
        try (InputStream in = counters.counting(source.open(), name)) {
            parser.parse(name, in, sink);
        } catch (IOException e) {
            failure = "cannot read " + name + ": " + e.getMessage();
        } catch (RuntimeException | LinkageError e) {
            failure = "parser " + parserId + " failed after " + sink.lastPosition() + ": " + e;
            LOG.log(Level.WARNING, failure, e);
        }
        try {
            sink.finish(failure);
        } catch (RuntimeException e) {
            return failed(source, parserId, "the store failed: " + e.getMessage());
        }
        if (gate.problem != null) {
            return failed(source, parserId, gate.problem);
        }
        if (gate.earlier != null) {
            return alreadyImported(source, parserId, gate.earlier);
        }
        if (!options.dryRun()) {
            try {
                store.finishImport(options.tenant(), gate.importId());
            } catch (StoreException e) {
                return failed(source, parserId, e.getMessage());
            }
        }
        return outcome(source, parserId, sink, failure, options.dryRun());
    }

    /** Opens the import on the store thread once the content hash is known, unless the content was imported before. */
    private final class Gate implements InvoiceSink.ImportGate {
        private final String tenant;
        private final String fileName;
        private final String parserId;
        private final CompletableFuture<String> hash;
        private volatile long importId;
        private volatile ImportRecord earlier;
        private volatile String problem;

        Gate(String tenant, String fileName, String parserId, CompletableFuture<String> hash) {
            this.tenant = tenant;
            this.fileName = fileName;
            this.parserId = parserId;
            this.hash = hash;
        }

        @Override
        public boolean open() {
            try {
                String contentHash = hash.join();
                Optional<ImportRecord> found = store.findImport(tenant, contentHash);
                if (found.isPresent()) {
                    earlier = found.get();
                    return false;
                }
                importId = store.beginImport(tenant, fileName, contentHash, parserId);
                return true;
            } catch (StoreException | RuntimeException e) {
                problem = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                        ? "cannot read the file: " + e.getCause().getMessage() : e.getMessage();
                return false;
            }
        }

        @Override
        public long importId() {
            return importId;
        }

        /** For a dry run, which stores nothing: the earlier import of the same content, checked up front. */
        Optional<FileOutcome> earlierImport(ImportSource source) {
            try {
                return store.findImport(tenant, hash.join()).map(record -> alreadyImported(source, parserId, record));
            } catch (StoreException | RuntimeException e) {
                return Optional.of(failed(source, parserId, e.getMessage()));
            }
        }
    }

    private static FileOutcome alreadyImported(ImportSource source, String parserId, ImportRecord earlier) {
        return new FileOutcome(source.name(), parserId, FileOutcome.Status.ALREADY_IMPORTED, "the same content was imported on "
                + earlier.importedAt() + " as " + earlier.fileName() + " (" + earlier.invoices() + " invoices, "
                + earlier.lines() + " lines); nothing added", List.of(), List.of(), 0, source.size());
    }

    private static FileOutcome outcome(ImportSource source, String parserId, InvoiceSink sink, String failure, boolean dryRun) {
        List<InvoiceOutcome> invoices = sink.outcomes();
        long rejected = invoices.stream().filter(i -> i.status() == InvoiceOutcome.Status.REJECTED).count();
        boolean problems = !sink.issues().isEmpty() || sink.errorsOutsideInvoices() > 0;
        FileOutcome.Status status;
        String message;
        if (failure != null) {
            status = FileOutcome.Status.FAILED;
            message = failure;
        } else if (invoices.isEmpty()) {
            status = FileOutcome.Status.REJECTED;
            message = problems ? "no invoice could be read" : "the file holds no invoice";
        } else if (rejected == invoices.size()) {
            status = FileOutcome.Status.REJECTED;
            message = "every invoice has bad records; nothing stored (--keep-good imports the good lines)";
        } else if (rejected > 0 || sink.errorsOutsideInvoices() > 0) {
            status = FileOutcome.Status.PARTIAL;
            message = rejected + " of " + invoices.size() + " invoices rejected" + (sink.errorsOutsideInvoices() > 0
                    ? ", " + sink.errorsOutsideInvoices() + " records outside any invoice" : "");
        } else {
            status = dryRun ? FileOutcome.Status.CHECKED : FileOutcome.Status.IMPORTED;
            long leftOut = invoices.stream().mapToLong(InvoiceOutcome::linesLeftOut).sum();
            message = leftOut > 0 ? leftOut + " bad records left out" : null;
        }
        return new FileOutcome(source.name(), parserId, status, message, invoices, List.copyOf(sink.issues()), sink.moreIssues(),
                source.size());
    }

    /**
     * Beside bills that a parser read, a file of a folder or archive that no parser recognises (a readme, a column
     * header file) is reported as not a bill and fails nothing. Alone, or among files no parser reads, it is NO_PARSER.
     */
    private static List<FileOutcome> notBills(List<FileOutcome> files) {
        if (files.size() < 2 || files.stream().allMatch(file -> file.parserId() == null)) {
            return files;
        }
        return files.stream().map(file -> file.status() != FileOutcome.Status.NO_PARSER ? file
                : new FileOutcome(file.file(), null, FileOutcome.Status.NOT_A_BILL, "not a bill: no parser recognises it (beside bills that"
                        + " were read); its answers below", file.invoices(), file.issues().stream().map(issue -> new ImportIssue(false,
                                issue.file(), issue.record(), issue.line(), issue.field(), issue.expected(), issue.found(), issue.message()))
                        .toList(), file.moreIssues(), file.bytes())).toList();
    }

    private static FileOutcome failed(ImportSource source, String parserId, String message) {
        return new FileOutcome(source.name(), parserId, FileOutcome.Status.FAILED, message, List.of(),
                List.of(new ImportIssue(true, source.name(), 0, 0, null, null, null, message)), 0, source.size());
    }

    /** The most confident parser at or above the threshold (ties: by id), or {@code null}; every answer is noted. */
    private static BillingParser choose(List<BillingParser> parsers, FileSample sample, List<String> answers) {
        BillingParser best = null;
        int bestScore = -1;
        for (BillingParser parser : parsers.stream().sorted(Comparator.comparing(p -> p.info().id())).toList()) {
            Confidence confidence;
            try {
                confidence = parser.probe(sample);
            } catch (RuntimeException e) {
                confidence = Confidence.none("failed to probe: " + e);
            }
            answers.add(parser.info().id() + " " + confidence.score() + " (" + confidence.reason() + ")");
            if (confidence.isConfident() && confidence.score() > bestScore) {
                best = parser;
                bestScore = confidence.score();
            }
        }
        return best;
    }

    private static FileSample sample(ImportSource source) throws IOException {
        try (InputStream in = source.open()) {
            String name = source.name();
            return new FileSample(name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('!')) + 1),
                    in.readNBytes(FileSample.MAX_HEAD_BYTES));
        }
    }

    private static String hash(ImportSource source) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(source.open(), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Lines and bytes across the whole import, reported every couple of seconds. */
    private static final class Counters {
        private final Progress progress;
        private final AtomicLong lines = new AtomicLong();
        private final AtomicLong bytes = new AtomicLong();
        private long lastReport = System.nanoTime();
        private String file = "";

        Counters(Progress progress) {
            this.progress = progress;
        }

        void line(long count) {
            lines.addAndGet(count);
            maybeReport();
        }

        private void maybeReport() {
            long now = System.nanoTime();
            if (progress != null && now - lastReport >= PROGRESS_EVERY_NANOS) {
                lastReport = now;
                progress.update(file, lines.get(), bytes.get());
            }
        }

        InputStream counting(InputStream in, String name) {
            file = name;
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        bytes.incrementAndGet();
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    if (n > 0) {
                        bytes.addAndGet(n);
                    }
                    return n;
                }
            };
        }
    }
}
