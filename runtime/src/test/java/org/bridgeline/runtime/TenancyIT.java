package org.bridgeline.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tenants and tokens from the console, as an operator manages them: the token shown once, kept only as a keyed hash. */
class TenancyIT {

    @TempDir
    Path home;

    @Test
    void anOperatorAddsATenantIssuesListsAndRevokesTokens() throws Exception {
        TestDistribution.copyTo(home);
        BinBridgeline.Result issued = BinBridgeline.run(home, "exec", "bl:tenant-add acme-corp",
                "bl:token-issue acme-corp --role operator --expires 30", "bl:tenants");
        assertEquals(0, issued.status(), issued.err() + issued.out());
        Matcher token = Pattern.compile("(?m)^blt_([0-9a-f]{16})_[A-Za-z0-9_-]{43}$").matcher(issued.out());
        assertTrue(token.find(), issued.out());
        String id = token.group(1);
        assertTrue(issued.out().contains("tenant acme-corp added"), issued.out());
        assertTrue(issued.out().lines().anyMatch(line -> line.matches("acme-corp\\s+\\S+\\s+1\\s+1\\s*")), issued.out());
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(home.resolve("data/token.key")));

        BinBridgeline.Result listed = BinBridgeline.run(home, "exec", "bl:tokens acme-corp", "bl:token-revoke " + id, "bl:tokens acme-corp",
                "bl:token-revoke " + id);
        assertEquals(1, listed.status(), "revoking twice fails the second time: " + listed.out());
        assertTrue(listed.out().contains(id + "  operator  active"), listed.out());
        assertTrue(listed.out().contains("token " + id + " revoked"), listed.out());
        assertTrue(listed.out().contains(id + "  operator  revoked "), listed.out());
        assertTrue((listed.out() + listed.err()).contains("no active token " + id), listed.out() + listed.err());
        assertFalse(listed.out().contains(token.group()), "the token is shown once, when issued");
        assertFalse(Files.readString(home.resolve("log/bridgeline.log")).contains(token.group().substring(21)), "never logged");

        BinBridgeline.Result refused = BinBridgeline.run(home, "exec", "bl:tenant-add Acme", "bl:token-issue nobody");
        assertEquals(1, refused.status());
        assertTrue((refused.out() + refused.err()).contains("found \"Acme\""), refused.out() + refused.err());
    }
}
