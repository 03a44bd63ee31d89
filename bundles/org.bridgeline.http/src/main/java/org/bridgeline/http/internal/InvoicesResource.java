package org.bridgeline.http.internal;

import jakarta.servlet.Servlet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.store.BookStore;
import org.bridgeline.store.Ledger;
import org.bridgeline.store.StoreException;
import org.bridgeline.store.StoredInvoice;
import org.bridgeline.tenancy.Caller;
import org.bridgeline.tenancy.TenantService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** {@code GET /api/v1/invoices} (current revisions, paged by id), {@code /invoices/{id}} and {@code /invoices/{id}/lines} (paged by line). */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/invoices/*")
public final class InvoicesResource extends ApiServlet {

    private static final long serialVersionUID = 1L;

    /** A charge line with its place in the invoice, the key its pages go by. */
    record NumberedLine(long line, ChargeLine charge) {
    }

    private final transient BookStore books;

    @Activate
    public InvoicesResource(@Reference TenantService tenants, @Reference BookStore books) {
        super(tenants);
        this.books = books;
    }

    @Override
    protected Object handle(Caller caller, ApiRequest request) throws ApiError, StoreException {
        Ledger ledger = books.ledger(caller.tenant());
        if (request.is("GET", 0)) {
            List<StoredInvoice> invoices = new ArrayList<>(ledger.invoices(
                    new LineQuery(request.parameter("carrier"), request.parameter("account"), null, null)));
            invoices.sort(Comparator.comparingLong(StoredInvoice::invoiceId));
            return Page.of(invoices, StoredInvoice::invoiceId, request);
        }
        if (request.is("GET", 1)) {
            return invoice(ledger, request.id(0, "invoice"));
        }
        if (request.is("GET", 2) && "lines".equals(request.segments().get(1))) {
            long id = invoice(ledger, request.id(0, "invoice")).invoiceId();
            List<NumberedLine> lines = new ArrayList<>();
            ledger.linesOf(id, line -> lines.add(new NumberedLine(lines.size() + 1, line)));
            return Page.of(lines, NumberedLine::line, request);
        }
        throw ApiError.methodNotAllowed(request.method(), request.path());
    }

    /** The tenant's invoice of that id: another tenant's is as absent as one that never was. */
    private static StoredInvoice invoice(Ledger ledger, long id) throws ApiError, StoreException {
        return ledger.invoices(LineQuery.ALL).stream().filter(invoice -> invoice.invoiceId() == id).findFirst()
                .orElseThrow(() -> ApiError.notFound("invoice " + id));
    }
}
