package org.bridgeline.core;

/** What a plugin is. {@link #BUNDLE} stands for a deployed bundle that registers no plugin service (yet). */
public enum PluginKind {
    PARSER,
    BENCHMARK,
    DETECTOR,
    BUNDLE
}
