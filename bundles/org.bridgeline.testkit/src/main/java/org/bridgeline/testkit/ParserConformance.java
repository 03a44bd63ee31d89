package org.bridgeline.testkit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.InvoiceHeader;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.parser.BillingParser;
import org.bridgeline.api.parser.Confidence;
import org.bridgeline.api.parser.FileSample;
import org.bridgeline.api.parser.ParseProblem;
import org.bridgeline.api.parser.ParseSink;

/**
 * The conformance kit for a billing parser: a partner points it at the parser and at sample
 * files with the figures they expect, and {@link #check()} runs every check and fails with one
 * message per thing to fix.
 *
 * <ul>
 * <li>detection: confident on every sample, not confident on the kit's foreign samples, and a
 * probe never throws;</li>
 * <li>parsing: the expected invoices, lines and totals by category; every line in the invoice's
 * currency with a source position in the file; lines that add up to a stated total;</li>
 * <li>streaming: the heap a parse keeps stays flat when a sample is expanded many times;</li>
 * <li>bad input: truncated, corrupted and reordered variants end in problems with a position,
 * never an unchecked exception, a hang or a silently different result;</li>
 * <li>fuzzing: seeded mutants of each sample (flipped bits, cuts, spans doubled or lost, NUL bytes, huge lines,
 * byte-order marks) never throw, never hang, and every problem says where;</li>
 * <li>determinism, and two files parsed at once by one parser instance.</li>
 * </ul>
 *
 * <pre>
 * ParserConformance.of(new AcmeParser())
 *         .sample(Path.of("src/test/resources/acme-2026-01.csv"),
 *                 ParserConformance.expect(1, 42).total(ChargeCategory.RECURRING, "1250.00"))
 *         .expandable(1)      // the header is the first line: the rest can be repeated
 *         .check();
 * </pre>
 */
public final class ParserConformance {

    /** What a sample must parse into. */
    public static final class Expected {
        private final int invoices;
        private final int lines;
        private final Map<ChargeCategory, BigDecimal> totals = new EnumMap<>(ChargeCategory.class);
        private boolean extract;

        private Expected(int invoices, int lines) {
            this.invoices = invoices;
            this.lines = lines;
        }

        /** The sample is an extract of a bill: the totals it states are not the sum of its lines, and are not checked. */
        public Expected extract() {
            extract = true;
            return this;
        }

        /** The sum of the sample's lines of a category. */
        public Expected total(ChargeCategory category, String amount) {
            totals.put(category, new BigDecimal(amount));
            return this;
        }
    }

    private static final List<String> FOREIGN = List.of("x12-811.edi", "telstra-olb.csv", "generic-usage.csv", "account-summary.txt");

    /** How a hang is reported; one hang ends the fuzzing of a sample, since the hung thread keeps a core busy. */
    private static final String HANG = "did not finish within";

    private final BillingParser parser;
    private final Map<Path, Expected> samples = new LinkedHashMap<>();
    private final List<String> skipForeign = new ArrayList<>();
    private Duration timeLimit = Duration.ofSeconds(20);
    private int headerLines = -1;
    private int footerLines;
    private int expandTimes = 2_000;
    private long flatHeapBytes = 48L << 20;
    private int mutants = 180;
    private long fuzzSeed = 1;

    private ParserConformance(BillingParser parser) {
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    public static ParserConformance of(BillingParser parser) {
        return new ParserConformance(parser);
    }

    /** A sample must parse into this many invoices and lines. */
    public static Expected expect(int invoices, int lines) {
        return new Expected(invoices, lines);
    }

    public ParserConformance sample(Path file, Expected expected) {
        samples.put(file, expected);
        return this;
    }

    /**
     * The samples are text whose first {@code headerLines} lines are a header and whose other
     * lines can be repeated to make a larger file of the same format: the streaming check uses it.
     */
    public ParserConformance expandable(int headerLines) {
        return expandable(headerLines, 0);
    }

    /**
     * The samples are reports: {@code headerLines} lines of preamble and header, a body that can be repeated, and
     * {@code footerLines} lines of totals at the end, which stay once at the end of the larger file. The streaming check
     * does not reconcile the larger file, so its footer totals need not match.
     */
    public ParserConformance expandable(int headerLines, int footerLines) {
        this.headerLines = headerLines;
        this.footerLines = footerLines;
        return this;
    }

    /** How many times the streaming check repeats a sample's body (default 2,000). */
    public ParserConformance expandTimes(int times) {
        this.expandTimes = times;
        return this;
    }

    /**
     * How many damaged copies of each sample the fuzzing check parses (default 180), and the seed that makes them: a failure
     * names the mutant and its damage, and the same seed gives the same bytes again.
     */
    public ParserConformance fuzz(int mutants, long seed) {
        this.mutants = mutants;
        this.fuzzSeed = seed;
        return this;
    }

    /** How long one parse may take before it counts as a hang (default 20 s). */
    public ParserConformance timeLimit(Duration limit) {
        this.timeLimit = limit;
        return this;
    }

    /** A foreign sample this parser may be confident on (one of its own formats). */
    public ParserConformance notForeign(String foreignSample) {
        skipForeign.add(foreignSample);
        return this;
    }

    /** Runs every check; fails with every problem found, each saying what to fix. */
    public void check() {
        List<String> failures = failures();
        if (!failures.isEmpty()) {
            throw new AssertionError(parser.info().id() + " does not conform:\n  - " + String.join("\n  - ", failures));
        }
    }

    /** Runs every check and returns what fails, one message each; empty when the parser conforms. */
    public List<String> failures() {
        if (samples.isEmpty()) {
            return List.of("no samples: give at least one sample file with the figures it must parse into");
        }
        List<String> failures = new ArrayList<>();
        ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "parser-conformance");
            thread.setDaemon(true);
            return thread;
        });
        try {
            detection(failures);
            for (Map.Entry<Path, Expected> sample : samples.entrySet()) {
                byte[] bytes = Files.readAllBytes(sample.getKey());
                String name = sample.getKey().getFileName().toString();
                Parsed parsed = parse(threads, name, bytes, failures, "parsing " + name);
                if (parsed == null) {
                    continue;
                }
                figures(name, parsed, sample.getValue(), failures);
                lines(name, parsed, sample.getValue().extract, failures);
                determinism(threads, name, bytes, parsed, failures);
                badInput(threads, name, bytes, parsed, failures);
                fuzzing(threads, name, bytes, failures);
                if (headerLines >= 0) {
                    streaming(threads, name, bytes, failures);
                }
            }
        } catch (IOException e) {
            failures.add("a sample could not be read: " + e.getMessage());
        } finally {
            threads.shutdownNow();
        }
        return failures;
    }

    // ---- detection -----------------------------------------------------------------------------

    private void detection(List<String> failures) throws IOException {
        for (Path file : samples.keySet()) {
            byte[] bytes = Files.readAllBytes(file);
            Confidence confidence = probe(file.getFileName().toString(), bytes, failures);
            if (confidence != null && confidence.score() < Confidence.THRESHOLD) {
                failures.add("detection: " + file.getFileName() + " scores " + confidence.score() + " (\"" + confidence.reason()
                        + "\"), below " + Confidence.THRESHOLD + ": core would not choose this parser for its own sample; make probe() "
                        + "recognise the format from the first " + FileSample.MAX_HEAD_BYTES + " bytes and the file name");
            }
        }
        for (String foreign : FOREIGN) {
            if (skipForeign.contains(foreign)) {
                continue;
            }
            byte[] bytes;
            try (InputStream in = ParserConformance.class.getResourceAsStream("foreign/" + foreign)) {
                bytes = in.readAllBytes();
            }
            Confidence confidence = probe(foreign, bytes, failures);
            if (confidence != null && confidence.score() >= Confidence.THRESHOLD) {
                failures.add("detection: the foreign sample " + foreign + " scores " + confidence.score() + " (\"" + confidence.reason()
                        + "\"): another format must score below " + Confidence.THRESHOLD + ", or core picks this parser for bills it "
                        + "cannot read; look for what is particular to your format (a header, a record type, a sender id)");
            }
        }
    }

    private Confidence probe(String name, byte[] bytes, List<String> failures) {
        try {
            Confidence confidence = parser.probe(new FileSample(name, Arrays.copyOf(bytes, Math.min(bytes.length, FileSample.MAX_HEAD_BYTES))));
            if (confidence == null) {
                failures.add("detection: probe() returned null for " + name + ": return Confidence.none(\"why\") instead");
            }
            return confidence;
        } catch (RuntimeException e) {
            failures.add("detection: probe() threw " + e + " for " + name + ": a probe must never throw; return Confidence.none(\"why\")");
            return null;
        }
    }

    // ---- parsing -------------------------------------------------------------------------------

    /** What one parse produced, checked for its sequence of calls as it went. */
    private static final class Parsed implements ParseSink {
        final List<InvoiceHeader> invoices = new ArrayList<>();
        final List<Money> statedTotals = new ArrayList<>();
        final List<ChargeLine> lines = new ArrayList<>();
        final List<ParseProblem> problems = new ArrayList<>();
        final List<String> misuse = new ArrayList<>();
        final Map<Integer, List<ChargeLine>> linesOfInvoice = new LinkedHashMap<>();
        boolean open;

        @Override
        public void startInvoice(InvoiceHeader header) {
            if (open) {
                misuse.add("startInvoice(" + header.number() + ") while invoice " + invoices.get(invoices.size() - 1).number()
                        + " is open: call endInvoice first");
            }
            invoices.add(header);
            open = true;
        }

        @Override
        public void line(ChargeLine line) {
            if (!open) {
                misuse.add("line at " + line.source() + " outside an invoice: call startInvoice first");
            }
            lines.add(line);
            linesOfInvoice.computeIfAbsent(invoices.size() - 1, k -> new ArrayList<>()).add(line);
        }

        @Override
        public void endInvoice(Money statedTotal) {
            if (!open) {
                misuse.add("endInvoice without an open invoice");
            }
            statedTotals.add(statedTotal);
            open = false;
        }

        @Override
        public void problem(ParseProblem problem) {
            problems.add(problem);
        }
    }

    /** Parses in a thread of its own with the time limit; records an unchecked exception or a hang as a failure. */
    private Parsed parse(ExecutorService threads, String name, byte[] bytes, List<String> failures, String what) {
        Future<Parsed> parse = threads.submit(() -> {
            Parsed parsed = new Parsed();
            parser.parse(name, new ByteArrayInputStream(bytes), parsed);
            return parsed;
        });
        try {
            Parsed parsed = parse.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
            if (parsed.open) {
                parsed.misuse.add("the last invoice was never ended: call endInvoice at the end of every invoice");
            }
            parsed.misuse.forEach(misuse -> failures.add(what + ": " + misuse));
            return parsed;
        } catch (TimeoutException e) {
            parse.cancel(true);
            failures.add(what + ": " + HANG + " " + timeLimit.toSeconds() + " s: a parser must end on any input (look for a loop "
                    + "that does not advance on a bad record)");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            failures.add(what + ": threw " + cause + (cause instanceof IOException ? "" : ": a bad record goes to sink.problem(...) with "
                    + "its position; parse() may throw only an IOException from reading the stream"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add(what + ": interrupted");
        }
        return null;
    }

    private static void figures(String name, Parsed parsed, Expected expected, List<String> failures) {
        if (!parsed.problems.isEmpty()) {
            failures.add("parsing " + name + ": reported " + parsed.problems.size() + " problems on a good sample, the first: "
                    + parsed.problems.get(0).message());
        }
        if (parsed.invoices.size() != expected.invoices) {
            failures.add("parsing " + name + ": expected " + expected.invoices + " invoices, found " + parsed.invoices.size());
        }
        if (parsed.lines.size() != expected.lines) {
            failures.add("parsing " + name + ": expected " + expected.lines + " lines, found " + parsed.lines.size());
        }
        expected.totals.forEach((category, amount) -> {
            BigDecimal found = parsed.lines.stream().filter(line -> line.category() == category).map(line -> line.amount().amount())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (found.compareTo(amount) != 0) {
                failures.add("parsing " + name + ": expected " + category + " lines to total " + amount.toPlainString() + ", found "
                        + found.toPlainString());
            }
        });
    }

    private static void lines(String name, Parsed parsed, boolean extract, List<String> failures) {
        parsed.linesOfInvoice.forEach((index, lines) -> {
            InvoiceHeader header = index < 0 ? null : parsed.invoices.get(index);
            BigDecimal sum = BigDecimal.ZERO;
            for (ChargeLine line : lines) {
                if (!line.source().file().equals(name) || line.source().record() <= 0) {
                    failures.add("parsing " + name + ": a line's source is \"" + line.source() + "\": name the file as given to parse() "
                            + "and the record (from 1) it was read from, so every figure traces back");
                    return;
                }
                if (header != null && !line.amount().currency().equals(header.currency())) {
                    failures.add("parsing " + name + ": the line at " + line.source() + " is in " + line.amount().currency()
                            + ", its invoice in " + header.currency() + ": a line is in its invoice's currency");
                    return;
                }
                sum = sum.add(line.amount().amount());
            }
            Money stated = index < parsed.statedTotals.size() ? parsed.statedTotals.get(index) : null;
            if (!extract && stated != null && stated.amount().compareTo(sum) != 0) {
                failures.add("parsing " + name + ": invoice " + header.number() + " states a total of " + stated.amount().toPlainString()
                        + ", its lines add up to " + sum.toPlainString() + ": every charge of the invoice must be a line (or report the "
                        + "records it could not read as problems)");
            }
        });
    }

    // ---- determinism and concurrency -----------------------------------------------------------

    private void determinism(ExecutorService threads, String name, byte[] bytes, Parsed first, List<String> failures) {
        Parsed again = parse(threads, name, bytes, new ArrayList<>(), "parsing " + name + " again");
        if (again != null && !again.lines.equals(first.lines)) {
            failures.add("determinism: parsing " + name + " twice gave different lines: a parser must give the same lines for the same bytes");
        }
        // a larger file, where the sample can be expanded, so that the two parses overlap
        byte[] larger = headerLines >= 0 ? expand(bytes, headerLines, footerLines, 200) : bytes;
        Parsed alone = larger == bytes ? first : parse(threads, name, larger, new ArrayList<>(), "parsing " + name + " expanded");
        if (alone == null) {
            return;
        }
        List<Future<Parsed>> together = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            together.add(threads.submit(() -> {
                Parsed parsed = new Parsed();
                parser.parse(name, new ByteArrayInputStream(larger), parsed);
                return parsed;
            }));
        }
        try {
            boolean same = true;
            for (Future<Parsed> parse : together) {
                same &= parse.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS).lines.equals(alone.lines);
            }
            if (!same) {
                failures.add("concurrency: two parses of " + name + " at once by one parser instance gave different lines than one alone: "
                        + "keep the state of a parse in the parse, not in the parser's fields (core parses files side by side)");
            }
        } catch (Exception e) {
            failures.add("concurrency: two parses of " + name + " at once failed: " + (e.getCause() == null ? e : e.getCause())
                    + ": keep the state of a parse in the parse, not in the parser's fields");
        }
    }

    // ---- bad input -----------------------------------------------------------------------------

    private void badInput(ExecutorService threads, String name, byte[] bytes, Parsed good, List<String> failures) {
        Map<String, byte[]> variants = new LinkedHashMap<>();
        variants.put("cut off in a record near its middle", truncate(bytes, bytes.length / 2));
        variants.put("cut off in a record near its end", truncate(bytes, bytes.length * 9 / 10));
        variants.put("with digits corrupted", corrupt(bytes));
        variants.put("with its lines reordered", reorder(bytes));
        variants.put("empty", new byte[0]);
        for (Map.Entry<String, byte[]> variant : variants.entrySet()) {
            String what = "bad input: " + name + " " + variant.getKey();
            Parsed parsed = parse(threads, name, variant.getValue(), failures, what);
            if (parsed == null) {
                continue;
            }
            for (ParseProblem problem : parsed.problems) {
                if (!problem.position().file().equals(name)) {
                    failures.add(what + ": a problem's position names \"" + problem.position().file() + "\": name the file as given to parse()");
                    break;
                }
            }
            if (parsed.problems.isEmpty() && !sameLines(parsed.lines, good.lines) && !variant.getKey().equals("empty")) {
                failures.add(what + ": gave " + parsed.lines.size() + " lines (the good file " + good.lines.size() + ") and reported no "
                        + "problem: a damaged file must not read as a smaller or different bill without saying where it went wrong");
            }
        }
    }

    /**
     * Seeded mutants of the sample: no probe or parse may throw an unchecked exception or hang, and every problem names the
     * file and, unless it rejects the whole file, the record or line. Fuzzing a sample stops at five failures or one hang.
     */
    private void fuzzing(ExecutorService threads, String name, byte[] bytes, List<String> failures) {
        Mutants damage = new Mutants(bytes, fuzzSeed);
        List<String> found = new ArrayList<>();
        for (int n = 0; n < mutants && found.size() < 5 && found.stream().noneMatch(f -> f.contains(HANG)); n++) {
            Mutants.Mutant mutant = damage.mutant(n);
            String what = "fuzzing: " + name + " mutant " + n + " of seed " + fuzzSeed + " (" + mutant.damage() + ")";
            probe(name, mutant.bytes(), found);
            Parsed parsed = parse(threads, name, mutant.bytes(), found, what);
            if (parsed != null) {
                for (ParseProblem problem : parsed.problems) {
                    boolean namesRecord = problem.position().record() > 0 || problem.position().line() > 0;
                    if (!problem.position().file().equals(name) || !namesRecord && !problem.fatal()) {
                        found.add(what + ": the problem \"" + problem.message() + "\" does not say where: name the file as given to "
                                + "parse() and the record or line (only a problem that rejects the whole file may name the file alone)");
                        break;
                    }
                }
            }
        }
        failures.addAll(found);
    }

    /** Same lines as a multiset of amounts, categories and services: a reordered file may list them in another order. */
    private static boolean sameLines(List<ChargeLine> a, List<ChargeLine> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        a.forEach(line -> counts.merge(key(line), 1, Integer::sum));
        b.forEach(line -> counts.merge(key(line), -1, Integer::sum));
        return counts.values().stream().allMatch(count -> count == 0);
    }

    private static String key(ChargeLine line) {
        return line.category() + "|" + line.serviceId() + "|" + line.chargeCode() + "|" + line.amount().amount().stripTrailingZeros();
    }

    /**
     * The file cut off in the middle of the line holding {@code near}: what a transfer that broke
     * off leaves. (A file cut exactly between two records of a format with no count or total is the
     * same as a shorter bill: no parser can tell, so the kit does not ask.)
     */
    private static byte[] truncate(byte[] bytes, int near) {
        int start = near;
        while (start > 0 && bytes[start - 1] != '\n') {
            start--;
        }
        int end = near;
        while (end < bytes.length && bytes[end] != '\n') {
            end++;
        }
        int cut = end - start < 2 ? near : start + (end - start) / 2;
        return Arrays.copyOf(bytes, Math.max(1, cut));
    }

    /** Amount-like numbers (digits, a point or comma, two digits). */
    private static final java.util.regex.Pattern AMOUNT = java.util.regex.Pattern.compile("\\d*[.,]\\d\\d(?!\\d)");

    /**
     * A digit of up to three amounts in the middle of the file replaced by a letter: a number that no longer reads. Amounts,
     * not any digits: a changed digit in an identifier or a note is still a valid bill, and no parser could tell.
     */
    private static byte[] corrupt(byte[] bytes) {
        byte[] copy = bytes.clone();
        java.util.regex.Matcher amounts = AMOUNT.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
        int changed = 0;
        int from = copy.length / 4;
        while (changed < 3 && from < copy.length * 3 / 4 && amounts.find(from)) {
            copy[amounts.end() - 1] = 'x';
            changed++;
            from = amounts.end();
        }
        Random random = new Random(bytes.length);
        for (int attempt = 0; attempt < copy.length * 4 && changed < 3; attempt++) {
            int at = copy.length / 4 + random.nextInt(Math.max(1, copy.length / 2));
            if (at < copy.length && copy[at] >= '0' && copy[at] <= '9') {
                copy[at] = 'x';
                changed++;
            }
        }
        return copy;
    }

    /** The lines after the first in reverse order: records out of their sequence. */
    private static byte[] reorder(byte[] bytes) {
        List<String> lines = new ArrayList<>(List.of(new String(bytes, StandardCharsets.ISO_8859_1).split("\n", -1)));
        if (lines.size() > 2) {
            List<String> body = new ArrayList<>(lines.subList(1, lines.size()));
            java.util.Collections.reverse(body);
            lines = new ArrayList<>(List.of(lines.get(0)));
            lines.addAll(body);
        }
        return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
    }

    // ---- streaming -----------------------------------------------------------------------------

    /**
     * A sink that keeps nothing and samples the live heap while lines arrive: after a garbage collection, whenever
     * {@link #SAMPLE_EVERY} has passed or the heap in use grew by more than {@code growth} since the last sample, and at
     * the first line of each invoice (where a parser that collects an invoice first holds all of it). Not every so many
     * lines: a small sample may never reach the count.
     */
    private static final class HeapWatch implements ParseSink {
        private static final long SAMPLE_EVERY = 50_000_000L; // ns
        private final java.lang.management.MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final long growth;
        private long lastSample = System.nanoTime();
        private long lastUsed;
        private boolean firstOfInvoice = true;
        long lines;
        long peakLive;

        HeapWatch(long growth) {
            this.growth = growth;
            this.lastUsed = memory.getHeapMemoryUsage().getUsed();
        }

        @Override
        public void startInvoice(InvoiceHeader header) {
            firstOfInvoice = true;
        }

        @Override
        public void line(ChargeLine line) {
            lines++;
            long sinceSample = System.nanoTime() - lastSample;
            if (firstOfInvoice && sinceSample >= SAMPLE_EVERY / 5 || (lines & 63) == 0 && (sinceSample >= SAMPLE_EVERY
                    || memory.getHeapMemoryUsage().getUsed() - lastUsed > growth)) {
                firstOfInvoice = false;
                sample();
            }
        }

        void sample() {
            System.gc();
            lastUsed = memory.getHeapMemoryUsage().getUsed();
            lastSample = System.nanoTime();
            peakLive = Math.max(peakLive, lastUsed);
        }

        @Override
        public void endInvoice(Money statedTotal) {
            if (System.nanoTime() - lastSample >= SAMPLE_EVERY) {
                sample();
            }
        }

        @Override
        public void problem(ParseProblem problem) {
        }
    }

    private void streaming(ExecutorService threads, String name, byte[] bytes, List<String> failures) {
        IntFunction<byte[]> expanded = times -> expand(bytes, headerLines, footerLines, times);
        long small = heapOf(threads, name, expanded.apply(Math.max(1, expandTimes / 20)), failures);
        long large = heapOf(threads, name, expanded.apply(expandTimes), failures);
        if (small >= 0 && large >= 0 && large - small > flatHeapBytes) {
            failures.add("streaming: parsing " + name + " expanded " + expandTimes + " times kept " + ((large - small) >> 20)
                    + " MiB more heap than expanded " + Math.max(1, expandTimes / 20) + " times: hand each line to the sink as it is read "
                    + "instead of collecting the file (or an invoice) first");
        }
    }

    private long heapOf(ExecutorService threads, String name, byte[] bytes, List<String> failures) {
        Future<HeapWatch> parse = threads.submit(() -> {
            HeapWatch watch = new HeapWatch(flatHeapBytes / 2);
            System.gc();
            parser.parse(name, new ByteArrayInputStream(bytes), watch);
            return watch;
        });
        try {
            return parse.get(timeLimit.toMillis() * 10, TimeUnit.MILLISECONDS).peakLive;
        } catch (Exception e) {
            parse.cancel(true);
            failures.add("streaming: parsing " + name + " expanded failed: " + (e.getCause() == null ? e : e.getCause()));
            return -1;
        }
    }

    /** The header lines once, the body lines {@code times} times, then the footer lines once. */
    static byte[] expand(byte[] bytes, int headerLines, int footerLines, int times) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>(List.of(text.split("(?<=\n)")));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1); // trailing empty lines belong to no part
        }
        int header = Math.min(headerLines, lines.size());
        int footer = Math.min(footerLines, lines.size() - header);
        StringBuilder out = new StringBuilder(text.length() * Math.max(1, times));
        lines.subList(0, header).forEach(out::append);
        String body = String.join("", lines.subList(header, lines.size() - footer));
        if (!body.isEmpty() && !body.endsWith("\n")) {
            body = body + "\n";
        }
        for (int i = 0; i < times; i++) {
            out.append(body);
        }
        lines.subList(lines.size() - footer, lines.size()).forEach(out::append);
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
