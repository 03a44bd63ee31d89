package org.bridgeline.store;

import org.bridgeline.api.detect.BookOfBusiness;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The read role: one tenant's book. Detectors get the api's view, its data answered by the store
 * (aggregates computed in SQL) and its benchmarks and policy by the {@link Market} the caller
 * brings; operators get the {@link Ledger}. A new detector view is declared in the api, answered by
 * each store's book and its SQL, and by the testkit's in-memory book: nowhere else.
 */
@ProviderType
public interface BookStore {

    /**
     * A tenant's book as detectors read it, narrowed to one carrier unless {@code carrier} is {@code null}. A store
     * failure surfaces as an unchecked exception that fails the detector that met it.
     */
    BookOfBusiness book(String tenant, String carrier, Market market);

    /** A tenant's stored invoices and lines as operators list them. */
    Ledger ledger(String tenant);
}
