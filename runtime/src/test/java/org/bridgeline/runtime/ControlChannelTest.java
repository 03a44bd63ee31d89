package org.bridgeline.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlChannelTest {

    @TempDir
    Path folder;

    /** The runtime reads the command, writes a little output and dies: the client says so, no stack trace, status 1. */
    @Test
    void aRuntimeThatDiesDuringTheCommandIsReportedInOneLine() throws Exception {
        Path socket = folder.resolve("bridgeline.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread runtime = new Thread(() -> {
                try (SocketChannel client = server.accept()) {
                    DataInputStream in = new DataInputStream(Channels.newInputStream(client));
                    int count = in.readInt();
                    for (int i = 0; i < count; i++) {
                        in.readUTF();
                    }
                    DataOutputStream out = new DataOutputStream(Channels.newOutputStream(client));
                    byte[] partial = "importing ...\n".getBytes(StandardCharsets.UTF_8);
                    out.writeByte('o');
                    out.writeInt(partial.length);
                    out.write(partial);
                    out.flush();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            runtime.start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = ControlChannel.send(socket, List.of("bl:import /bills"), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            runtime.join();
            assertEquals(1, status);
            assertEquals("importing ...\n", out.toString(StandardCharsets.UTF_8));
            assertEquals("error: the runtime stopped during the command bl:import /bills; its log (log/bridgeline.log) says why",
                    err.toString(StandardCharsets.UTF_8).strip());
        }
    }
}
