package dev.kirana.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @TempDir
    Path stateDir;

    @Test
    void aCommitSurvivesAnImmediateStop() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = stateDir.resolve("postgres.log");
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(stateDir, port, log, Duration.ofSeconds(120));
        boolean stopped = false;
        try {
            try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SHOW synchronous_commit")) {
                    rs.next();
                    assertThat(rs.getString(1)).as("a commit is on disk before it is acknowledged").isEqualTo("on");
                }
                s.execute("CREATE TABLE refunds (id INT PRIMARY KEY)");
                s.execute("INSERT INTO refunds VALUES (1)");
            }
            long pid = server.postmasterPid().orElseThrow();
            stopped = true;
            assertThat(server.stopImmediately()).as("the postmaster ended on SIGQUIT").isTrue();
            assertThat(ProcessHandle.of(pid).filter(Processes::isRunning)).isEmpty();
        } finally {
            if (!stopped) {
                server.close();
            }
        }
        // crash recovery replays the WAL: the acknowledged row is there
        EmbeddedPostgresServer again = EmbeddedPostgresServer.start(stateDir, port, log, Duration.ofSeconds(120));
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM refunds")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        } finally {
            again.close();
        }
    }
}
