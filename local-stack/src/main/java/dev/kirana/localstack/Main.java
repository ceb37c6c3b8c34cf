package dev.kirana.localstack;

import dev.kirana.localstack.backup.ShopBackupCommand;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Command-line entry point behind {@code ./kirana}: {@code up [-d]}, {@code down}, {@code status},
 * {@code logs}. Exit codes: 0 success, 1 failure (or, for {@code status}, not everything running
 * and ready), 2 bad usage.
 */
public final class Main {

    static {
        // zonky, the Kafka AdminClient and the JDBC driver log through slf4j-simple; their INFO
        // chatter (and the AdminClient's warnings while the broker boots) would drown the
        // launcher's own progress lines. Errors still show.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
    }

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"))) {
            return backupOrRestore(args, env, out, err);
        }
        CliArgs cli;
        try {
            cli = CliArgs.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("kirana: " + e.getMessage());
            err.println();
            err.println(CliArgs.USAGE);
            return 2;
        }
        Path root = KiranaStack.Builder.defaultRoot(env).toAbsolutePath().normalize();
        Path stateDir = (cli.stateDir() != null ? cli.stateDir() : root.resolve(".kirana")).toAbsolutePath().normalize();
        try {
            return switch (cli.command()) {
                case "up" -> cli.detach() ? upDetached(cli, root, stateDir, env, out, err)
                        : upForeground(cli, root, stateDir, env, out, err);
                case "down" -> StackControl.down(stateDir, out) ? 0 : 1;
                case "status" -> StackControl.status(stateDir, out) ? 0 : 1;
                case "logs" -> {
                    StackControl.logs(stateDir, cli.logName(), cli.follow(), cli.lines(), out);
                    yield 0;
                }
                default -> {
                    out.println(CliArgs.USAGE);
                    yield 0;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println("kirana: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("kirana: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** {@code backup} / {@code restore}: a shop's data through the gateway of a running suite. */
    private static int backupOrRestore(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        ShopBackupCommand command;
        try {
            command = ShopBackupCommand.parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println("kirana: " + e.getMessage());
            err.println();
            err.println(ShopBackupCommand.USAGE);
            return 2;
        }
        try {
            return command.run(out, err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static KiranaStack.Builder stackBuilder(CliArgs cli, Path root, Path stateDir, Map<String, String> env,
                                                    PrintStream out) {
        KiranaStack.Builder builder = KiranaStack.builder()
                .root(root)
                .stateDir(stateDir)
                .portOffset(cli.portOffset())
                .readinessTimeout(cli.timeout())
                .infraOnly(cli.infraOnly())
                .environment(env)
                .output(out);
        if (cli.parallelism() > 0) {
            builder.parallelism(cli.parallelism());
        }
        return builder;
    }

    /** {@code up}: start, print where everything is, then stay until Ctrl-C / SIGTERM stops the stack. */
    private static int upForeground(CliArgs cli, Path root, Path stateDir, Map<String, String> env, PrintStream out,
                                    PrintStream err) throws InterruptedException {
        Optional<ProcessHandle> running = StackControl.runningLauncher(stateDir);
        if (running.isPresent() && running.get().pid() != ProcessHandle.current().pid()) {
            err.println(alreadyRunning(stateDir, running.get()));
            return 1;
        }
        KiranaStack stack = stackBuilder(cli, root, stateDir, env, out).build();
        try {
            stack.start();
        } catch (AlreadyRunningException e) {
            err.println("kirana: " + e.getMessage());
            return 1;
        } catch (StackException e) {
            err.println();
            err.println("kirana: " + e.getMessage());
            return 1;
        }
        if (cli.background()) {
            // the detached parent prints the banner in the user's terminal
            out.println("Ready.");
        } else {
            stack.summary().forEach(out::println);
        }
        out.flush();
        stack.awaitClose();
        return 0;
    }

    /**
     * {@code up --detach}: re-run this launcher as a background process in its own session
     * (output to {@code logs/launcher.log}), show its progress here and return once it has
     * written the ready marker — or fail with its exit code and log if it dies first.
     */
    private static int upDetached(CliArgs cli, Path root, Path stateDir, Map<String, String> env, PrintStream out,
                                  PrintStream err) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Optional<ProcessHandle> running = StackControl.runningLauncher(stateDir);
        if (running.isPresent()) {
            err.println(alreadyRunning(stateDir, running.get()));
            return 1;
        }
        Path logs = stateDir.resolve("logs");
        Files.createDirectories(logs);
        Path launcherLog = logs.resolve("launcher.log");
        LogFiles.rotate(launcherLog);
        Path ready = stateDir.resolve(StackState.READY_FILE);
        Files.deleteIfExists(ready);

        List<String> command = new ArrayList<>();
        command.add(Processes.currentJava());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(cli.backgroundArgs(stateDir));
        ProcessBuilder builder = new ProcessBuilder(Processes.inOwnSession(command))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(launcherLog.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(KafkaBroker.devNull()));
        builder.environment().putAll(env);
        builder.environment().put("KIRANA_ROOT", root.toString());
        Process child = builder.start();
        out.println("Kirana launcher started in the background (pid " + child.pid() + ", log " + launcherLog + ")");

        AtomicBoolean done = new AtomicBoolean();
        Thread notice = new Thread(() -> {
            if (!done.get()) {
                out.println();
                out.println("The stack keeps starting in the background (launcher pid " + child.pid()
                        + "); see ./kirana status, stop it with ./kirana down.");
            }
        });
        Runtime.getRuntime().addShutdownHook(notice);

        // the background launcher has its own per-service timeouts; this cap only guards against a hang
        Duration cap = cli.timeout().multipliedBy(3).plusMinutes(5);
        long deadline = System.nanoTime() + cap.toNanos();
        long position = 0;
        boolean isReady = false;
        while (true) {
            position = copyNew(launcherLog, position, out);
            if (isReady(ready, child.pid())) {
                isReady = true;
                break;
            }
            if (!child.isAlive()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                err.println("kirana: the stack was not ready after " + cap.toMinutes() + " min; stopping it");
                Processes.terminate(child.toHandle(), StackControl.LAUNCHER_STOP_TIMEOUT);
                break;
            }
            Thread.sleep(200);
        }
        copyNew(launcherLog, position, out);
        done.set(true);
        if (!isReady) {
            int code = child.isAlive() ? -1 : child.exitValue();
            err.println("kirana: the background launcher exited (code " + code + ") before the stack was ready; "
                    + "full log: " + launcherLog);
            return 1;
        }
        KiranaStack view = stackBuilder(cli, root, stateDir, env, out).build();
        Banner.lines(view.ports(), view.endpoints(), cli.infraOnly(), stateDir,
                        Duration.ofNanos(System.nanoTime() - t0))
                .forEach(out::println);
        return 0;
    }

    private static boolean isReady(Path readyFile, long pid) {
        return StackState.readPidFile(readyFile).stream().anyMatch(p -> p == pid);
    }

    /** Prints what was appended to {@code file} since {@code position}; returns the new position. */
    private static long copyNew(Path file, long position, PrintStream out) throws IOException {
        if (!Files.isRegularFile(file)) {
            return position;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            if (raf.length() <= position) {
                return position;
            }
            raf.seek(position);
            byte[] bytes = new byte[(int) (raf.length() - position)];
            raf.readFully(bytes);
            out.write(bytes);
            out.flush();
            return position + bytes.length;
        }
    }

    private static String alreadyRunning(Path stateDir, ProcessHandle launcher) {
        return "kirana: a Kirana stack is already running in " + stateDir + " (launcher pid " + launcher.pid()
                + "); see ./kirana status, stop it with ./kirana down";
    }
}
