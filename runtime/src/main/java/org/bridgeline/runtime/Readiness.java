package org.bridgeline.runtime;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Decides when the runtime is ready: every bundle of the installed features active, every
 * component of theirs satisfied, every jar in deploy/ picked up, and every conf/*.cfg file
 * delivered to the components that use it. A deployed plugin that fails does not hold readiness
 * back: the runtime serves without it and says why.
 *
 * <p>The launcher does not share the class space of Declarative Services or Configuration Admin
 * (a second copy of their API on the class path would split it), so both are asked reflectively.
 */
final class Readiness {

    private static final String SCR = "org.osgi.service.component.runtime.ServiceComponentRuntime";
    private static final String CONFIG_ADMIN = "org.osgi.service.cm.ConfigurationAdmin";
    private static final String FILE_PROPERTY = "felix.fileinstall.filename";
    private static final int SATISFIED = 4;
    private static final int ACTIVE = 8;
    private static final int FAILED_ACTIVATION = 16;

    private final BundleContext context;
    private final Path deploy;
    private final Path conf;
    private final String deployPrefix;

    Readiness(BundleContext context, Path deploy, Path conf) {
        this.context = context;
        this.deploy = deploy;
        this.conf = conf;
        this.deployPrefix = deployLocation(deploy);
    }

    /** The location the file installer gives a file: {@code File.toURI()} style, not {@code Path.toUri()}. */
    static String deployLocation(Path file) {
        return file.toFile().toURI().normalize().toString();
    }

    /** A component configuration as SCR reports it. */
    private record ComponentState(String name, Bundle bundle, List<String> pids, int state, Map<?, ?> properties) {
    }

    /**
     * What must be ready before deployed plugins start: the runtime's own bundles and
     * components, and a configuration for every conf/*.cfg file, so a plugin's first activation
     * already sees the operator's configuration.
     */
    List<String> pendingBeforePlugins() {
        List<String> pending = pendingSystem();
        return pending.isEmpty() ? configurationFilesNotDelivered(List.of()) : pending;
    }

    /** What is not ready yet; empty when ready. */
    List<String> pending(boolean waitForDeployFolder) {
        List<String> pending = pendingSystem();
        if (!pending.isEmpty()) {
            return pending;
        }
        if (waitForDeployFolder) {
            pending.addAll(deployJarsNotPickedUp());
        }
        if (pending.isEmpty()) {
            List<ComponentState> components = components();
            pending.addAll(configurationFilesNotDelivered(components == null ? List.of() : components));
        }
        return pending;
    }

    private List<String> pendingSystem() {
        List<String> pending = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getLocation().startsWith(deployPrefix)) {
                continue;
            }
            boolean fragment = bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
            if (fragment ? bundle.getState() == Bundle.INSTALLED : bundle.getState() != Bundle.ACTIVE) {
                pending.add("bundle " + bundle.getSymbolicName() + " is " + stateName(bundle.getState()));
            }
        }
        if (!pending.isEmpty()) {
            return pending;
        }
        List<ComponentState> components = components();
        if (components == null) {
            return List.of("Declarative Services is not running");
        }
        for (ComponentState component : components) {
            boolean fromDeploy = component.bundle().getLocation().startsWith(deployPrefix);
            // a component that failed to activate is not waited for: time does not mend it (a port in use, a bad
            // setting); the runtime is ready without it and bl:health names it with its cause
            if (!fromDeploy && component.state() != SATISFIED && component.state() != ACTIVE && component.state() != FAILED_ACTIVATION) {
                pending.add("component " + component.name() + " is not satisfied");
            }
        }
        return pending;
    }

    private List<String> deployJarsNotPickedUp() {
        List<String> pending = new ArrayList<>();
        if (!Files.isDirectory(deploy)) {
            return pending;
        }
        try (Stream<Path> files = Files.list(deploy)) {
            for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).toList()) {
                Bundle bundle = context.getBundle(deployLocation(jar));
                if (bundle == null || bundle.getState() == Bundle.STARTING) {
                    pending.add("deploy/" + jar.getFileName() + " not picked up yet");
                }
            }
        } catch (java.io.IOException e) {
            pending.add("cannot list deploy/: " + e.getMessage());
        }
        return pending;
    }

    /**
     * conf/*.cfg files whose configuration does not exist yet, or has not reached the components
     * that use its PID: a command run right after start must see the operator's configuration,
     * not the defaults. The file installer marks each configuration with its file, and SCR
     * passes that mark on into the component's properties.
     */
    private List<String> configurationFilesNotDelivered(List<ComponentState> components) {
        List<Path> files;
        try (Stream<Path> list = Files.isDirectory(conf) ? Files.list(conf) : Stream.empty()) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".cfg")).toList();
        } catch (java.io.IOException e) {
            return List.of("cannot list conf/: " + e.getMessage());
        }
        if (files.isEmpty()) {
            return List.of();
        }
        List<String> pending = new ArrayList<>();
        boolean asked = withService(CONFIG_ADMIN, configAdmin -> {
            Method list = configAdmin.getClass().getMethod("listConfigurations", String.class);
            for (Path file : files) {
                String uri = file.toFile().toURI().toString();
                Object[] found = (Object[]) list.invoke(configAdmin, "(" + FILE_PROPERTY + "=" + escape(uri) + ")");
                if (found == null) {
                    pending.add("conf/" + file.getFileName() + " not applied yet");
                    continue;
                }
                Class<?> configurationType = Reflection.publicInterface(found[0].getClass(), "org.osgi.service.cm.Configuration");
                String pid = (String) configurationType.getMethod("getPid").invoke(found[0]);
                String factoryPid = (String) configurationType.getMethod("getFactoryPid").invoke(found[0]);
                List<ComponentState> users = components.stream()
                        .filter(c -> c.pids().contains(pid) || factoryPid != null && c.pids().contains(factoryPid)).toList();
                if (!users.isEmpty() && users.stream().noneMatch(c -> uri.equals(c.properties().get(FILE_PROPERTY)))) {
                    pending.add("conf/" + file.getFileName() + " not delivered to " + users.get(0).name() + " yet");
                }
            }
        });
        return asked ? pending : List.of("Configuration Admin is not running");
    }

    /** Every enabled component configuration, or {@code null} when SCR is not there. */
    private List<ComponentState> components() {
        List<ComponentState> components = new ArrayList<>();
        boolean asked = withService(SCR, scr -> {
            Class<?> api = Reflection.publicInterface(scr.getClass(), SCR);
            Method descriptions = api.getMethod("getComponentDescriptionDTOs", Bundle[].class);
            Method configurations = null;
            Method enabled = null;
            for (Method method : api.getMethods()) {
                if (method.getName().equals("getComponentConfigurationDTOs")) {
                    configurations = method;
                } else if (method.getName().equals("isComponentEnabled")) {
                    enabled = method;
                }
            }
            for (Object description : (Collection<?>) descriptions.invoke(scr, (Object) new Bundle[0])) {
                if (!(Boolean) enabled.invoke(scr, description)) {
                    continue;
                }
                Object bundleDto = field(description, "bundle");
                Bundle bundle = context.getBundle((Long) field(bundleDto, "id"));
                List<String> pids = List.of((String[]) field(description, "configurationPid"));
                for (Object configuration : (Collection<?>) configurations.invoke(scr, description)) {
                    components.add(new ComponentState((String) field(description, "name"), bundle, pids,
                            (Integer) field(configuration, "state"), (Map<?, ?>) field(configuration, "properties")));
                }
            }
        });
        return asked ? components : null;
    }

    private interface ServiceUse {
        void accept(Object service) throws ReflectiveOperationException;
    }

    /** Calls {@code use} with the service of that name; {@code false} when there is none. */
    private boolean withService(String name, ServiceUse use) {
        ServiceReference<?>[] references;
        try {
            references = context.getAllServiceReferences(name, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (references == null) {
            return false;
        }
        Object service = context.getService(references[0]);
        if (service == null) {
            return false;
        }
        try {
            use.accept(service);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot ask " + name + ": " + e, e);
        } finally {
            context.ungetService(references[0]);
        }
    }

    private static Object field(Object dto, String name) throws ReflectiveOperationException {
        return dto.getClass().getField(name).get(dto);
    }

    private static String escape(String filterValue) {
        return filterValue.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").replace("*", "\\*");
    }

    static String stateName(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "installed (not resolved)";
            case Bundle.RESOLVED -> "resolved (not started)";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            case Bundle.ACTIVE -> "active";
            default -> "uninstalled";
        };
    }
}
