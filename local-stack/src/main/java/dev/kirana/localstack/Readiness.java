package dev.kirana.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Readiness probes: a service's Spring Boot readiness endpoint (on its management port), or a plain TCP connect. */
public final class Readiness {

    /** The Spring Boot readiness group every service exposes on its management port. */
    public static final String READINESS_PATH = "/actuator/health/readiness";

    // HTTP/1.1: the default HTTP/2 client would send an h2c upgrade on every probe
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    private Readiness() {
    }

    /**
     * Result of one probe: the HTTP status, or -1 if nothing answered. The 5 s timeout is generous
     * on purpose: on a loaded two-core machine a readiness check that asks Kafka for metadata can
     * take seconds, and a probe that gives up early only makes the service log a cancelled check.
     */
    public static int probe(int managementPort) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + READINESS_PATH))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public static boolean isReady(int managementPort) {
        return probe(managementPort) == 200;
    }

    public static boolean canConnect(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether nothing listens on {@code 127.0.0.1:port} (so the stack can bind it). */
    public static boolean isFree(int port) {
        return !canConnect("127.0.0.1", port);
    }
}
