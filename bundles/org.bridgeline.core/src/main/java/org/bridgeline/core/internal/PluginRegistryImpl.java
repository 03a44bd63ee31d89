package org.bridgeline.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;
import java.util.logging.Logger;
import org.bridgeline.api.benchmark.BenchmarkProvider;
import org.bridgeline.api.detect.AnomalyDetector;
import org.bridgeline.api.parser.BillingParser;
import org.bridgeline.api.parser.ParserInfo;
import org.bridgeline.api.parser.RejectedProfile;
import org.bridgeline.core.PluginInfo;
import org.bridgeline.core.PluginKind;
import org.bridgeline.core.PluginRegistry;
import org.bridgeline.core.PluginState;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The whiteboard of plugin services. Parsers, benchmark providers and detectors are bound
 * dynamically and greedily: one that registers is usable at once, one that goes is dropped at
 * once, and nothing else restarts.
 */
@Component(service = PluginRegistry.class, immediate = true)
public final class PluginRegistryImpl implements PluginRegistry {

    private static final Logger LOG = Logger.getLogger("org.bridgeline.core.plugins");

    /** A bound plugin service: what it is, and the row it shows in the registry. */
    private record Bound<T>(T service, PluginInfo info) {
    }

    // keyed by service id, so a plugin registered twice under one id is still two entries
    private final Map<Long, Bound<BillingParser>> parsers = new ConcurrentSkipListMap<>();
    private final Map<Long, Bound<BenchmarkProvider>> providers = new ConcurrentSkipListMap<>();
    private final Map<Long, Bound<AnomalyDetector>> detectors = new ConcurrentSkipListMap<>();
    private final Map<Long, PluginInfo> rejectedProfiles = new ConcurrentSkipListMap<>();
    private final DeploymentMonitor deployments;

    @Activate
    public PluginRegistryImpl(@Reference DeploymentMonitor deployments) {
        this.deployments = deployments;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addParser(BillingParser parser, ServiceReference<BillingParser> reference) {
        bind(parsers, PluginKind.PARSER, parser, reference, p -> {
            ParserInfo info = p.info();
            return new String[] {info.id(), info.carrier() + " " + info.format() + " " + info.version()};
        });
    }

    void removeParser(ServiceReference<BillingParser> reference) {
        unbind(parsers, reference);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addBenchmarkProvider(BenchmarkProvider provider, ServiceReference<BenchmarkProvider> reference) {
        bind(providers, PluginKind.BENCHMARK, provider, reference,
                p -> new String[] {p.id(), p.coverage().source() + " as of " + p.coverage().asOf()});
    }

    void removeBenchmarkProvider(ServiceReference<BenchmarkProvider> reference) {
        unbind(providers, reference);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addDetector(AnomalyDetector detector, ServiceReference<AnomalyDetector> reference) {
        bind(detectors, PluginKind.DETECTOR, detector, reference, d -> new String[] {d.id(), d.description()});
    }

    void removeDetector(ServiceReference<AnomalyDetector> reference) {
        unbind(detectors, reference);
    }

    /** A profile a bundle carries that its extender could not turn into a parser: a failed parser row, with its reason. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addRejectedProfile(RejectedProfile rejected, ServiceReference<RejectedProfile> reference) {
        Bundle bundle = reference.getBundle();
        PluginInfo info = new PluginInfo(PluginKind.PARSER, rejected.fileName(), bundle == null ? "?" : bundle.getVersion().toString(),
                bundle == null ? "?" : bundle.getSymbolicName(), bundle == null ? -1 : bundle.getBundleId(), PluginState.FAILED,
                "profile " + rejected.source(), "profile rejected: " + rejected.reason());
        rejectedProfiles.put((Long) reference.getProperty(Constants.SERVICE_ID), info);
        LOG.warning("plugin failed: profile " + rejected.source() + ": " + rejected.reason());
    }

    void removeRejectedProfile(ServiceReference<RejectedProfile> reference) {
        rejectedProfiles.remove((Long) reference.getProperty(Constants.SERVICE_ID));
    }

    private static <T> void bind(Map<Long, Bound<T>> plugins, PluginKind kind, T service, ServiceReference<T> reference,
            Function<T, String[]> describe) {
        Bundle bundle = reference.getBundle();
        String symbolicName = bundle == null ? "?" : bundle.getSymbolicName();
        String version = bundle == null ? "?" : bundle.getVersion().toString();
        long bundleId = bundle == null ? -1 : bundle.getBundleId();
        PluginInfo info;
        try {
            String[] idAndDescription = describe.apply(service);
            info = new PluginInfo(kind, idAndDescription[0], version, symbolicName, bundleId, PluginState.ACTIVE,
                    idAndDescription[1], null);
            LOG.info("plugin registered: " + kind.name().toLowerCase() + " " + info.id() + " " + version + " from "
                    + symbolicName);
        } catch (RuntimeException e) {
            // a plugin that cannot even say who it is stays listed, with the reason, and unused
            info = new PluginInfo(kind, symbolicName, version, symbolicName, bundleId, PluginState.FAILED, "",
                    "cannot describe itself: " + e);
            LOG.warning("plugin failed: " + kind.name().toLowerCase() + " from " + symbolicName + " " + version + ": "
                    + info.problem());
        }
        plugins.put((Long) reference.getProperty(Constants.SERVICE_ID), new Bound<>(service, info));
    }

    private static <T> void unbind(Map<Long, Bound<T>> plugins, ServiceReference<T> reference) {
        Bound<T> removed = plugins.remove((Long) reference.getProperty(Constants.SERVICE_ID));
        if (removed != null) {
            LOG.info("plugin unregistered: " + removed.info().kind().name().toLowerCase() + " " + removed.info().id()
                    + " " + removed.info().version() + " from " + removed.info().bundle());
        }
    }

    @Override
    public List<PluginInfo> plugins() {
        List<PluginInfo> rows = new ArrayList<>();
        for (Map<Long, ? extends Bound<?>> plugins : List.of(parsers, providers, detectors)) {
            plugins.values().forEach(bound -> rows.add(bound.info()));
        }
        rows.addAll(rejectedProfiles.values());
        // a bundle that registered some plugins but has a failed component shows both
        rows.addAll(deployments.problems());
        rows.sort(Comparator.comparing(PluginInfo::kind).thenComparing(PluginInfo::id)
                .thenComparing(PluginInfo::version));
        return rows;
    }

    @Override
    public List<BillingParser> parsers() {
        return active(parsers);
    }

    @Override
    public Optional<BillingParser> parser(String id) {
        return parsers.values().stream()
                .filter(bound -> bound.info().state() == PluginState.ACTIVE && bound.info().id().equals(id))
                .map(Bound::service).findFirst();
    }

    @Override
    public List<BenchmarkProvider> benchmarkProviders() {
        return active(providers);
    }

    @Override
    public List<AnomalyDetector> detectors() {
        return active(detectors);
    }

    private static <T> List<T> active(Map<Long, Bound<T>> plugins) {
        return plugins.values().stream().filter(bound -> bound.info().state() == PluginState.ACTIVE)
                .sorted(Comparator.comparing(bound -> bound.info().id())).map(Bound::service).toList();
    }
}
