package dev.kirana.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Keycloak (the keycloak-quarkus-dist zip the build unpacks) in dev mode on loopback, with the
 * realm export shipped in src/test/resources/keycloak imported at start. Keycloak needs Java 21+: it
 * uses KIRANA_KEYCLOAK_JAVA_HOME, else JAVA_HOME when new enough, else the newest JDK under /usr/lib/jvm.
 */
final class KeycloakServer {
    static final String REALM = "kirana";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static volatile KeycloakServer instance;

    final String url;
    final String issuer;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KeycloakServer(String url, Process process) {
        this.url = url;
        this.issuer = url + "/realms/" + REALM;
        this.process = process;
    }

    /** Why Keycloak cannot run here, or empty when it can. */
    static Optional<String> unavailable() {
        String home = System.getProperty("kirana.keycloak.home");
        if (home == null || !Files.isExecutable(Path.of(home, "bin", "kc.sh"))) {
            return Optional.of("Keycloak distribution not unpacked (kirana.keycloak.home=" + home + ")");
        }
        return javaHome().isPresent() ? Optional.empty() : Optional.of("no JDK 21+ found for Keycloak (set KIRANA_KEYCLOAK_JAVA_HOME)");
    }

    static synchronized KeycloakServer get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static KeycloakServer start() {
        try {
            Path home = Path.of(System.getProperty("kirana.keycloak.home"));
            Path imports = Files.createDirectories(home.resolve("data/import"));
            try (var realm = KeycloakServer.class.getResourceAsStream("/keycloak/kirana-realm.json")) {
                Files.copy(realm, imports.resolve("kirana-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            int port = freePort();
            String url = "http://127.0.0.1:" + port;
            Path log = home.getParent().resolve("keycloak.log");
            ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--hostname=" + url,
                    "--http-management-port=" + freePort(), "--cache=local")
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().put("JAVA_HOME", javaHome().orElseThrow().toString());
            pb.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            Process process = pb.start();
            KeycloakServer server = new KeycloakServer(url, process);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "keycloak-stop"));
            server.awaitRealm(Duration.ofMinutes(6), log);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitRealm(Duration timeout, Path log) {
        Instant end = Instant.now().plus(timeout);
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        while (Instant.now().isBefore(end)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        stop();
        throw new IllegalStateException("Keycloak did not serve realm " + REALM + " within " + timeout + "; see " + log);
    }

    /** An access token for a realm user (password grant of the public client kirana-pos). */
    @SuppressWarnings("unchecked")
    String token(String username, String password) {
        String form = Map.of("grant_type", "password", "client_id", "kirana-pos", "username", username, "password", password)
                .entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + username + ": " + response.body());
            }
            return (String) JSON.readValue(response.body(), Map.class).get("access_token");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** kc.sh starts a JVM of its own: stop it and its children. */
    void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<Path> javaHome() {
        for (String candidate : new String[]{System.getenv("KIRANA_KEYCLOAK_JAVA_HOME"), System.getenv("JAVA_HOME")}) {
            if (candidate != null && javaVersion(Path.of(candidate)) >= 21) {
                return Optional.of(Path.of(candidate));
            }
        }
        try (Stream<Path> jvms = Files.list(Path.of("/usr/lib/jvm"))) {
            List<Path> found = jvms.filter(p -> javaVersion(p) >= 21)
                    .sorted((a, b) -> Integer.compare(javaVersion(b), javaVersion(a))).toList();
            return found.stream().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The feature version from a JDK's release file, or 0. */
    private static int javaVersion(Path home) {
        try {
            if (!Files.isExecutable(home.resolve("bin/java"))) return 0;
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(v.split("[.+-]")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
