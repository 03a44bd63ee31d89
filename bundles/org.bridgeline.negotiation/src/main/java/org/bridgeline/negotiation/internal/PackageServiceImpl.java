package org.bridgeline.negotiation.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.ProcurementPolicy;
import org.bridgeline.core.BookService;
import org.bridgeline.negotiation.PackageService;
import org.bridgeline.negotiation.internal.NegotiationPackage.Terms;
import org.bridgeline.store.AuditRunRecord;
import org.bridgeline.store.AuditStore;
import org.bridgeline.store.BookStore;
import org.bridgeline.store.DisputeStore;
import org.bridgeline.store.StoreException;
import org.bridgeline.store.StoredFinding;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Builds each carrier's package and writes its JSON, CSV and HTML files. */
@Component(configurationPid = "org.bridgeline.negotiation")
public final class PackageServiceImpl implements PackageService {

    /** Configuration {@code org.bridgeline.negotiation}; the terms asked for are the book's procurement policy. */
    public @interface Config {
        /** The benchmark percentile whose price is the target: 25 (leading edge), 50 or 75. */
        int targetPercentile() default 25;
    }

    private final BookService books;
    private final AuditStore store;
    private final BookStore ledgers;
    private final DisputeStore disputes;
    private final Config config;

    private final Path tenants;

    @Activate
    public PackageServiceImpl(@Reference BookService books, @Reference AuditStore store, @Reference BookStore ledgers,
            @Reference DisputeStore disputes, Config config, BundleContext context) {
        this.books = books;
        this.store = store;
        this.ledgers = ledgers;
        this.disputes = disputes;
        this.config = config;
        this.tenants = Path.of(Optional.ofNullable(context.getProperty("bridgeline.data")).orElse("data"), "tenants");
    }

    private Path keptFolder(String tenant, String... below) {
        return Path.of(tenants.resolve(tenant).resolve("packages").toString(), below);
    }

    @Override
    public List<Written> writeKept(String tenant, String carrier) throws PackageException {
        return write(tenant, carrier, keptFolder(tenant));
    }

    @Override
    public List<Kept> kept(String tenant) throws IOException {
        Path root = keptFolder(tenant);
        List<Kept> found = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        try (Stream<Path> carriers = Files.list(root)) {
            for (Path folder : carriers.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(folder)) {
                    found.add(new Kept(folder.getFileName().toString(),
                            files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()).sorted().toList()));
                }
            }
        }
        return found;
    }

    @Override
    public Optional<Path> keptFile(String tenant, String carrier, String file) throws IOException {
        // only a name the listing gives: nothing the caller writes can lead out of the tenant's folder
        boolean listed = kept(tenant).stream().anyMatch(each -> each.carrier().equals(carrier) && each.files().contains(file));
        return listed ? Optional.of(keptFolder(tenant, carrier, file)) : Optional.empty();
    }

    @Override
    public List<Written> write(String tenant, String carrier, Path out) throws PackageException {
        try {
            Optional<AuditRunRecord> run = store.latestAuditRun(tenant);
            if (run.isEmpty()) {
                throw new PackageException("no audit run yet: run bl:audit, then bl:package");
            }
            List<StoredFinding> findings = store.findings(tenant, run.get().runId());
            BookOfBusiness book = books.book(tenant, null);
            List<String> known = book.carriers();
            if (carrier != null && !known.contains(carrier)) {
                throw new PackageException("no bills of carrier \"" + carrier + "\" in the book of business; carriers: "
                        + String.join(", ", known));
            }
            List<String> carriers = carrier == null ? known : List.of(carrier);
            List<PackageBuilder.Present> present = PackageBuilder.present(book);
            List<org.bridgeline.store.DisputeRecord> withCarriers = disputes.disputes(tenant);
            AuditRunRecord latest = run.get();
            List<Written> written = eachCarrier(carriers, name -> {
                NegotiationPackage built;
                try {
                    BookOfBusiness carrierBook = books.book(tenant, name);
                    built = PackageBuilder.build(carrierBook, name, latest.runId(), latest.finished(), findings,
                            config.targetPercentile(), terms(book, name), present, unreconciled(tenant, carrierBook.latestMonths(name, 12)))
                            .withDisputes(withCarriers, java.time.LocalDate.now(java.time.ZoneOffset.UTC));
                } catch (PackageBuilder.CannotBuild e) {
                    throw new PackageException(e.getMessage());
                }
                Path folder = Files.createDirectories(out.resolve(slug(name)));
                try (java.io.Writer json = Files.newBufferedWriter(folder.resolve("package.json"), StandardCharsets.UTF_8)) {
                    PackageJson.write(built, json);
                }
                PackageCsv.write(built, folder);
                Files.writeString(folder.resolve("package.html"), PackageHtml.write(built), StandardCharsets.UTF_8);
                return new Written(name, folder, built.totals().billedSpend(), built.totals().monthsBilled(),
                        built.totals().currentAnnualSpend(), built.totals().recoverableCredits(), built.totals().expectedAnnualSavings(),
                        built.credits().size() + built.disconnects().size() + built.corrections().size() + built.renegotiations().size(),
                        built.unreconciled().size());
            });
            return written;
        } catch (StoreException | IllegalStateException e) {
            throw new PackageException("cannot read the book of business: " + e.getMessage());
        } catch (IOException e) {
            throw new PackageException("cannot write the package under " + out + ": " + e.getMessage());
        }
    }

    /** One carrier's package, built and written. */
    @FunctionalInterface
    private interface CarrierPackage {
        Written write(String carrier) throws PackageException, StoreException, IOException;
    }

    /**
     * Each carrier's package, in the carriers' order, several built at once: a package is mostly the store's queries,
     * and the store runs each on one worker thread, so one carrier at a time would leave cores idle.
     */
    private static List<Written> eachCarrier(List<String> carriers, CarrierPackage work) throws PackageException, StoreException, IOException {
        int threads = Math.min(carriers.size(), Runtime.getRuntime().availableProcessors());
        List<Written> written = new ArrayList<>();
        if (threads <= 1) {
            for (String carrier : carriers) {
                written.add(work.write(carrier));
            }
            return written;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "bridgeline-package");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Written>> building = new ArrayList<>();
            for (String carrier : carriers) {
                building.add(pool.submit(() -> work.write(carrier)));
            }
            for (Future<Written> built : building) {
                try {
                    written.add(built.get());
                } catch (ExecutionException e) {
                    Throwable failure = e.getCause();
                    if (failure instanceof PackageException package_) {
                        throw package_;
                    } else if (failure instanceof StoreException store_) {
                        throw store_;
                    } else if (failure instanceof IOException io) {
                        throw io;
                    } else if (failure instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(failure);
                }
            }
            return written;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PackageException("interrupted while the packages were written");
        } finally {
            pool.shutdownNow();
        }
    }

    /** The invoices of the package's months whose lines do not add up to the total they state (the latest revision of each). */
    private List<NegotiationPackage.Unreconciled> unreconciled(String tenant, LineQuery months) throws StoreException {
        List<NegotiationPackage.Unreconciled> found = new ArrayList<>();
        List<org.bridgeline.store.StoredInvoice> invoices = ledgers.ledger(tenant).invoices(months);
        java.util.Set<Long> superseded = new java.util.HashSet<>();
        invoices.forEach(invoice -> superseded.add(invoice.supersedes()));
        for (org.bridgeline.store.StoredInvoice invoice : invoices) {
            if (invoice.statedTotal() != null && !superseded.contains(invoice.invoiceId())
                    && invoice.statedTotal().amount().compareTo(invoice.lineTotal().amount()) != 0) {
                found.add(new NegotiationPackage.Unreconciled(invoice.header().account(), invoice.header().number(),
                        invoice.header().date(), invoice.statedTotal(), invoice.lineTotal()));
            }
        }
        return found;
    }

    /** The terms the package asks for: the procurement policy, its spend ceiling in the carrier's currency. */
    private static Terms terms(BookOfBusiness book, String carrier) {
        ProcurementPolicy policy = book.policy();
        Money ceiling = policy.committedSpendCeiling() == null ? null : book.invoices(LineQuery.carrier(carrier)).stream().findFirst()
                .map(invoice -> new Money(policy.committedSpendCeiling(), invoice.currency())).orElse(null);
        return new Terms(policy.maxTermMonths(), policy.autoRenewalAllowed(), policy.slaCreditsRequired(), policy.availabilityPercent(),
                policy.timeToRepair() == null ? null : (int) policy.timeToRepair().toHours(), ceiling, policy.approvalThreshold());
    }

    /** A carrier's folder name: lower case, letters and digits, dashes between words. */
    static String slug(String carrier) {
        String slug = carrier.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "carrier" : slug;
    }
}
