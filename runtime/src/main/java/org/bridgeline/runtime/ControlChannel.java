package org.bridgeline.runtime;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The local channel {@code bin/bridgeline client} uses to run commands in a background runtime:
 * a Unix domain socket in {@code data/run/}, a folder only the owning user may enter, so no
 * other user can connect.
 *
 * <p>Protocol: the client sends the number of commands and each command (UTF-8); the server
 * answers with frames {@code 'o'}+bytes (standard output), {@code 'e'}+bytes (standard error) and
 * one final {@code 'x'}+exit status.
 */
final class ControlChannel {

    private static final Logger LOG = Logger.getLogger("org.bridgeline.runtime.control");
    private static final byte OUT = 'o';
    private static final byte ERR = 'e';
    private static final byte EXIT = 'x';

    private ControlChannel() {
    }

    /** Serves commands until the runtime stops; runs on a daemon thread. */
    static ServerSocketChannel serve(Path socket, EmbeddedRuntime runtime) throws IOException {
        Path folder = socket.getParent();
        Files.createDirectories(folder);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        Thread acceptor = new Thread(() -> {
            while (server.isOpen()) {
                try {
                    SocketChannel client = server.accept();
                    Thread handler = new Thread(() -> handle(client, runtime), "bridgeline-control-client");
                    handler.setDaemon(true);
                    handler.start();
                } catch (IOException e) {
                    if (server.isOpen()) {
                        LOG.log(Level.WARNING, "control channel: " + e.getMessage());
                    }
                }
            }
        }, "bridgeline-control");
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    private static void handle(SocketChannel client, EmbeddedRuntime runtime) {
        try (client) {
            DataInputStream in = new DataInputStream(Channels.newInputStream(client));
            DataOutputStream out = new DataOutputStream(Channels.newOutputStream(client));
            int count = in.readInt();
            List<String> commands = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                commands.add(in.readUTF());
            }
            LOG.info("client runs: " + String.join(" ; ", commands));
            PrintStream stdout = new PrintStream(new FrameStream(out, OUT), true, StandardCharsets.UTF_8);
            PrintStream stderr = new PrintStream(new FrameStream(out, ERR), true, StandardCharsets.UTF_8);
            int status = runtime.execute(commands, new ByteArrayInputStream(new byte[0]), stdout, stderr);
            stdout.flush();
            stderr.flush();
            synchronized (out) {
                out.writeByte(EXIT);
                out.writeInt(status);
                out.flush();
            }
        } catch (java.io.EOFException e) {
            // a liveness probe: connected and left without a command
        } catch (IOException e) {
            LOG.warning("control channel client: " + e.getMessage());
        }
    }

    /**
     * Sends commands to the runtime listening on {@code socket} and copies its output.
     *
     * @return the commands' exit status
     */
    static int send(Path socket, List<String> commands, PrintStream stdout, PrintStream stderr) throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            DataOutputStream out = new DataOutputStream(Channels.newOutputStream(channel));
            out.writeInt(commands.size());
            for (String command : commands) {
                out.writeUTF(command);
            }
            out.flush();
            DataInputStream in = new DataInputStream(Channels.newInputStream(channel));
            try {
                while (true) {
                    byte type = in.readByte();
                    if (type == EXIT) {
                        return in.readInt();
                    }
                    byte[] bytes = new byte[in.readInt()];
                    in.readFully(bytes);
                    (type == ERR ? stderr : stdout).write(bytes);
                    (type == ERR ? stderr : stdout).flush();
                }
            } catch (IOException e) {
                // the runtime went away before it said how the commands ended (stopped, killed, out of memory)
                stderr.println("error: the runtime stopped during the command" + (commands.size() == 1 ? " " : "s ")
                        + String.join(", ", commands) + "; its log (log/bridgeline.log) says why");
                return 1;
            }
        }
    }

    /** Whether a runtime answers on the socket. */
    static boolean answers(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes everything as frames of one type. */
    private static final class FrameStream extends OutputStream {
        private final DataOutputStream out;
        private final byte type;

        FrameStream(DataOutputStream out, byte type) {
            this.out = out;
            this.type = type;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (length == 0) {
                return;
            }
            synchronized (out) {
                out.writeByte(type);
                out.writeInt(length);
                out.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            synchronized (out) {
                out.flush();
            }
        }
    }
}
