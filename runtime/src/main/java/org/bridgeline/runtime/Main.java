package org.bridgeline.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/** {@code bin/bridgeline}: the operator's entry point. */
public final class Main {

    static {
        // before the first logger exists: keeps the log writable while the runtime stops
        System.setProperty("java.util.logging.manager", RuntimeLog.Manager.class.getName());
    }

    private static final Logger LOG = Logger.getLogger("org.bridgeline.runtime");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private static final String USAGE = """
            usage: bridgeline COMMAND [ARGS]

            commands:
              run                   run in the foreground; an interactive console when there is a terminal
              exec "CMD" ["CMD"..]  start, wait until ready, run the console commands in order, stop
              demo [--seed N]       the main job on a generated enterprise: import, audit, benchmark, packages
              start                 start in the background (pid in data/bridgeline.pid, log in log/)
              stop                  stop the background runtime cleanly
              status                say whether the background runtime is running
              client "CMD" [..]     run console commands in the background runtime
              help                  this text

            'bridgeline COMMAND --help' tells more. Console commands: bl:help.""";

    private static final Map<String, String> HELP = Map.of(
            "run", """
                    usage: bridgeline run
                      Starts the runtime in the foreground. With a terminal, the console reads commands
                      (try bl:help; 'exit' or Ctrl-D stops the runtime). Without one (a service manager,
                      a pipe), it runs until it receives SIGTERM and never stops because input ended.""",
            "exec", """
                    usage: bridgeline exec "CMD" ["CMD" ...]
                      Starts the runtime, waits until it is ready (every bundle active, every component
                      satisfied, deploy/ picked up), runs the console commands in order and stops.
                      Output goes to stdout. A failing command prints 'error: CMD: reason' on stderr,
                      the remaining commands are not run, and the exit status is 1. While the background
                      runtime runs (start), the commands run in it, as with client.""",
            "demo", """
                    usage: bridgeline demo [--seed N] [--sites N]
                      Runs the main job on a generated enterprise (seed 7, 25 sites unless told): writes its
                      bills in three carrier formats, contracts, inventory, orders and an illustrative
                      benchmark table under data/demo/ and benchmarks/, imports them, audits, writes each
                      carrier's negotiation package under data/packages/, scores the audit against the
                      enterprise's ground truth and prints a summary. The same as: exec 'bl:demo ...'.""",
            "start", """
                    usage: bridgeline start
                      Starts the runtime in the background and returns once it is ready. The pid is in
                      data/bridgeline.pid, the log in log/bridgeline.log. Exit status 1 if it is already
                      running, another runtime (run, exec) uses this installation, or it does not become
                      ready.""",
            "stop", """
                    usage: bridgeline stop
                      Stops the background runtime cleanly (every bundle stopped, the database closed)
                      and waits for it to exit.""",
            "status", """
                    usage: bridgeline status
                      Prints whether the background runtime is running, with its pid. Exit status 0 when
                      it runs and answers, 3 when it is not running.""",
            "client", """
                    usage: bridgeline client "CMD" ["CMD" ...]
                      Runs console commands in the background runtime over its local socket
                      (data/run/bridgeline.sock, reachable by the owning user only). Output and exit
                      status are the same as with exec.""");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0) {
            System.err.println(USAGE);
            return 2;
        }
        String command = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (command.equals("help") || command.equals("--help") || command.equals("-h")) {
            System.out.println(USAGE);
            return 0;
        }
        if (!HELP.containsKey(command) && !command.equals("daemon")) {
            System.err.println("bridgeline: unknown command '" + command + "'\n\n" + USAGE);
            return 2;
        }
        if (rest.contains("--help") || rest.contains("-h")) {
            System.out.println(HELP.get(command));
            return 0;
        }
        Distribution distribution = Distribution.current();
        try {
            if (BOOTS_THE_FRAMEWORK.contains(command)) {
                Optional<InstallationLock.Holder> holder = InstallationLock.acquire(distribution, command.equals("daemon") ? "start" : command);
                if (holder.isPresent()) {
                    return elsewhere(distribution, command, rest, holder.get());
                }
            }
            return switch (command) {
                case "run" -> foreground(distribution);
                case "exec" -> exec(distribution, rest);
                case "demo" -> exec(distribution, List.of(String.join(" ", Stream.concat(Stream.of("bl:demo"), rest.stream()).toList())));
                case "start" -> Daemon.start(distribution);
                case "daemon" -> daemon(distribution);
                case "stop" -> Daemon.stop(distribution, STOP_TIMEOUT);
                case "status" -> Daemon.status(distribution);
                case "client" -> client(distribution, rest);
                default -> 2;
            };
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "bridgeline " + command + " failed", e);
            System.err.println("bridgeline " + command + ": " + ConsoleBridge.describe(e));
            return 1;
        }
    }

    private static final List<String> BOOTS_THE_FRAMEWORK = List.of("run", "exec", "demo", "daemon");
    private static final Duration SERVER_START_WAIT = Duration.ofSeconds(90);

    /**
     * Another process runs a runtime from this installation. Commands go to the background runtime, which is there to
     * take them; anything else would be a second framework on the same bundle cache, store and ports, so it is refused.
     */
    private static int elsewhere(Distribution distribution, String command, List<String> rest, InstallationLock.Holder holder)
            throws IOException, InterruptedException {
        discardClassDataRecording();
        boolean sendable = command.equals("exec") || command.equals("demo");
        boolean server = holder.command().equals("start") && awaitConsole(distribution, holder);
        if (server && sendable) {
            List<String> commands = command.equals("demo")
                    ? List.of(String.join(" ", Stream.concat(Stream.of("bl:demo"), rest.stream()).toList()))
                    : rest;
            if (commands.isEmpty()) {
                System.err.println(HELP.get("exec"));
                return 2;
            }
            System.err.println("bridgeline: the background runtime (pid " + holder.pid() + ") runs the commands");
            return ControlChannel.send(distribution.controlSocket(), new ArrayList<>(commands), System.out, System.err);
        }
        if (server) {
            System.err.println("error: bridgeline is running in the background from " + distribution.home() + " (pid "
                    + holder.pid() + "): give it commands with bridgeline client \"CMD\" or its SSH console, or stop it"
                    + " first (bridgeline stop)");
        } else {
            System.err.println("error: another bridgeline runtime is running from " + distribution.home() + " ("
                    + holder.describe() + "); one runtime at a time uses its data/ (bundle cache, store, ports): wait for"
                    + " it to end, or stop it");
        }
        return 1;
    }

    /**
     * bin/bridgeline keeps the class-data archive a recording run writes as it exits ({@code BRIDGELINE_CDS_RECORDING});
     * a run that never booted the framework loaded too few classes to be worth mapping, so it says so beside it.
     */
    private static void discardClassDataRecording() {
        String recording = System.getenv("BRIDGELINE_CDS_RECORDING");
        if (recording != null && !recording.isBlank()) {
            try {
                Files.writeString(Path.of(recording + ".unused"), "");
            } catch (IOException e) {
                // the script keeps the small archive; later runs still start, only without the saving
            }
        }
    }

    /** Whether the background runtime holding the installation serves its console, waiting while it starts. */
    private static boolean awaitConsole(Distribution distribution, InstallationLock.Holder holder) throws InterruptedException {
        long deadline = System.nanoTime() + SERVER_START_WAIT.toNanos();
        while (!ControlChannel.answers(distribution.controlSocket())) {
            boolean alive = ProcessHandle.of(holder.pid()).map(ProcessHandle::isAlive).orElse(false);
            if (!alive || System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    private static int foreground(Distribution distribution) throws Exception {
        RuntimeLog.open(distribution);
        boolean terminal = System.console() != null;
        // without a terminal the shell must not read stdin: its end would stop the framework
        EmbeddedRuntime runtime = EmbeddedRuntime.start(distribution,
                terminal ? Map.of() : Map.of("gosh.args", "--nointeractive"));
        AtomicBoolean stoppingOnSignal = stopOnSignal(runtime);
        List<String> pending = runtime.awaitReady(READY_TIMEOUT);
        if (!pending.isEmpty()) {
            System.err.println("bridgeline: not ready after " + READY_TIMEOUT.toSeconds() + " s: " + String.join("; ", pending));
        } else {
            System.out.println(terminal ? "Bridgeline ready. Commands: bl:help. Stop: Ctrl-D or 'exit 0'. Log: " + distribution.logFile()
                    : "bridgeline: ready; log in " + distribution.logFile());
            HealthWarning.report(runtime, System.err);
        }
        runtime.waitForStop();
        if (!stoppingOnSignal.get()) {
            RuntimeLog.close(); // else the signal's stop still logs that it is done, then closes the log
        }
        return 0;
    }

    private static int exec(Distribution distribution, List<String> commands) throws Exception {
        if (commands.isEmpty()) {
            System.err.println(HELP.get("exec"));
            return 2;
        }
        RuntimeLog.open(distribution);
        PrintStream out = System.out;
        PrintStream err = System.err;
        // what bundles print on their own belongs in the log, not between the commands' output
        System.setOut(RuntimeLog.linesTo("stdout", Level.INFO));
        System.setErr(RuntimeLog.linesTo("stderr", Level.WARNING));
        // the commands are about to read the store: its database opens beside the framework's start, not after it
        EmbeddedRuntime runtime = EmbeddedRuntime.start(distribution, Map.of("gosh.args", "--nointeractive", "bridgeline.store.opens", "at-start"));
        try {
            List<String> pending = runtime.awaitReady(READY_TIMEOUT);
            if (!pending.isEmpty()) {
                err.println("error: runtime not ready after " + READY_TIMEOUT.toSeconds() + " s: " + String.join("; ", pending));
                return 1;
            }
            HealthWarning.report(runtime, err);
            return runtime.execute(commands, InputStream.nullInputStream(), out, err);
        } finally {
            out.flush();
            runtime.stop(STOP_TIMEOUT);
            RuntimeLog.close();
        }
    }

    /** The background runtime {@code start} launches: no console, a control socket, a pid file. */
    private static int daemon(Distribution distribution) throws Exception {
        RuntimeLog.open(distribution);
        System.setOut(RuntimeLog.linesTo("stdout", Level.INFO));
        System.setErr(RuntimeLog.linesTo("stderr", Level.WARNING));
        EmbeddedRuntime runtime = EmbeddedRuntime.start(distribution, Map.of("gosh.args", "--nointeractive"));
        List<String> pending = runtime.awaitReady(READY_TIMEOUT);
        if (!pending.isEmpty()) {
            LOG.warning("not ready after " + READY_TIMEOUT.toSeconds() + " s: " + String.join("; ", pending));
        }
        ServerSocketChannel control = ControlChannel.serve(distribution.controlSocket(), runtime);
        Files.writeString(distribution.pidFile(), Long.toString(ProcessHandle.current().pid()), StandardCharsets.UTF_8);
        LOG.info("serving console commands on " + distribution.controlSocket());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                control.close();
                Files.deleteIfExists(distribution.controlSocket());
                runtime.stop(STOP_TIMEOUT);
                Files.deleteIfExists(distribution.pidFile());
            } catch (Exception e) {
                LOG.log(Level.WARNING, "clean stop failed: " + e.getMessage());
            } finally {
                RuntimeLog.close();
            }
        }, "bridgeline-stop"));
        runtime.waitForStop();
        return 0;
    }

    private static int client(Distribution distribution, List<String> commands) throws IOException {
        if (commands.isEmpty()) {
            System.err.println(HELP.get("client"));
            return 2;
        }
        Path socket = distribution.controlSocket();
        if (!ControlChannel.answers(socket)) {
            System.err.println("error: no runtime is running from " + distribution.home() + " (start it with: bridgeline start)");
            return 3;
        }
        return ControlChannel.send(socket, new ArrayList<>(commands), System.out, System.err);
    }

    /** Stops the framework when the JVM is asked to exit (SIGTERM, Ctrl-C); the flag is set before the stop begins. */
    private static AtomicBoolean stopOnSignal(EmbeddedRuntime runtime) {
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            try {
                runtime.stop(STOP_TIMEOUT);
            } catch (Exception e) {
                LOG.warning("clean stop failed: " + e.getMessage());
            } finally {
                RuntimeLog.close();
            }
        }, "bridgeline-stop"));
        return stopping;
    }

    static Optional<String> helpFor(String command) {
        return Optional.ofNullable(HELP.get(command));
    }
}
