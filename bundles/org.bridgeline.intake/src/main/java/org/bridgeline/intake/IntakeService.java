package org.bridgeline.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.bridgeline.store.StoreException;
import org.osgi.annotation.versioning.ProviderType;

/** A tenant's bills on their way in. */
@ProviderType
public interface IntakeService {

    /**
     * Stores an uploaded bill in the tenant's inbox, whole or not at all (written under a temporary
     * name, then renamed), and returns it as received.
     *
     * @throws IllegalArgumentException when the name is not a plain file name, or the content is larger than {@code maxBytes}
     */
    IntakeItem submit(String tenant, String fileName, InputStream content, long maxBytes) throws IOException;

    /** The tenant's most recent bills, newest first. */
    List<IntakeItem> recent(String tenant, int limit) throws StoreException;

    /** One of the tenant's bills; empty for an id it does not have. */
    Optional<IntakeItem> item(String tenant, String id) throws StoreException;
}
