package org.bridgeline.parser.x12.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;
import java.util.logging.Logger;
import org.bridgeline.api.parser.BillingParser;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** Registers one X12 811 parser per profile this bundle carries in {@code x12-profiles/}. */
@Component(immediate = true)
public final class X12Profiles {

    private static final Logger LOG = Logger.getLogger("org.bridgeline.parser.x12");

    private final List<ServiceRegistration<BillingParser>> registrations = new ArrayList<>();

    @Activate
    public X12Profiles(BundleContext context) {
        Enumeration<URL> entries = context.getBundle().findEntries("x12-profiles", "*.json", false);
        if (entries == null) {
            return;
        }
        for (URL entry : Collections.list(entries)) {
            try (InputStream in = entry.openStream()) {
                X12Profile profile = X12Profile.read(in, entry.getPath());
                Dictionary<String, Object> properties = new Hashtable<>();
                properties.put("bridgeline.x12.profile", profile.id());
                registrations.add(context.registerService(BillingParser.class, new X12Parser(profile), properties));
            } catch (IOException e) {
                LOG.warning("X12 profile rejected: " + e.getMessage());
            }
        }
    }

    @Deactivate
    void close() {
        registrations.forEach(ServiceRegistration::unregister);
    }
}
