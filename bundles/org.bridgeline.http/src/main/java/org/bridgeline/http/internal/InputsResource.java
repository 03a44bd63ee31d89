package org.bridgeline.http.internal;

import jakarta.servlet.Servlet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiFunction;
import org.bridgeline.core.InputsService;
import org.bridgeline.store.StoreException;
import org.bridgeline.tenancy.Caller;
import org.bridgeline.tenancy.TenantService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code POST /api/v1/inputs/{contracts|inventory|orders|requirements}?name=FILE} with the file as the
 * body, in the formats the console's imports take; the answer is what the console prints. The body
 * is kept in a temporary file only while it is read.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/inputs/*")
public final class InputsResource extends ApiServlet {

    private static final long serialVersionUID = 1L;
    private static final long MAX_BYTES = 64L * 1024 * 1024;

    /** What was stored, in the console's words. */
    record Stored(String input, String result) {
    }

    private final transient Map<String, BiFunction<String, Path, String>> importers;

    @Activate
    public InputsResource(@Reference TenantService tenants, @Reference InputsService inputs) {
        super(tenants);
        this.importers = Map.of("contracts", inputs::importContracts, "inventory", inputs::importInventory, "orders", inputs::importOrders,
                "requirements", inputs::importRequirements);
    }

    @Override
    protected Object handle(Caller caller, ApiRequest request) throws ApiError, StoreException {
        if (!request.is("POST", 1) || !importers.containsKey(request.segments().get(0))) {
            throw request.method().equals("POST") ? ApiError.notFound("input " + String.join("/", request.segments())
                    + " (contracts, inventory, orders or requirements)") : ApiError.methodNotAllowed(request.method(), request.path());
        }
        String name = request.parameter("name");
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._ ()-]{0,120}\\.(json|csv)")) {
            throw ApiError.badRequest("parameter \"name\": expected the file's name ending in .json or .csv, found \"" + name + "\"");
        }
        if (request.http().getContentLengthLong() > MAX_BYTES) {
            throw new ApiError(413, "too large", "an input file may be at most " + MAX_BYTES + " bytes");
        }
        Path folder = null;
        try {
            folder = Files.createTempDirectory("bridgeline-input-");
            Path file = folder.resolve(name);
            try (InputStream in = request.http().getInputStream()) {
                Files.copy(in, file);
            }
            String input = request.segments().get(0);
            return new Stored(input, importers.get(input).apply(caller.tenant(), file));
        } catch (IOException e) {
            throw new StoreException("the upload cannot be kept while it is read: " + e.getMessage(), e);
        } finally {
            if (folder != null) {
                try (var files = Files.walk(folder)) {
                    for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(path);
                    }
                } catch (IOException e) {
                    // a temporary folder left behind holds one input file; the system's temp cleaner takes it
                }
            }
        }
    }
}
