package org.bridgeline.http.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.bridgeline.core.HealthCheck;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;

/**
 * Whether the HTTP API listens. Felix's Jetty starts beside the rest of the runtime and, when it cannot bind, only logs
 * it: no bundle or component fails, so without this check bl:health stayed "ok" while no request could arrive. The
 * servlet runtime's service is the sign that Jetty is up; after a grace for its start, its absence is a problem, and a
 * connection to the configured address tells a port another process holds from a server that did not start.
 */
@Component(service = HealthCheck.class)
public final class HttpListening implements HealthCheck {

    static final Duration GRACE = Duration.ofSeconds(5);
    private static final int PROBE_MILLIS = 200;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile HttpServiceRuntime runtime;

    private final String host;
    private final int port;
    private final long activated = System.nanoTime();

    @Activate
    public HttpListening(BundleContext context) {
        this.host = Optional.ofNullable(context.getProperty("org.apache.felix.http.host")).filter(h -> !h.isBlank()).orElse("0.0.0.0");
        this.port = Integer.parseInt(Optional.ofNullable(context.getProperty("org.osgi.service.http.port")).orElse("8080").strip());
    }

    @Override
    public List<String> problems() {
        if (runtime != null || System.nanoTime() - activated < GRACE.toNanos()) {
            return List.of();
        }
        String where = host + ":" + port;
        String setting = " (org.osgi.service.http.port and org.apache.felix.http.host in conf/bridgeline.properties)";
        if (answers()) {
            return List.of("the HTTP API is not listening: " + where + " is in use by another process" + setting);
        }
        return List.of("the HTTP API is not listening on " + where + ": its server did not start (see the log)" + setting);
    }

    private boolean answers() {
        String target = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(target, port), PROBE_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
