package dev.kirana.systemtests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A POS counter ringing up sales on its own thread, as a till does while services restart: each sale gets a
 * fresh Idempotency-Key and is sent again with that same key (connection refused, 429, 5xx) until the suite
 * takes it; a 4xx other than 429 is a wrong answer and is recorded.
 */
final class Till {
    /** A sale the suite accepted (201/202): its key, the order's id and the lines sent. */
    record Sale(String key, String orderId, List<Map<String, String>> lines) {
    }

    private final Http http;
    private final String token;
    private final Supplier<List<Map<String, String>>> basket;
    private final int maxSales;
    private final Thread thread;
    private final AtomicBoolean ringing = new AtomicBoolean(true);
    private final Map<String, Sale> accepted = new ConcurrentHashMap<>();
    private final List<Integer> unexpected = new ArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();

    Till(String name, Http http, String token, Supplier<List<Map<String, String>>> basket, int maxSales) {
        this.http = http;
        this.token = token;
        this.basket = basket;
        this.maxSales = maxSales;
        this.thread = new Thread(this::ring, name);
    }

    Till start() {
        thread.start();
        return this;
    }

    /** Stops ringing (a sale being retried is given up) and waits for the thread. */
    void stop() throws InterruptedException {
        ringing.set(false);
        thread.join(60_000);
    }

    int acceptedCount() {
        return accepted.size();
    }

    /** Every sale the suite accepted, by idempotency key. */
    Map<String, Sale> accepted() {
        return Map.copyOf(accepted);
    }

    List<Integer> unexpected() {
        synchronized (unexpected) {
            return List.copyOf(unexpected);
        }
    }

    /** Requests sent, retries included. */
    int attempts() {
        return attempts.get();
    }

    private void ring() {
        while (ringing.get() && accepted.size() < maxSales) {
            String key = UUID.randomUUID().toString();
            List<Map<String, String>> lines = basket.get();
            Map<String, Object> body = Map.of("lines", lines);
            // a real POS retries the same sale with the same key until the suite takes it
            for (int attempt = 0; attempt < 240 && ringing.get(); attempt++) {
                attempts.incrementAndGet();
                Http.Response r;
                try {
                    r = http.post("/api/v1/orders", token, body, "Idempotency-Key", key);
                } catch (RuntimeException e) {
                    sleep(250);
                    continue;
                }
                if (r.status() == 202 || r.status() == 201) {
                    accepted.put(key, new Sale(key, r.body().get("id").asString(), lines));
                    break;
                }
                if (r.status() < 500 && r.status() != 429) {
                    synchronized (unexpected) {
                        unexpected.add(r.status());
                    }
                    break;
                }
                sleep(250);
            }
            sleep(300);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
