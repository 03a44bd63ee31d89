package org.bridgeline.http.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bridgeline.negotiation.PackageService;
import org.bridgeline.store.StoreException;
import org.bridgeline.tenancy.Caller;
import org.bridgeline.tenancy.TenantService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code POST /api/v1/packages[?carrier=]} writes the tenant's negotiation packages (operator);
 * {@code GET /api/v1/packages} lists them with their files; {@code GET /packages/{carrier}/{file}}
 * downloads one file. Files are served only by the names the listing gives, never by a path.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/packages/*")
public final class PackagesResource extends ApiServlet {

    private static final long serialVersionUID = 1L;
    private static final Map<String, String> TYPES = Map.of("html", "text/html", "json", "application/json", "csv", "text/csv",
            "svg", "image/svg+xml");

    /** A package just written, as the API tells it: its figures and where to fetch its files, never a server path. */
    record Written(String carrier, String files, org.bridgeline.api.model.Money billedSpend, int monthsBilled,
            org.bridgeline.api.model.Money currentAnnualSpend, org.bridgeline.api.model.Money recoverableCredits,
            org.bridgeline.api.model.Money expectedAnnualSavings, int findings, int unreconciledInvoices) {

        static Written of(PackageService.Written w) {
            return new Written(w.carrier(), "/api/v1/packages/" + w.folder().getFileName(), w.billedSpend(), w.monthsBilled(),
                    w.currentAnnualSpend(), w.recoverableCredits(), w.expectedAnnualSavings(), w.findings(), w.unreconciledInvoices());
        }
    }

    /** A file to send as it is. */
    record Download(Path file, String type) {
    }

    private final transient PackageService packages;

    @Activate
    public PackagesResource(@Reference TenantService tenants, @Reference PackageService packages) {
        super(tenants);
        this.packages = packages;
    }

    @Override
    protected Object handle(Caller caller, ApiRequest request) throws ApiError, StoreException {
        try {
            if (request.is("POST", 0)) {
                return packages.writeKept(caller.tenant(), request.parameter("carrier")).stream().map(Written::of).toList();
            }
            if (request.is("GET", 0)) {
                return packages.kept(caller.tenant());
            }
            if (request.is("GET", 2)) {
                String carrier = request.segments().get(0);
                String file = request.segments().get(1);
                Path found = packages.keptFile(caller.tenant(), carrier, file)
                        .orElseThrow(() -> ApiError.notFound("file " + file + " in the package of " + carrier));
                String extension = file.substring(file.lastIndexOf('.') + 1);
                return new Download(found, TYPES.getOrDefault(extension, "application/octet-stream"));
            }
        } catch (PackageService.PackageException e) {
            throw new ApiError(409, "no package", e.getMessage());
        } catch (IOException e) {
            throw new StoreException("the packages cannot be read: " + e.getMessage(), e);
        }
        throw ApiError.methodNotAllowed(request.method(), request.path());
    }

    /** A download goes out as its own bytes and type; everything else as JSON. */
    @Override
    void answer(HttpServletRequest http, HttpServletResponse response, Object answer) throws IOException {
        if (answer instanceof Download download) {
            response.setStatus(200);
            response.setContentType(download.type());
            response.setHeader("Content-Disposition", "attachment; filename=\"" + download.file().getFileName() + "\"");
            response.setContentLengthLong(Files.size(download.file()));
            Files.copy(download.file(), response.getOutputStream());
        } else {
            super.answer(http, response, answer);
        }
    }
}
