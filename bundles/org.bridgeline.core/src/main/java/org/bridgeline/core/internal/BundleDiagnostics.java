package org.bridgeline.core.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * Says in one line why a bundle or its components do not run, leaf cause first: the missing
 * requirement rather than the resolver's nested chain, the component's own failure rather than
 * the stack above it.
 */
final class BundleDiagnostics {

    private static final int MAX_DEPTH = 8;

    private final BundleContext context;
    private final ServiceComponentRuntime scr;

    BundleDiagnostics(BundleContext context, ServiceComponentRuntime scr) {
        this.context = context;
        this.scr = scr;
    }

    /** Why an unresolved bundle cannot resolve, or {@code null} when it resolves. */
    String unresolvedReason(Bundle bundle) {
        if (bundle.getState() != Bundle.INSTALLED) {
            return null;
        }
        return unresolvedReason(bundle, new HashSet<>(), 0);
    }

    private String unresolvedReason(Bundle bundle, Set<Long> visited, int depth) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null || !visited.add(bundle.getBundleId()) || depth > MAX_DEPTH) {
            return null;
        }
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        List<BundleRequirement> requirements = revision.getDeclaredRequirements(null);
        List<Bundle> unresolvedProviders = new ArrayList<>();
        for (BundleRequirement requirement : requirements) {
            if (!isResolveTimeMandatory(requirement)) {
                continue;
            }
            Collection<BundleCapability> providers = wiring.findProviders(requirement);
            String filter = requirement.getDirectives().get(Constants.FILTER_DIRECTIVE);
            if (providers.isEmpty()) {
                String text = "missing " + RequirementText.describe(requirement.getNamespace(), filter);
                String available = availableVersions(requirement.getNamespace(), RequirementText.name(filter));
                return available == null ? text : text + " (available: " + available + ")";
            }
            if (providers.stream().noneMatch(p -> p.getRevision().getBundle().getState() != Bundle.INSTALLED)) {
                unresolvedProviders.add(providers.iterator().next().getRevision().getBundle());
            }
        }
        for (Bundle provider : unresolvedProviders) {
            String inner = unresolvedReason(provider, visited, depth + 1);
            if (inner != null) {
                return inner + " (needed through " + provider.getSymbolicName() + " " + provider.getVersion() + ")";
            }
        }
        return "cannot resolve; the framework names no single missing requirement";
    }

    private static boolean isResolveTimeMandatory(BundleRequirement requirement) {
        String effective = requirement.getDirectives().get(Constants.EFFECTIVE_DIRECTIVE);
        String resolution = requirement.getDirectives().get(Constants.RESOLUTION_DIRECTIVE);
        return (effective == null || Constants.EFFECTIVE_RESOLVE.equals(effective))
                && !Constants.RESOLUTION_OPTIONAL.equals(resolution)
                && !"dynamic".equals(resolution);
    }

    /** Versions of a package (or bundle) that some installed bundle does offer, for the message. */
    private String availableVersions(String namespace, String name) {
        if (name == null || !(BundleRevision.PACKAGE_NAMESPACE.equals(namespace) || BundleRevision.BUNDLE_NAMESPACE.equals(namespace))) {
            return null;
        }
        Set<String> versions = new TreeSet<>();
        for (Bundle other : context.getBundles()) {
            BundleRevision revision = other.adapt(BundleRevision.class);
            if (revision == null) {
                continue;
            }
            for (BundleCapability capability : revision.getDeclaredCapabilities(namespace)) {
                if (name.equals(capability.getAttributes().get(namespace))) {
                    Object version = capability.getAttributes().get(
                            BundleRevision.PACKAGE_NAMESPACE.equals(namespace) ? "version" : "bundle-version");
                    versions.add(String.valueOf(version));
                }
            }
        }
        return versions.isEmpty() ? null : String.join(", ", versions);
    }

    /** One line per component of the bundle that is not satisfied, leaf cause first. */
    List<ComponentProblem> componentProblems(Bundle bundle) {
        List<ComponentProblem> problems = new ArrayList<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
            if (!scr.isComponentEnabled(description)) {
                if (description.defaultEnabled) {
                    problems.add(new ComponentProblem(description.name, "disabled"));
                }
                continue;
            }
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                String reason = configurationProblem(description, configuration);
                if (reason == null && configuration.state == ComponentConfigurationDTO.SATISFIED) {
                    // a delayed component whose class cannot load stays SATISFIED; its service just never appears
                    reason = unloadableImplementation(bundle, description);
                }
                if (reason != null) {
                    problems.add(new ComponentProblem(description.name, reason));
                }
            }
        }
        return problems;
    }

    private static String unloadableImplementation(Bundle bundle, ComponentDescriptionDTO description) {
        try {
            bundle.loadClass(description.implementationClass);
            return null;
        } catch (ClassNotFoundException | LinkageError e) {
            return "failed to activate: implementation class " + description.implementationClass + " cannot be loaded ("
                    + e.getClass().getSimpleName() + ")";
        }
    }

    private static String configurationProblem(ComponentDescriptionDTO description, ComponentConfigurationDTO configuration) {
        switch (configuration.state) {
            case ComponentConfigurationDTO.FAILED_ACTIVATION:
                return "failed to activate: " + leafCause(configuration.failure);
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION:
                return "waits for configuration " + String.join(", ", description.configurationPid);
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE:
                List<String> missing = new ArrayList<>();
                for (UnsatisfiedReferenceDTO reference : configuration.unsatisfiedReferences) {
                    String type = description.references == null ? null
                            : java.util.Arrays.stream(description.references)
                                    .filter(r -> r.name.equals(reference.name)).map(r -> r.interfaceName)
                                    .findFirst().orElse(null);
                    missing.add("no " + (type == null ? reference.name : type) + " service"
                            + (reference.target == null ? "" : " matching " + reference.target));
                }
                return "unsatisfied reference: " + String.join("; ", missing);
            default:
                return null;
        }
    }

    /**
     * What a failure's stack trace says went wrong: its root cause (the last "Caused by:"), or its first line, without the
     * exception's package. A constructor or activate method that throws reaches SCR wrapped in reflection's
     * InvocationTargetException, which says nothing by itself.
     */
    static String leafCause(String failure) {
        if (failure == null || failure.isBlank()) {
            return "no reason given";
        }
        String line = failure.strip().lines().findFirst().orElse("").strip();
        for (String next : (Iterable<String>) failure.lines()::iterator) {
            if (next.startsWith("Caused by: ")) {
                line = next.substring("Caused by: ".length()).strip();
            }
        }
        int colon = line.indexOf(": ");
        String exception = colon > 0 ? line.substring(0, colon) : line;
        if (exception.matches("[\\w.$]+(Exception|Error)")) {
            String name = exception.substring(exception.lastIndexOf('.') + 1);
            return colon > 0 ? name + ": " + line.substring(colon + 2) : name;
        }
        return line;
    }

    record ComponentProblem(String component, String reason) {
    }
}
