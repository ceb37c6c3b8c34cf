package dev.kirana.localstack;

import dev.kirana.localstack.backup.ShopBackupCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The launcher's command line, parsed.
 *
 * <pre>
 * up [-d|--detach] [--infra-only] [--port-offset N] [--state-dir DIR] [--timeout SECONDS] [--parallel N]
 * down | status [--state-dir DIR]
 * logs NAME [-f|--follow] [-n|--lines N] [--state-dir DIR]
 * help
 * </pre>
 * Options take their value as the next argument or after {@code =}.
 *
 * @param command     up, down, status, logs or help
 * @param detach      {@code up}: return once ready, leaving the stack running in the background
 * @param infraOnly   {@code up}: PostgreSQL and Kafka only
 * @param portOffset  {@code up}: shift of every port
 * @param stateDir    state directory, or null for the default
 * @param timeout     {@code up}: per-service readiness timeout
 * @param parallelism {@code up}: services started at once, or 0 for the default
 * @param logName     {@code logs}: which log
 * @param follow      {@code logs}: keep printing
 * @param lines       {@code logs}: last N lines only (0: all, or 50 when following)
 * @param background  internal: this process is the background half of {@code up --detach}
 */
public record CliArgs(String command, boolean detach, boolean infraOnly, int portOffset, Path stateDir,
                      Duration timeout, int parallelism, String logName, boolean follow, int lines,
                      boolean background) {

    public static final List<String> COMMANDS = List.of("up", "down", "status", "logs", "help");

    /** Internal flag marking the re-spawned background launcher of {@code up --detach}. */
    static final String BACKGROUND_FLAG = "--background";

    static final String USAGE = String.join("\n",
            "Usage: ./kirana <command> [options]",
            "",
            "  up [-d|--detach] [--infra-only] [--port-offset N] [--timeout SECONDS] [--parallel N]",
            "        Start PostgreSQL, Kafka and every service and wait until all are ready.",
            "        -d, --detach      run in the background and return once ready (stop with ./kirana down)",
            "        --infra-only      start only PostgreSQL and Kafka (databases and topics created)",
            "        --port-offset N   shift every port by N (to run a second stack beside the first)",
            "        --timeout S       readiness timeout per service in seconds (default 240)",
            "        --parallel N      services starting at the same time (default: number of cores, min 2)",
            "  down                    stop the stack (and anything left over from a crashed launcher)",
            "  status                  show every process with PID, alive/dead and readiness",
            "  logs NAME [-f] [-n N]   print a log: a service, postgres, kafka or launcher",
            ShopBackupCommand.USAGE,
            "",
            "  Every command accepts --state-dir DIR (default <repo>/.kirana).",
            "  Environment: KIRANA_DB_HOST/KIRANA_KAFKA_BOOTSTRAP use external servers instead of starting them;",
            "  KIRANA_JAVA_OPTS adds JVM options to every service; every KIRANA_* variable reaches the services.");

    /**
     * Parses the arguments.
     *
     * @throws IllegalArgumentException with a message for the user if they are wrong
     */
    public static CliArgs parse(String... args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("no command given");
        }
        String command = args[0];
        if ("-h".equals(command) || "--help".equals(command)) {
            command = "help";
        }
        if (!COMMANDS.contains(command)) {
            throw new IllegalArgumentException("unknown command '" + command + "'");
        }
        boolean detach = false;
        boolean infraOnly = false;
        int portOffset = 0;
        Path stateDir = null;
        Duration timeout = Duration.ofSeconds(240);
        int parallelism = 0;
        String logName = null;
        boolean follow = false;
        int lines = 0;
        boolean background = false;
        List<String> positional = new ArrayList<>();

        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String inlineValue = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inlineValue = arg.substring(eq + 1);
            }
            boolean up = command.equals("up");
            boolean logs = command.equals("logs");
            switch (name) {
                case "-h", "--help" -> command = "help";
                case "-d", "--detach" -> detach = only(up, name, command, true);
                case "--infra-only" -> infraOnly = only(up, name, command, true);
                case BACKGROUND_FLAG -> background = only(up, name, command, true);
                case "--port-offset" -> {
                    only(up, name, command, true);
                    String value = inlineValue != null ? inlineValue : next(args, ++i, name);
                    portOffset = integer(name, value, -65535, 65535);
                }
                case "--timeout" -> {
                    only(up, name, command, true);
                    String value = inlineValue != null ? inlineValue : next(args, ++i, name);
                    timeout = Duration.ofSeconds(integer(name, value, 1, 86_400));
                }
                case "--parallel" -> {
                    only(up, name, command, true);
                    String value = inlineValue != null ? inlineValue : next(args, ++i, name);
                    parallelism = integer(name, value, 1, 64);
                }
                case "--state-dir" -> {
                    String value = inlineValue != null ? inlineValue : next(args, ++i, name);
                    if (value.isBlank()) {
                        throw new IllegalArgumentException("--state-dir needs a directory");
                    }
                    stateDir = Path.of(value);
                }
                case "-f", "--follow" -> follow = only(logs, name, command, true);
                case "-n", "--lines" -> {
                    only(logs, name, command, true);
                    String value = inlineValue != null ? inlineValue : next(args, ++i, name);
                    lines = integer(name, value, 1, 1_000_000);
                }
                default -> {
                    if (arg.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option '" + arg + "' for " + command);
                    }
                    positional.add(arg);
                }
            }
        }
        if (command.equals("logs") && !positional.isEmpty()) {
            logName = positional.remove(0);
        }
        if (!positional.isEmpty() && !command.equals("help")) {
            throw new IllegalArgumentException("unexpected argument '" + positional.get(0) + "' for " + command);
        }
        if (command.equals("logs") && logName == null) {
            throw new IllegalArgumentException("logs needs a name: a service, postgres, kafka or launcher");
        }
        if (command.equals("up")) {
            // validates the offset against the port range now rather than after a build
            new PortLayout(portOffset);
        }
        return new CliArgs(command, detach, infraOnly, portOffset, stateDir, timeout, parallelism, logName, follow,
                lines, background);
    }

    /**
     * The arguments for the background launcher of {@code up --detach}: the same {@code up}
     * without {@code --detach}, with the state directory made absolute (the child may not share
     * the working directory's meaning) and the internal background flag.
     */
    List<String> backgroundArgs(Path resolvedStateDir) {
        List<String> args = new ArrayList<>(List.of("up", BACKGROUND_FLAG,
                "--state-dir", resolvedStateDir.toAbsolutePath().toString(),
                "--port-offset", Integer.toString(portOffset),
                "--timeout", Long.toString(timeout.toSeconds())));
        if (infraOnly) {
            args.add("--infra-only");
        }
        if (parallelism > 0) {
            args.add("--parallel");
            args.add(Integer.toString(parallelism));
        }
        return args;
    }

    private static boolean only(boolean allowed, String option, String command, boolean value) {
        if (!allowed) {
            throw new IllegalArgumentException("option " + option + " does not apply to " + command);
        }
        return value;
    }

    private static String next(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int integer(String option, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value.trim());
            if (number < min || number > max) {
                throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", got " + number);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got '" + value + "'");
        }
    }
}
