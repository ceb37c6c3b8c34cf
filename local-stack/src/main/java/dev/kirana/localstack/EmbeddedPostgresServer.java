package dev.kirana.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;

/**
 * A real PostgreSQL server from the zonky embedded binaries, with its data directory kept in the
 * stack's state directory so data survives restarts.
 *
 * <p>zonky starts the postmaster through {@code pg_ctl start}, which makes it a session leader of
 * its own: it is not a child of the launcher JVM and survives the launcher being killed. That is
 * why its PID (from {@code postmaster.pid}) is recorded and why {@link #stopLeftover} exists.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    /** zonky's handle, or null when zonky gave up waiting and the server was waited for by PID. */
    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    static Path dataDir(Path stateDir) {
        return stateDir.resolve("postgres").toAbsolutePath().normalize();
    }

    /**
     * How long zonky itself polls for the server. zonky does not look at {@code pg_ctl}'s exit
     * status, so a server that cannot start at all (bad configuration, data directory of another
     * major version) is only noticed when this runs out; a short wait keeps that failure quick,
     * and a server that is merely slow (crash recovery) is waited for by {@link #awaitSlowStart}.
     */
    static final Duration ZONKY_STARTUP_WAIT = Duration.ofSeconds(15);

    /** Starts PostgreSQL on {@code port}; runs {@code initdb} first if the data directory is new. */
    static EmbeddedPostgresServer start(Path stateDir, int port, Path logFile, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Path dataDir = dataDir(stateDir);
        Files.createDirectories(dataDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                // binaries are unpacked once per binary version into the state dir, next to the data
                .setOverrideWorkingDirectory(stateDir.resolve("pg-dist").toAbsolutePath().toFile())
                .setPort(port)
                // the launcher stops PostgreSQL itself, after the services and Kafka
                .setRegisterShutdownHook(false)
                .setPGStartupWait(ZONKY_STARTUP_WAIT)
                // the builtin C.UTF-8 provider gives Unicode-aware upper/lower and a stable sort
                // order without depending on which OS locales happen to be installed
                .setLocaleConfig("locale-provider", "builtin")
                .setLocaleConfig("builtin-locale", "C.UTF-8")
                .setLocaleConfig("locale", "C")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "300")
                // zonky turns synchronous_commit off (fine for a throw-away test database): a crash of the server
                // then loses commits already answered to a client (a refund answered 201 and gone after an
                // immediate stop); the stack keeps real data, so a commit is on disk before it is acknowledged
                .setServerConfig("synchronous_commit", "on")
                // statistics of every statement (calls, time), as an SRE turns on in production: the bench reports
                // statements per order from them, and `SELECT … FROM pg_stat_statements` answers "what is busy" locally
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        try {
            return new EmbeddedPostgresServer(builder.start(), dataDir);
        } catch (IOException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("Gave up waiting")) {
                throw e;
            }
            awaitSlowStart(dataDir, port, deadline);
            // zonky gave up on it, so there is no zonky handle: this server is stopped by PID
            return new EmbeddedPostgresServer(null, dataDir);
        }
    }

    /** Waits for a postmaster that is still starting after zonky stopped waiting; fails as soon as it is gone. */
    private static void awaitSlowStart(Path dataDir, int port, long deadline) throws IOException {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("connectTimeout", "2");
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        while (true) {
            OptionalLong pid = StackState.readPidFile(dataDir.resolve("postmaster.pid"));
            if (pid.isEmpty() || ProcessHandle.of(pid.getAsLong()).filter(Processes::isRunning).isEmpty()) {
                throw new IOException("the server exited while starting");
            }
            try (Connection connection = DriverManager.getConnection(url, props)) {
                return;
            } catch (SQLException e) {
                // still starting up or recovering
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("the server was not ready in time");
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the server", e);
            }
        }
    }

    /** PID of the postmaster, from the first line of {@code postmaster.pid}. */
    OptionalLong postmasterPid() {
        return StackState.readPidFile(dataDir.resolve("postmaster.pid"));
    }

    Path dataDir() {
        return dataDir;
    }

    /**
     * Fast shutdown through zonky ({@code pg_ctl stop -m fast}, which also releases zonky's lock
     * on the data directory); if the postmaster outlives that (zonky gives it only 5 s), it is
     * stopped by PID.
     */
    @Override
    public void close() throws IOException {
        OptionalLong pid = postmasterPid();
        if (postgres != null) {
            postgres.close();
        }
        if (pid.isPresent()) {
            ProcessHandle.of(pid.getAsLong()).filter(Processes::isRunning).ifPresent(h -> stop(h, dataDir));
        }
    }

    /**
     * Stops the server the way a crash would: an immediate shutdown (SIGQUIT to the postmaster, as
     * {@code pg_ctl stop -m immediate} sends) ends every session at once without a checkpoint, so the next
     * start runs crash recovery from the WAL. Then zonky's lock on the data directory is released (its own
     * {@code pg_ctl stop} finds no server and says so in the log).
     *
     * @return false if the postmaster was still there after 30 s (it is then killed)
     */
    boolean stopImmediately() throws IOException {
        OptionalLong pid = postmasterPid();
        boolean clean = true;
        if (pid.isPresent()) {
            Optional<ProcessHandle> handle = ProcessHandle.of(pid.getAsLong()).filter(Processes::isRunning);
            if (handle.isPresent()) {
                clean = Processes.quit(handle.get().pid()) && Processes.awaitExit(handle.get(), Duration.ofSeconds(30));
                if (!clean) {
                    Processes.kill(handle.get());
                }
            }
        }
        if (postgres != null) {
            postgres.close();
        }
        return clean;
    }

    /**
     * Stops a postmaster left running on this data directory by a launcher that died without
     * cleaning up (kill -9, power loss of the terminal, ...). A new server cannot start on the
     * directory while it runs. Only a process whose command line names this data directory is
     * touched.
     *
     * @return the PID that was stopped, if any
     */
    static OptionalLong stopLeftover(Path stateDir) {
        Path dataDir = dataDir(stateDir);
        OptionalLong pid = StackState.readPidFile(dataDir.resolve("postmaster.pid"));
        if (pid.isEmpty()) {
            return OptionalLong.empty();
        }
        Optional<ProcessHandle> handle = Processes.find(pid.getAsLong(), 0, dataDir.toString());
        if (handle.isEmpty()) {
            return OptionalLong.empty();
        }
        stop(handle.get(), dataDir);
        return pid;
    }

    /**
     * Stops a postmaster: SIGINT, PostgreSQL's fast shutdown (abort sessions, write a shutdown
     * checkpoint), then SIGTERM/SIGKILL by PID if it is still running after 30 s. Not
     * {@code pg_ctl}: it refuses to run as root, and zonky only makes it work there by wrapping
     * it in a user namespace.
     */
    static void stop(ProcessHandle postmaster, Path dataDir) {
        if (Processes.interrupt(postmaster.pid()) && Processes.awaitExit(postmaster, Duration.ofSeconds(30))) {
            return;
        }
        Processes.terminate(postmaster, Duration.ofSeconds(20));
    }

    /**
     * Creates the databases that do not exist yet.
     *
     * @return the databases created
     */
    static List<String> ensureDatabases(Endpoints endpoints, List<String> databases) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", endpoints.dbUser());
        props.setProperty("password", endpoints.dbPassword());
        props.setProperty("connectTimeout", "10");
        try (Connection connection = DriverManager.getConnection(endpoints.jdbcUrl("postgres"), props);
             Statement statement = connection.createStatement()) {
            Set<String> existing = new HashSet<>();
            try (ResultSet rs = statement.executeQuery("SELECT datname FROM pg_database")) {
                while (rs.next()) {
                    existing.add(rs.getString(1));
                }
            }
            List<String> missing = databases.stream().filter(db -> !existing.contains(db)).toList();
            for (String db : missing) {
                // names come from ServiceDef (lower-case identifiers), quoting keeps them literal
                statement.executeUpdate("CREATE DATABASE \"" + db.replace("\"", "\"\"") + "\"");
            }
            return missing;
        }
    }
}
