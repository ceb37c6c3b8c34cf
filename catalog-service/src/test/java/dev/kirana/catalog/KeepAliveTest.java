package dev.kirana.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.testing.TestInfrastructure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * A request on a keep-alive connection is answered even when the request before it arrived while the response
 * before that was still being finished, and completed without any I/O (the schedule lookup and its 400 answer at
 * once). With reactor-netty 1.3.6 the server stopped reading such a connection, so the next request on it never got
 * an answer: that is what made {@code GET /api/v1/products/tax-rates?hsn=ab} time out now and then in a loaded build
 * (the client had sent it on the same connection a moment after the previous one). Sending the first two requests in
 * one write makes the second arrive before the first has finished, every time.
 */
@CatalogServiceTest
class KeepAliveTest {
    @Value("${local.server.port}")
    int port;

    @Test
    void theRequestAfterAQueuedInstantAnswerIsAnswered() throws IOException {
        String token = TestInfrastructure.get().jwt().token("u-owner", "shop-" + UUID.randomUUID(), "OWNER");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            // 1: reads the database (answers later); 2: answered from memory, queued behind 1
            out.write((request("/api/v1/products?size=5", token) + request("/api/v1/products/tax-rates?hsn=22021010&date=2025-09-01", token))
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponse(in).status()).isEqualTo(200);
            Response schedule = readResponse(in);
            assertThat(schedule.status()).isEqualTo(200);
            assertThat(schedule.body()).contains("\"rate\":\"28\"");
            // 3: the next request on the same connection, as the test client sends it
            out.write(request("/api/v1/products/tax-rates?hsn=ab", token).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Response invalid;
            try {
                invalid = readResponse(in);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the third request on the connection was never answered", e);
            }
            assertThat(invalid.status()).isEqualTo(400);
            assertThat(invalid.body()).contains("HSN/SAC is 2 to 8 digits");
        }
    }

    private static String request(String path, String token) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\nAccept: application/json\r\n\r\n";
    }

    record Response(int status, String body) {
    }

    /** One HTTP/1.1 response (Content-Length or chunked body). */
    private static Response readResponse(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        int length = -1;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String h = header.toLowerCase(Locale.ROOT);
            if (h.startsWith("content-length:")) {
                length = Integer.parseInt(h.substring("content-length:".length()).trim());
            } else if (h.startsWith("transfer-encoding:") && h.contains("chunked")) {
                chunked = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
            line(in);
        } else if (length > 0) {
            body.write(in.readNBytes(length));
        }
        return new Response(status, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c == -1) {
                throw new IOException("connection closed by the server");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }
}
