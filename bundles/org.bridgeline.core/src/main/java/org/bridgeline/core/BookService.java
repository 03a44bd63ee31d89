package org.bridgeline.core;

import org.bridgeline.api.detect.BookOfBusiness;

/**
 * The book of business as detectors see it, for the flows that build on it after an audit
 * (benchmark positions, negotiation packages): read-only, over the store and every registered
 * benchmark provider.
 */
public interface BookService {

    /** A tenant's book, narrowed to one carrier, or whole for {@code null}. */
    BookOfBusiness book(String tenant, String carrier);
}
