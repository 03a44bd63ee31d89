package org.bridgeline.runtime;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Decides when the runtime is ready: every bundle of the installed features active, every
 * component of theirs satisfied, and every jar in deploy/ picked up. A deployed plugin that
 * fails does not hold readiness back: the runtime serves without it and says why.
 */
final class Readiness {

    private static final String SCR = "org.osgi.service.component.runtime.ServiceComponentRuntime";
    private static final int SATISFIED = 4;
    private static final int ACTIVE = 8;

    private static final String CONFIG_ADMIN = "org.osgi.service.cm.ConfigurationAdmin";

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

    /** What is not ready yet; empty when ready. */
    List<String> pending(boolean waitForDeployFolder) {
        List<String> pending = new ArrayList<>();
        List<Bundle> system = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getLocation().startsWith(deployPrefix)) {
                continue;
            }
            system.add(bundle);
            boolean fragment = bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
            if (fragment ? bundle.getState() == Bundle.INSTALLED : bundle.getState() != Bundle.ACTIVE) {
                pending.add("bundle " + bundle.getSymbolicName() + " is " + stateName(bundle.getState()));
            }
        }
        pending.addAll(unsatisfiedComponents(system));
        if (pending.isEmpty()) {
            pending.addAll(configurationFilesNotApplied());
        }
        if (waitForDeployFolder) {
            pending.addAll(deployJarsNotPickedUp());
        }
        return pending;
    }

    /**
     * conf/*.cfg files that have no configuration yet: a command run right after start must see
     * the operator's configuration, not the defaults.
     */
    private List<String> configurationFilesNotApplied() {
        List<String> pending = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.isDirectory(conf) ? Files.list(conf) : Stream.empty()) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".cfg")).toList();
        } catch (java.io.IOException e) {
            return List.of("cannot list conf/: " + e.getMessage());
        }
        if (files.isEmpty()) {
            return pending;
        }
        ServiceReference<?>[] references;
        try {
            references = context.getAllServiceReferences(CONFIG_ADMIN, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (references == null) {
            return List.of("Configuration Admin is not running");
        }
        Object configAdmin = context.getService(references[0]);
        try {
            Method list = configAdmin.getClass().getMethod("listConfigurations", String.class);
            for (Path file : files) {
                // the file installer marks each configuration with the file it came from
                String filter = "(felix.fileinstall.filename=" + file.toFile().toURI().toString().replace("\\", "\\\\")
                        .replace("(", "\\(").replace(")", "\\)").replace("*", "\\*") + ")";
                if (list.invoke(configAdmin, filter) == null) {
                    pending.add("conf/" + file.getFileName() + " not applied yet");
                }
            }
        } catch (ReflectiveOperationException e) {
            pending.add("cannot ask Configuration Admin: " + e);
        } finally {
            context.ungetService(references[0]);
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

    /** Components of the given bundles that are enabled but neither satisfied nor active, via SCR's DTOs. */
    private List<String> unsatisfiedComponents(List<Bundle> bundles) {
        List<String> pending = new ArrayList<>();
        ServiceReference<?>[] references;
        try {
            references = context.getAllServiceReferences(SCR, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (references == null) {
            pending.add("Declarative Services is not running");
            return pending;
        }
        Object scr = context.getService(references[0]);
        try {
            Class<?> api = scrInterface(scr.getClass());
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
            Collection<?> all = (Collection<?>) descriptions.invoke(scr, (Object) bundles.toArray(Bundle[]::new));
            for (Object description : all) {
                if (!(Boolean) enabled.invoke(scr, description)) {
                    continue;
                }
                for (Object configuration : (Collection<?>) configurations.invoke(scr, description)) {
                    int state = field(configuration, "state", Integer.class);
                    if (state != SATISFIED && state != ACTIVE) {
                        pending.add("component " + field(description, "name", String.class) + " is not satisfied");
                    }
                }
            }
        } catch (ReflectiveOperationException e) {
            pending.add("cannot ask Declarative Services: " + e);
        } finally {
            context.ungetService(references[0]);
        }
        return pending;
    }

    private static Class<?> scrInterface(Class<?> type) throws ClassNotFoundException {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            for (Class<?> candidate : current.getInterfaces()) {
                if (candidate.getName().equals(SCR)) {
                    return candidate;
                }
            }
        }
        throw new ClassNotFoundException(SCR);
    }

    private static <T> T field(Object dto, String name, Class<T> type) throws ReflectiveOperationException {
        Field field = dto.getClass().getField(name);
        return type.cast(field.get(dto));
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
