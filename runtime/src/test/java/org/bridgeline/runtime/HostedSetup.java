package org.bridgeline.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the hosted runtime's tests set up alike: a free loopback port for the HTTP feature, and the tokens the console printed. */
final class HostedSetup {

    private static final Pattern TOKEN = Pattern.compile("(?m)^blt_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$");

    private HostedSetup() {
    }

    /** A free loopback port, written into the distribution's conf/bridgeline.properties as its HTTP port; returns it. */
    static int freeHttpPort(Path home) throws IOException {
        int port = freePort();
        Path properties = home.resolve("conf/bridgeline.properties");
        Files.writeString(properties, Files.readString(properties).replace("org.osgi.service.http.port=8480", "org.osgi.service.http.port=" + port));
        return port;
    }

    static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    /** The tokens bl:token-issue printed, in order; exactly as many as expected. */
    static List<String> tokens(String out, int expected) {
        List<String> tokens = new ArrayList<>();
        for (Matcher token = TOKEN.matcher(out); token.find(); ) {
            tokens.add(token.group());
        }
        assertEquals(expected, tokens.size(), "tokens printed: " + out);
        return tokens;
    }
}
