package org.bridgeline.ssh.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.bridgeline.console.Arguments;

/**
 * A {@code bl:} command line run for an SSH channel ({@code ssh host bl:findings}), or, without a
 * line, an interactive session reading one line at a time: each in a Gogo session bound to the
 * key's tenant and role, so the commands keep to that tenant whatever they are asked.
 */
final class GogoCommand implements Command {

    private final Supplier<CommandProcessor> processor;
    private final String line;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private Thread worker;

    /**
     * @param processor the console's command processor, null while the console has not started
     * @param line the command line, or null for an interactive shell
     */
    GogoCommand(Supplier<CommandProcessor> processor, String line) {
        this.processor = processor;
        this.line = line;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback exit) {
        this.exit = exit;
    }

    @Override
    public void start(ChannelSession channel, Environment environment) throws IOException {
        CommandProcessor console = processor.get();
        if (console == null) {
            err.write("error: the console is still starting; try again in a moment\n".getBytes(StandardCharsets.UTF_8));
            err.flush();
            exit.onExit(1);
            return;
        }
        String tenant = channel.getSession().getAttribute(SshConsole.TENANT);
        String role = channel.getSession().getAttribute(SshConsole.ROLE);
        boolean interactive = line == null;
        PrintStream output = new PrintStream(interactive ? new CrLf(out) : out, true, StandardCharsets.UTF_8);
        PrintStream errors = new PrintStream(interactive ? new CrLf(err) : err, true, StandardCharsets.UTF_8);
        worker = new Thread(() -> {
            int status = 0;
            try (CommandSession session = console.createSession(in, output, errors)) {
                session.put(Arguments.SESSION_TENANT, tenant);
                session.put(Arguments.SESSION_ROLE, role);
                if (interactive) {
                    output.println("Bridgeline, tenant " + tenant + " (" + role + "). Commands: bl:help. Leave: exit");
                    for (String next = prompt(output); next != null && !next.equals("exit"); next = prompt(output)) {
                        run(session, next, errors);
                    }
                } else {
                    status = run(session, line, errors);
                }
            } catch (IOException | RuntimeException e) {
                errors.println("error: " + e.getMessage());
                status = 1;
            } finally {
                output.flush();
                errors.flush();
                exit.onExit(status);
            }
        }, "bridgeline-ssh-" + tenant);
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * A line a tenant's session may run: one {@code bl:} command and plain words, nothing Gogo would
     * read as script (variables, closures, pipes, redirections, other scopes' commands).
     */
    static String refusal(String commandLine) {
        String[] words = commandLine.strip().split("\\s+");
        if (!words[0].matches("bl:[a-z][a-z-]*")) {
            return "only bl: commands run here (bl:help lists them), found \"" + words[0] + "\"";
        }
        for (String word : words) {
            if (!word.matches("[A-Za-z0-9._,:=/@%+-]+")) {
                return "plain words only (letters, digits and . _ , : = / @ % + -), found \"" + word + "\"";
            }
        }
        return null;
    }

    private static int run(CommandSession session, String commandLine, PrintStream errors) {
        if (commandLine.isBlank()) {
            return 0;
        }
        String refused = refusal(commandLine);
        if (refused != null) {
            errors.println("error: " + commandLine + ": " + refused);
            return 1;
        }
        try {
            session.execute(commandLine);
            return 0;
        } catch (Exception e) {
            errors.println("error: " + commandLine + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 1;
        }
    }

    /** Reads one line at the prompt, echoing what is typed (a terminal over SSH does not echo itself); null at the end. */
    private String prompt(PrintStream output) throws IOException {
        output.print("bl> ");
        output.flush();
        StringBuilder typed = new StringBuilder();
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c == '\r' || c == '\n') {
                output.println();
                return typed.toString().strip();
            }
            if (c == 4 && typed.isEmpty()) {
                return null; // Ctrl-D
            }
            if (c == 127 || c == 8) {
                if (!typed.isEmpty()) {
                    typed.setLength(typed.length() - 1);
                    output.print("\b \b");
                }
            } else if (c >= 32) {
                typed.append((char) c);
                output.print((char) c);
            }
            output.flush();
        }
        return null;
    }

    @Override
    public void destroy(ChannelSession channel) {
        if (worker != null) {
            worker.interrupt();
        }
    }

    /** A terminal wants a carriage return before each line feed. */
    private static final class CrLf extends java.io.FilterOutputStream {
        CrLf(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            if (b == '\n') {
                out.write('\r');
            }
            out.write(b);
        }
    }
}
