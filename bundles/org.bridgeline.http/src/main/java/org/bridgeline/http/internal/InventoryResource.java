package org.bridgeline.http.internal;

import jakarta.servlet.Servlet;
import java.util.ArrayList;
import java.util.List;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.store.BookStore;
import org.bridgeline.store.InventoryItem;
import org.bridgeline.store.StoreException;
import org.bridgeline.tenancy.Caller;
import org.bridgeline.tenancy.TenantService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** {@code GET /api/v1/inventory[?carrier=&type=]}: every service the tenant is billed for, as {@code bl:inventory} lists it, paged by position. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/inventory")
public final class InventoryResource extends ApiServlet {

    private static final long serialVersionUID = 1L;

    /** A service with its place in the list, the key its pages go by. */
    record Numbered(long position, InventoryItem service) {
    }

    private final transient BookStore books;

    @Activate
    public InventoryResource(@Reference TenantService tenants, @Reference BookStore books) {
        super(tenants);
        this.books = books;
    }

    @Override
    protected Object handle(Caller caller, ApiRequest request) throws ApiError, StoreException {
        if (!request.is("GET", 0)) {
            throw ApiError.methodNotAllowed(request.method(), request.path());
        }
        String type = request.parameter("type");
        List<Numbered> services = new ArrayList<>();
        for (InventoryItem item : books.ledger(caller.tenant()).inventory(new LineQuery(request.parameter("carrier"), null, null, null))) {
            if (type == null || type.equalsIgnoreCase(item.serviceType().name())) {
                services.add(new Numbered(services.size() + 1, item));
            }
        }
        return Page.of(services, Numbered::position, request);
    }
}
