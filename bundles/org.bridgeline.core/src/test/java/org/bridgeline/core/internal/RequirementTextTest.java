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
        assertEquals("ClassNotFoundException: org.acme.Missing", BundleDiagnostics.firstLine(
                "java.lang.ClassNotFoundException: org.acme.Missing\n\tat org.apache.felix..."));
        assertEquals("no reason given", BundleDiagnostics.firstLine(null));
    }
}
