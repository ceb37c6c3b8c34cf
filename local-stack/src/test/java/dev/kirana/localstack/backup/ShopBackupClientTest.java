package dev.kirana.localstack.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's side against a stand-in gateway: what it writes, what it checks before a restore, what retention deletes. */
class ShopBackupClientTest {
    HttpServer gateway;
    final Map<String, String> restored = new ConcurrentHashMap<>();
    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/api/v1/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            if (!"Bearer owner-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                body = "{\"status\":403}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(403, body.length);
            } else if (path.endsWith("/backup")) {
                body = ("archive of " + path).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
            } else {
                restored.put(path + "?" + exchange.getRequestURI().getQuery(), new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                body = "{\"restoredRows\":1}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
            }
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        gateway.start();
    }

    @AfterEach
    void stop() {
        gateway.stop(0);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + gateway.getAddress().getPort() + "/");
    }

    @Test
    void backsUpEveryServiceWithSumsAndRestoresWhatTheSumsVouchFor() throws Exception {
        Clock at = Clock.fixed(Instant.parse("2026-12-02T10:15:30Z"), ZoneOffset.UTC);
        Path backup = new ShopBackupClient(url(), "owner-token", at).backup("shop-1", dir);
        assertThat(backup).isEqualTo(dir.resolve("shop-1").resolve("20261202T101530Z"));
        assertThat(Files.readString(backup.resolve("order-service.zip"))).isEqualTo("archive of /api/v1/orders/backup");
        List<String> sums = Files.readAllLines(backup.resolve("SHA256SUMS"));
        assertThat(sums).hasSize(5);
        // sha256("archive of /api/v1/orders/backup"), as sha256sum prints it
        assertThat(sums).contains(ShopBackupClient.sha256(backup.resolve("order-service.zip")) + "  order-service.zip");
        assertThat(Files.readString(backup.resolve("manifest.json"))).contains("\"shopId\": \"shop-1\"", "\"takenAt\": \"2026-12-02T10:15:30Z\"");

        new ShopBackupClient(url(), "owner-token", Clock.systemUTC()).restore(backup, true);
        assertThat(restored).hasSize(5).containsEntry("/api/v1/reports/restore?replace=true", "archive of /api/v1/reports/backup");

        Files.writeString(backup.resolve("catalog-service.zip"), "changed");
        assertThatThrownBy(() -> new ShopBackupClient(url(), "owner-token", Clock.systemUTC()).restore(backup, false))
                .hasMessageContaining("catalog-service.zip").hasMessageContaining("damaged");
    }

    @Test
    void aRefusedBackupLeavesNoBackupBehind() {
        assertThatThrownBy(() -> new ShopBackupClient(url(), "cashier-token", Clock.systemUTC()).backup("shop-1", dir))
                .hasMessageContaining("403");
        assertThat(dir.resolve("shop-1").toFile().list()).allMatch(n -> n.endsWith(".partial"));
    }

    @Test
    void retentionKeepsTheNewestBackups() throws Exception {
        Path shop = dir.resolve("shop-1");
        for (String stamp : List.of("20261201T000000Z", "20261202T000000Z", "20261203T000000Z", "20261204T000000Z")) {
            Files.createDirectories(shop.resolve(stamp));
            Files.writeString(shop.resolve(stamp).resolve("SHA256SUMS"), "");
        }
        Files.createDirectories(shop.resolve("notes"));
        assertThat(ShopBackupClient.prune(shop, 2)).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("20261202T000000Z", "20261201T000000Z");
        assertThat(shop.toFile().list()).containsExactlyInAnyOrder("20261203T000000Z", "20261204T000000Z", "notes");
    }

    @Test
    void parsesTheCommandLine() {
        ShopBackupCommand c = ShopBackupCommand.parse(new String[]{"backup", "--shop", "abc-1", "--to=/b", "--keep", "7",
                "--every", "24h", "--port-offset", "1000"}, Map.of("KIRANA_TOKEN", "t"));
        assertThat(c.every()).isEqualTo(Duration.ofHours(24));
        assertThat(c.keep()).isEqualTo(7);
        assertThat(c.gateway()).isEqualTo(URI.create("http://127.0.0.1:9080/"));
        assertThat(c.token()).isEqualTo("t");
        assertThatThrownBy(() -> ShopBackupCommand.parse(new String[]{"backup", "--shop", "s", "--to", "/b"}, Map.of()))
                .hasMessageContaining("token");
        assertThatThrownBy(() -> ShopBackupCommand.parse(new String[]{"restore", "--from", "/b", "--keep", "2", "--token", "t"}, Map.of()))
                .hasMessageContaining("does not apply to restore");
        assertThatThrownBy(() -> ShopBackupCommand.parse(new String[]{"backup", "--shop", "../x", "--to", "/b", "--token", "t"}, Map.of()))
                .hasMessageContaining("shop id");
        assertThatThrownBy(() -> ShopBackupCommand.duration("0h")).hasMessageContaining("24h");
    }
}
