package org.bridgeline.negotiation;

import java.nio.file.Path;
import java.util.List;
import org.bridgeline.api.model.Money;

/**
 * Writes negotiation packages from the book of business and the latest audit run: per carrier a
 * folder with package.json, the package-*.csv files and package.html.
 */
public interface PackageService {

    /**
     * One package written.
     *
     * @param carrier               the carrier
     * @param folder                where its files are
     * @param billedSpend           what the enterprise spent with it over the months billed (at most the last twelve)
     * @param monthsBilled          how many months {@code billedSpend} covers
     * @param currentAnnualSpend    {@code billedSpend} annualised: × 12 / {@code monthsBilled}
     * @param recoverableCredits    what it owes back
     * @param expectedAnnualSavings what paying the benchmark targets saves a year
     * @param findings              the findings the package acts on
     * @param unreconciledInvoices  invoices whose lines do not add up to the total they state
     */
    record Written(String carrier, Path folder, Money billedSpend, int monthsBilled, Money currentAnnualSpend, Money recoverableCredits,
            Money expectedAnnualSavings, int findings, int unreconciledInvoices) {
    }

    /** A package that cannot be written; the message says why and what to do. */
    final class PackageException extends Exception {
        private static final long serialVersionUID = 1L;

        public PackageException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Writes the package of one carrier, or of every carrier for {@code null}, each into its own
     * folder under {@code out} (named after the carrier).
     */
    List<Written> write(String tenant, String carrier, Path out) throws PackageException;

    /** A carrier's package as kept for a tenant: the names of its files. */
    record Kept(String carrier, List<String> files) {
    }

    /**
     * Writes the tenant's packages where the runtime keeps them for it ({@code data/tenants/TENANT/packages}),
     * one carrier's or, for {@code null}, every carrier's: what the API and the dashboard write and offer.
     */
    List<Written> writeKept(String tenant, String carrier) throws PackageException;

    /** The tenant's kept packages, by carrier. */
    List<Kept> kept(String tenant) throws java.io.IOException;

    /** One file of a tenant's kept package, by the names {@link #kept} gives; empty for any other name, so no path leads elsewhere. */
    java.util.Optional<Path> keptFile(String tenant, String carrier, String file) throws java.io.IOException;
}
