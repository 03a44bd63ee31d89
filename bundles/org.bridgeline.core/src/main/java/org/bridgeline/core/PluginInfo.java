package org.bridgeline.core;

/**
 * One row of the plugin registry.
 *
 * @param kind        what it is
 * @param id          the plugin's own id (parser, provider or detector id), or the bundle's
 *                    symbolic name for a {@link PluginKind#BUNDLE} row
 * @param version     the bundle version
 * @param bundle      the bundle's symbolic name
 * @param bundleId    the framework's bundle id, or -1 when the bundle is not installed
 * @param state       where it stands
 * @param description one line on what it does (parser: carrier and format)
 * @param problem     one line naming the leaf cause when it is not {@link PluginState#ACTIVE}, else {@code null}
 */
public record PluginInfo(PluginKind kind, String id, String version, String bundle, long bundleId,
        PluginState state, String description, String problem) {
}
