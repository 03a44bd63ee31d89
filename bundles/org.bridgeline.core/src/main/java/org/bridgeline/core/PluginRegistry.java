package org.bridgeline.core;

import java.util.List;
import java.util.Optional;
import org.bridgeline.api.benchmark.BenchmarkProvider;
import org.bridgeline.api.detect.AnomalyDetector;
import org.bridgeline.api.parser.BillingParser;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Every plugin the runtime knows, as it is at this moment: a plugin that registers is listed
 * and usable at once; one that goes is gone at once. Deployed bundles that register nothing
 * usable (they cannot resolve, a component failed, a newer version supersedes them) are listed
 * with the reason.
 */
@ProviderType
public interface PluginRegistry {

    /** Every plugin and every deployed bundle with a problem, sorted by kind then id. */
    List<PluginInfo> plugins();

    /** The registered parsers, sorted by id. */
    List<BillingParser> parsers();

    Optional<BillingParser> parser(String id);

    /** The registered benchmark providers, sorted by id. */
    List<BenchmarkProvider> benchmarkProviders();

    /** The registered detectors, sorted by id. */
    List<AnomalyDetector> detectors();
}
