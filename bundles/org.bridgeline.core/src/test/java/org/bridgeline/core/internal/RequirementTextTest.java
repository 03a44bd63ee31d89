package org.bridgeline.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RequirementTextTest {

    @Test
    void packageWithARange() {
        assertEquals("package org.bridgeline.api.parser version [2.0.0,3.0.0)", RequirementText.describe(
                "osgi.wiring.package",
                "(&(osgi.wiring.package=org.bridgeline.api.parser)(version>=2.0.0)(!(version>=3.0.0)))"));
    }

    @Test
    void packageWithoutVersion() {
        assertEquals("package com.example.missing",
                RequirementText.describe("osgi.wiring.package", "(osgi.wiring.package=com.example.missing)"));
    }

    @Test
    void lowerBoundOnly() {
        assertEquals("bundle org.acme version 1.2.0 or later",
                RequirementText.describe("osgi.wiring.bundle", "(&(osgi.wiring.bundle=org.acme)(bundle-version>=1.2.0))"));
    }

    @Test
    void extender() {
        assertEquals("extender osgi.component version [1.5.0,2.0.0)", RequirementText.describe("osgi.extender",
                "(&(osgi.extender=osgi.component)(version>=1.5.0)(!(version>=2.0.0)))"));
    }

    @Test
    void componentFailureKeepsTheLeafMessage() {
        assertEquals("ClassNotFoundException: org.acme.Missing", BundleDiagnostics.leafCause(
                "java.lang.ClassNotFoundException: org.acme.Missing\n\tat org.apache.felix..."));
        assertEquals("no reason given", BundleDiagnostics.leafCause(null));
    }

    /** A constructor that throws reaches SCR inside reflection's wrapper: the reason is what it threw, at the bottom. */
    @Test
    void componentFailureThroughReflectionNamesTheRootCause() {
        assertEquals("IOException: the SSH console cannot listen on 127.0.0.1:8422: Address already in use",
                BundleDiagnostics.leafCause("""
                        java.lang.reflect.InvocationTargetException
                        \tat java.base/jdk.internal.reflect.NativeConstructorAccessorImpl.newInstance0(Native Method)
                        \tat org.apache.felix.scr.impl.inject.internal.ComponentConstructorImpl.newInstance(ComponentConstructorImpl.java:326)
                        Caused by: java.lang.IllegalStateException: wrapped
                        \tat org.acme.Console.<init>(Console.java:12)
                        Caused by: java.io.IOException: the SSH console cannot listen on 127.0.0.1:8422: Address already in use
                        \tat org.acme.Console.<init>(Console.java:10)
                        \t... 12 more
                        """));
        assertEquals("InvocationTargetException", BundleDiagnostics.leafCause("java.lang.reflect.InvocationTargetException\n\tat x"));
    }
}
