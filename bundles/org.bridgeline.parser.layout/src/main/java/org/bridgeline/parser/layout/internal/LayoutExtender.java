package org.bridgeline.parser.layout.internal;

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
import org.bridgeline.api.parser.RejectedProfile;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;

/**
 * Turns layout profiles carried by bundles into parsers: every active bundle with
 * {@code layouts/*.json} entries (this one included) gets one {@link BillingParser} per valid
 * profile, registered in that bundle's name, so {@code bl:plugins} shows where it came from.
 * A bundle that goes takes its parsers with it. A carrier layout is thus hot-deployed as a
 * bundle of JSON files, with no Java.
 */
@Component(immediate = true)
public final class LayoutExtender implements BundleTrackerCustomizer<List<ServiceRegistration<?>>> {

    static final String FOLDER = "layouts";
    private static final Logger LOG = Logger.getLogger("org.bridgeline.parser.layout");

    private final BundleTracker<List<ServiceRegistration<?>>> tracker;

    @Activate
    public LayoutExtender(BundleContext context) {
        tracker = new BundleTracker<>(context, Bundle.ACTIVE, this);
        tracker.open();
    }

    @Deactivate
    void close() {
        tracker.close();
    }

    @Override
    public List<ServiceRegistration<?>> addingBundle(Bundle bundle, BundleEvent event) {
        Enumeration<URL> entries = bundle.findEntries(FOLDER, "*.json", false);
        if (entries == null) {
            return null; // not a bundle with layouts: not tracked
        }
        List<ServiceRegistration<?>> registrations = new ArrayList<>();
        BundleContext owner = bundle.getBundleContext();
        for (URL entry : Collections.list(entries).stream().sorted(java.util.Comparator.comparing(URL::getPath)).toList()) {
            String source = bundle.getSymbolicName() + "!" + entry.getPath();
            try (InputStream in = entry.openStream()) {
                LayoutProfile profile = ProfileReader.read(in, source);
                Dictionary<String, Object> properties = new Hashtable<>();
                properties.put("bridgeline.layout", profile.id());
                properties.put("bridgeline.layout.source", source);
                registrations.add(owner.registerService(BillingParser.class, new LayoutParser(profile), properties));
                LOG.info("layout " + profile.id() + " from " + source + " registered as a parser");
            } catch (ProfileException e) {
                registrations.add(reject(owner, source, e.getMessage().startsWith(source + ": ")
                        ? e.getMessage().substring(source.length() + 2) : e.getMessage()));
            } catch (IOException e) {
                registrations.add(reject(owner, source, "cannot read: " + e.getMessage()));
            }
        }
        return registrations;
    }

    /** A profile that cannot be a parser is still a plugin of its bundle: a failed one, with its reason, in bl:plugins and bl:health. */
    private static ServiceRegistration<RejectedProfile> reject(BundleContext owner, String source, String reason) {
        LOG.warning("layout rejected: " + source + ": " + reason);
        return owner.registerService(RejectedProfile.class, new RejectedProfile(source, reason), null);
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, List<ServiceRegistration<?>> registrations) {
        // profiles are read once per activation; an updated bundle goes and comes back
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, List<ServiceRegistration<?>> registrations) {
        for (ServiceRegistration<?> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // already gone with its bundle
            }
        }
    }
}
