package org.bridgeline.dashboard;

import java.util.List;
import java.util.Optional;
import org.bridgeline.tenancy.Role;
import org.osgi.annotation.versioning.ProviderType;

/** What a view is asked for, by whom: the tenant always comes from the signed-in session, never from the request. */
@ProviderType
public interface ViewRequest {

    String tenant();

    Role role();

    /** {@code GET} or {@code POST}: a view that changes something does so on POST only (the shell has checked its CSRF token). */
    String method();

    /** The path below the view's id, by segment: {@code /ui/findings/42} gives {@code [42]}. */
    List<String> segments();

    /** A query or form parameter. */
    Optional<String> parameter(String name);

    /** The value a form posting back carries in its field {@code csrf}. */
    String csrfToken();
}
