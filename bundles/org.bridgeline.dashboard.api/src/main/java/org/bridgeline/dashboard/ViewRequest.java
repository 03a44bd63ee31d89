package org.bridgeline.dashboard;

import java.util.List;
import java.util.Optional;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.tenancy.Role;
import org.osgi.annotation.versioning.ProviderType;

/** What a view is asked for, by whom: the tenant always comes from the signed-in session, never from the request. */
@ProviderType
public interface ViewRequest {

    String tenant();

    Role role();

    /**
     * {@code GET} or {@code POST}. A view changes something on POST only; a POST reaches a view only
     * from an operator's session and with the session's CSRF value (the shell has checked both).
     */
    String method();

    /** The path below the view's id, by segment: {@code /ui/findings/42} gives {@code [42]}. */
    List<String> segments();

    /** A query or form parameter. */
    Optional<String> parameter(String name);

    /** The value a form posting back carries in its field {@code csrf}. */
    String csrfToken();

    /**
     * The tenant's book of business, as detectors read it (and with the runtime's benchmarks): a view
     * contributed by a plugin reads the tenant's data here, never naming a tenant itself.
     */
    BookOfBusiness book();

    /**
     * A value that changes whenever the tenant's bills, contracts, inventory, orders or requirements
     * change: a view that derives something costly from {@link #book()} may keep it while this stays
     * the same (benchmarks come from the runtime's providers and are not part of it).
     */
    String bookRevision() throws Exception;

    /** The files a multipart POST carries, in the order sent; empty for any other request. */
    List<UploadedFile> files();

    /** A file sent with a form: the name it was sent under (as the browser gives it, not yet checked) and its content. */
    interface UploadedFile {

        String name();

        /** Its content, read once; the caller closes it. */
        java.io.InputStream open() throws java.io.IOException;
    }
}
