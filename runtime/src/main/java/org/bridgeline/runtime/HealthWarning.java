package org.bridgeline.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * What a ready runtime still has wrong, said once on stderr: a component that failed to activate (a port in use, a bad
 * setting) is not waited for, so a start must say so rather than look well. The table is bl:health's own.
 */
final class HealthWarning {

    private static final List<String> HEALTH = List.of("bl:health");

    private HealthWarning() {
    }

    /** Asks the runtime in this process. */
    static void report(EmbeddedRuntime runtime, PrintStream err) {
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        int status = runtime.execute(HEALTH, InputStream.nullInputStream(), new PrintStream(table, true, StandardCharsets.UTF_8),
                new PrintStream(OutputStream.nullOutputStream()));
        print(status, table, err);
    }

    /** Asks the background runtime on its control socket; a runtime that does not answer now is left to bl:health. */
    static void report(Path controlSocket, PrintStream err) {
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        try {
            int status = ControlChannel.send(controlSocket, HEALTH, new PrintStream(table, true, StandardCharsets.UTF_8),
                    new PrintStream(OutputStream.nullOutputStream()));
            print(status, table, err);
        } catch (IOException e) {
            // it answered a moment ago and is started; this warning is a courtesy
        }
    }

    private static void print(int status, ByteArrayOutputStream table, PrintStream err) {
        if (status != 0 && table.size() > 0) {
            err.println("warning: ready, but not everything started (bl:health):");
            err.print(table.toString(StandardCharsets.UTF_8));
            err.flush();
        }
    }
}
