package org.bridgeline.runtime;

import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.bridgeline.features.Feature;
import org.bridgeline.features.FeatureException;
import org.bridgeline.features.FeatureInstaller;
import org.bridgeline.features.FeatureReader;
import org.bridgeline.features.FeatureState;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Apache Felix embedded through the OSGi launch API, with the bundles the installed features
 * name. One instance per process run: {@link #start}, then {@link #awaitReady}, then commands,
 * then {@link #stop}.
 */
public final class EmbeddedRuntime implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger("org.bridgeline.runtime");

    private final Distribution distribution;
    private final Framework framework;
    private final long startedAt;

    private EmbeddedRuntime(Distribution distribution, Framework framework, long startedAt) {
        this.distribution = distribution;
        this.framework = framework;
        this.startedAt = startedAt;
    }

    /**
     * Starts the framework with the installed features.
     *
     * @param overrides framework properties that win over {@code conf/bridgeline.properties}
     */
    public static EmbeddedRuntime start(Distribution distribution, Map<String, String> overrides) throws Exception {
        long startedAt = System.currentTimeMillis();
        distribution.createFolders();
        Map<String, String> properties = new LinkedHashMap<>(distribution.frameworkProperties());
        properties.putAll(overrides);
        properties.put("bridgeline.started", Long.toString(startedAt));
        // bundles are installed by reference to system/ and deploy/: a distribution copied or moved
        // elsewhere must not start from a cache that points at the old place
        Path homeMarker = distribution.data().resolve("home");
        String home = distribution.home().toString();
        String recorded = Files.exists(homeMarker) ? Files.readString(homeMarker).strip() : null;
        boolean cacheExists = Files.isDirectory(Path.of(properties.get("org.osgi.framework.storage")));
        if (cacheExists && !home.equals(recorded)) {
            LOG.info("the distribution moved from " + (recorded == null ? "an unknown place" : recorded)
                    + ": the framework cache is rebuilt");
            properties.put(org.osgi.framework.Constants.FRAMEWORK_STORAGE_CLEAN,
                    org.osgi.framework.Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        }
        Files.writeString(homeMarker, home);
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class, EmbeddedRuntime.class.getClassLoader())
                .findFirst().orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"));
        Framework framework = factory.newFramework(properties);
        framework.init();
        LOG.info("framework initialising: Apache Felix " + framework.getVersion() + ", home " + distribution.home());
        BundleContext context = framework.getBundleContext();
        removeDeployedBundlesWhoseJarIsGone(context, distribution.deploy());
        Installed installed = installFeatures(context, distribution, properties);
        List<Thread> aside = startAside(framework, installed.startedAside());
        framework.start();
        for (String failure : new FeatureInstaller(context, distribution.system()).start(installed.bundles())) {
            LOG.warning("bundle failed to start: " + failure);
        }
        for (Thread starting : aside) {
            starting.join();
        }
        return new EmbeddedRuntime(distribution, framework, startedAt);
    }

    /** A jar deleted from deploy/ while the runtime was down must not come back from the cache. */
    private static void removeDeployedBundlesWhoseJarIsGone(BundleContext context, Path deploy) {
        String prefix = Readiness.deployLocation(deploy);
        for (Bundle bundle : context.getBundles()) {
            if (!bundle.getLocation().startsWith(prefix)) {
                continue;
            }
            Path jar = Path.of(URI.create(bundle.getLocation()));
            if (!Files.exists(jar)) {
                try {
                    bundle.uninstall();
                    LOG.info("plugin removed: " + bundle.getSymbolicName() + " " + bundle.getVersion() + " ("
                            + jar.getFileName() + " was deleted while the runtime was down)");
                } catch (BundleException e) {
                    LOG.warning("cannot remove " + bundle.getSymbolicName() + ": " + e.getMessage());
                }
            }
        }
    }

    /** The bundles of the installed features, and those of them that start aside, by feature. */
    private record Installed(List<Bundle> bundles, List<List<Bundle>> startedAside) {
    }

    /**
     * Starts the bundles of the features named in {@code bridgeline.features.started-aside} (the
     * servers: HTTP, SSH, dashboard) on threads of their own, a feature each, while the framework's
     * start-level thread starts the rest: Jetty's start and SSH's key and provider set-up share the
     * machine's cores instead of queueing. Those bundles reach the rest only through services, which
     * Declarative Services wires whichever side comes first; a bundle two features share is started
     * by the first to reach it (the framework holds the other until it is). Everything is resolved
     * before any side starts, so no start resolves. Returns the starting threads.
     */
    private static List<Thread> startAside(Framework framework, List<List<Bundle>> features) {
        framework.adapt(FrameworkWiring.class).resolveBundles(null);
        FrameworkStartLevel level = framework.adapt(FrameworkStartLevel.class);
        List<Thread> starting = new ArrayList<>();
        for (List<Bundle> bundles : features) {
            Thread thread = new Thread(() -> startWhenLevelReached(level, bundles), "bridgeline-start-aside");
            thread.setDaemon(true);
            thread.start();
            starting.add(thread);
        }
        return starting;
    }

    private static void startWhenLevelReached(FrameworkStartLevel level, List<Bundle> bundles) {
        try {
            // a transient start is refused until the framework's start level reaches the bundles'
            while (level.getStartLevel() < FeatureInstaller.RUNTIME_START_LEVEL) {
                Thread.sleep(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        for (Bundle bundle : bundles) {
            if (bundle.getHeaders("").get(org.osgi.framework.Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            try {
                bundle.start(Bundle.START_TRANSIENT);
            } catch (BundleException | IllegalStateException e) {
                LOG.warning("bundle failed to start: " + bundle.getSymbolicName() + ": " + e.getMessage());
            }
        }
    }

    private static Installed installFeatures(BundleContext context, Distribution distribution,
            Map<String, String> properties) throws FeatureException, java.io.IOException {
        FeatureReader reader = new FeatureReader(properties::get);
        Map<String, Feature> available = new HashMap<>();
        for (Feature feature : reader.readFolder(distribution.features())) {
            available.put(feature.shortName(), feature);
        }
        Set<String> wanted = StoreKind.choose(new FeatureState(distribution.data().resolve("features.state"))
                .load(Distribution.bootFeatures(properties)), distribution.conf());
        FeatureInstaller installer = new FeatureInstaller(context, distribution.system());
        List<Bundle> bundles = new ArrayList<>();
        Set<String> locations = new HashSet<>();
        Set<String> asideFeatures = Set.copyOf(Distribution.names(properties.get("bridgeline.features.started-aside")));
        Set<Bundle> startedInline = new HashSet<>();
        Map<String, List<Bundle>> startedAside = new LinkedHashMap<>();
        for (String name : wanted) {
            Feature feature = available.get(name);
            if (feature == null) {
                LOG.warning("feature " + name + " is recorded as installed but features/ has no such feature; skipped");
                continue;
            }
            List<Bundle> featureBundles = installer.install(feature);
            for (Bundle bundle : featureBundles) {
                if (locations.add(bundle.getLocation())) {
                    bundles.add(bundle);
                }
            }
            if (asideFeatures.contains(name)) {
                startedAside.put(name, featureBundles);
            } else {
                startedInline.addAll(featureBundles);
            }
            LOG.info("feature " + name + ": " + feature.bundles().size() + " bundles");
        }
        // bundles of features no longer wanted, or of an older distribution, must not linger in the cache
        String systemPrefix = "reference:" + distribution.system().toUri();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getLocation().startsWith(systemPrefix) && !locations.contains(bundle.getLocation())) {
                try {
                    bundle.uninstall();
                } catch (BundleException e) {
                    LOG.warning("cannot remove stale bundle " + bundle.getSymbolicName() + ": " + e.getMessage());
                }
            }
        }
        List<List<Bundle>> aside = new ArrayList<>();
        for (List<Bundle> featureBundles : startedAside.values()) {
            aside.add(featureBundles.stream().filter(bundle -> !startedInline.contains(bundle)).toList());
        }
        return new Installed(bundles, aside);
    }

    /**
     * Waits until the runtime is ready or the timeout passes.
     *
     * @return what is still pending: empty when ready
     */
    public List<String> awaitReady(Duration timeout) throws InterruptedException {
        Readiness readiness = new Readiness(framework.getBundleContext(), distribution.deploy(), distribution.conf());
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> pending = readiness.pendingBeforePlugins();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
            pending = readiness.pendingBeforePlugins();
        }
        if (pending.isEmpty()) {
            startPlugins(deadline);
        }
        // deploy/ jars get a short grace: a jar the file installer does not take must not hold the runtime back
        long deployGrace = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        Set<Long> nudged = new HashSet<>();
        startDeployedBundlesTheInstallerSkipped(nudged);
        pending = readiness.pending(true);
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
            startDeployedBundlesTheInstallerSkipped(nudged);
            pending = readiness.pending(System.nanoTime() < deployGrace);
        }
        if (pending.isEmpty()) {
            long now = System.currentTimeMillis();
            // the JVM's own start time: /proc's process start instant is only accurate to about a second
            String sinceProcessStart = ", " + (now - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime())
                    + " ms after process start";
            LOG.info("framework ready in " + (now - startedAt) + " ms" + sinceProcessStart);
        }
        return pending;
    }

    /**
     * Raises the framework to the start level of deployed plugins (the initial bundle start
     * level, {@code felix.startlevel.bundle}; the runtime's own bundles are at 1), once the
     * runtime's bundles and the operator's configuration are in place, and waits until the
     * framework has started them.
     */
    private void startPlugins(long deadline) throws InterruptedException {
        FrameworkStartLevel startLevel = framework.adapt(FrameworkStartLevel.class);
        int pluginLevel = startLevel.getInitialBundleStartLevel();
        if (pluginLevel <= startLevel.getStartLevel()) {
            return;
        }
        CountDownLatch raised = new CountDownLatch(1);
        startLevel.setStartLevel(pluginLevel, event -> raised.countDown());
        if (!raised.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            LOG.warning("plugins did not start in time (start level " + pluginLevel + ")");
        }
    }

    /**
     * The file installer starts a jar only if the framework's start level already allows it;
     * one it installs while the level is being raised is left unstarted. Start those once.
     */
    private void startDeployedBundlesTheInstallerSkipped(Set<Long> nudged) {
        int frameworkLevel = framework.adapt(FrameworkStartLevel.class).getStartLevel();
        String deployPrefix = Readiness.deployLocation(distribution.deploy());
        for (Bundle bundle : framework.getBundleContext().getBundles()) {
            boolean waiting = bundle.getState() == Bundle.INSTALLED || bundle.getState() == Bundle.RESOLVED;
            if (waiting && bundle.getLocation().startsWith(deployPrefix)
                    && bundle.getHeaders("").get(org.osgi.framework.Constants.FRAGMENT_HOST) == null
                    && bundle.adapt(BundleStartLevel.class).getStartLevel() <= frameworkLevel
                    && nudged.add(bundle.getBundleId())) {
                try {
                    bundle.start();
                } catch (BundleException | IllegalStateException e) {
                    // the deploy monitor reports why, with the leaf cause
                }
            }
        }
    }

    /**
     * Runs commands in order through the console, stopping at the first that fails.
     *
     * @return 0 when every command succeeded, else 1 (the error went to {@code err})
     */
    public int execute(List<String> commands, InputStream in, PrintStream out, PrintStream err) {
        ConsoleBridge console = new ConsoleBridge(framework.getBundleContext());
        for (String command : commands) {
            String error = console.run(command, in, out, err);
            if (error != null) {
                err.println("error: " + command + ": " + error);
                err.flush();
                LOG.info("command failed: " + command + ": " + error);
                return 1;
            }
        }
        return 0;
    }

    public BundleContext context() {
        return framework.getBundleContext();
    }

    public Distribution distribution() {
        return distribution;
    }

    /** Blocks until the framework stops (the shell's exit, a stop request). */
    public void waitForStop() throws InterruptedException {
        framework.waitForStop(0);
    }

    public void stop(Duration timeout) throws Exception {
        if ((framework.getState() & (Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING)) != 0) {
            LOG.info("framework stopping");
            framework.stop();
            framework.waitForStop(timeout.toMillis());
            LOG.info("framework stopped");
        }
    }

    @Override
    public void close() throws Exception {
        stop(Duration.ofSeconds(30));
    }
}
