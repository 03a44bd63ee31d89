package org.bridgeline.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.bridgeline.api.parser.BillingParser;
import org.bridgeline.api.parser.ProfileFormat;
import org.bridgeline.api.parser.RejectedProfile;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;

/**
 * Turns the profiles bundles carry into parsers, for every {@link ProfileFormat} registered: per format a bundle tracker
 * reads {@code folder()/*.json} of each active bundle (the format's own bundle included) and registers one parser per
 * valid profile in that bundle's name, so {@code bl:plugins} shows where it came from; a profile with a mistake is a
 * {@link RejectedProfile} of its bundle. A bundle that goes takes its parsers with it; a format that goes takes all of its.
 */
@Component(immediate = true)
public final class ProfileExtender {

    private static final Logger LOG = Logger.getLogger("org.bridgeline.core.profiles");

    private final BundleContext context;
    private final Map<ProfileFormat, BundleTracker<List<ServiceRegistration<?>>>> trackers = new ConcurrentHashMap<>();

    @Activate
    public ProfileExtender(BundleContext context) {
        this.context = context;
    }

    @Deactivate
    void deactivate() {
        trackers.values().forEach(BundleTracker::close);
        trackers.clear();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFormat(ProfileFormat format) {
        BundleTracker<List<ServiceRegistration<?>>> tracker = new BundleTracker<>(context, Bundle.ACTIVE, new Profiles(format));
        trackers.put(format, tracker);
        tracker.open();
    }

    void removeFormat(ProfileFormat format) {
        BundleTracker<List<ServiceRegistration<?>>> tracker = trackers.remove(format);
        if (tracker != null) {
            tracker.close();
        }
    }

    /** One format's profiles in the active bundles. */
    private static final class Profiles implements BundleTrackerCustomizer<List<ServiceRegistration<?>>> {
        private final ProfileFormat format;

        Profiles(ProfileFormat format) {
            this.format = format;
        }

        @Override
        public List<ServiceRegistration<?>> addingBundle(Bundle bundle, BundleEvent event) {
            Enumeration<URL> entries = bundle.findEntries(format.folder(), "*.json", false);
            if (entries == null) {
                return null; // no profiles of this format: not tracked
            }
            List<ServiceRegistration<?>> registrations = new ArrayList<>();
            BundleContext owner = bundle.getBundleContext();
            for (URL entry : Collections.list(entries).stream().sorted(Comparator.comparing(URL::getPath)).toList()) {
                String source = bundle.getSymbolicName() + "!" + entry.getPath();
                try (InputStream in = entry.openStream()) {
                    BillingParser parser = format.parser(in, source);
                    Dictionary<String, Object> properties = new Hashtable<>();
                    properties.put("bridgeline.profile", parser.info().id());
                    properties.put("bridgeline.profile.source", source);
                    registrations.add(owner.registerService(BillingParser.class, parser, properties));
                    LOG.info(format.folder() + " profile " + parser.info().id() + " from " + source + " registered as a parser");
                } catch (IOException | RuntimeException e) {
                    String reason = e.getMessage() == null ? e.toString() : e.getMessage();
                    LOG.warning(format.folder() + " profile rejected: " + source + ": " + reason);
                    registrations.add(owner.registerService(RejectedProfile.class, new RejectedProfile(source,
                            reason.startsWith(source + ": ") ? reason.substring(source.length() + 2) : reason), null));
                }
            }
            return registrations;
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
}
