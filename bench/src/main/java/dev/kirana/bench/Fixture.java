package dev.kirana.bench;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The bench's data, created through the API like any shop would: products in the catalog, stock
 * received into inventory (once inventory learnt the products from the catalog's events), and a
 * check that order-service's catalog replica sells every one of them before anything is measured.
 */
final class Fixture {
    static final BigDecimal MANY_STOCK = new BigDecimal("1000000");
    static final BigDecimal HOT_STOCK = new BigDecimal("10000000");

    final List<String> many;
    final String hot;
    /** Received quantity per product id. */
    final Map<String, BigDecimal> received;
    final double seconds;

    private Fixture(List<String> many, String hot, Map<String, BigDecimal> received, double seconds) {
        this.many = many;
        this.hot = hot;
        this.received = received;
        this.seconds = seconds;
    }

    List<String> allProducts() {
        List<String> all = new ArrayList<>(many);
        all.add(hot);
        return all;
    }

    static Fixture create(KiranaApi api, int count, String runId, PrintStream out) {
        long t0 = System.nanoTime();
        String gw = api.gateway();
        ExecutorService pool = Executors.newFixedThreadPool(6, KiranaApi.daemon("bench-setup"));
        try {
            // 1. products (index == count is the hot one)
            List<Callable<String>> creates = new ArrayList<>();
            for (int i = 0; i <= count; i++) {
                int n = i;
                creates.add(() -> {
                    boolean isHot = n == count;
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("sku", "B" + runId + "-" + (isHot ? "HOT" : n));
                    body.put("name", isHot ? "Bench hot item" : "Bench item " + n);
                    body.put("hsn", "1701");
                    body.put("gstRate", "5");
                    body.put("sellingPrice", "48.00");
                    body.put("taxInclusive", true);
                    body.put("unit", "PCS");
                    KiranaApi.Response r = api.post(gw + "/api/v1/products", body);
                    if (r.status() != 201 || r.text("id") == null) {
                        throw new IllegalStateException("create product: HTTP " + r.status() + " " + r.raw());
                    }
                    return r.text("id");
                });
            }
            List<String> ids = all(pool, creates);
            out.printf("  created %d products in %.1f s%n", ids.size(), (System.nanoTime() - t0) / 1e9);

            // 2. stock: inventory knows a product once the catalog's event reached it; one key per product,
            //    so a retried receipt can never be booked twice
            Map<String, BigDecimal> received = Collections.synchronizedMap(new LinkedHashMap<>());
            List<Callable<String>> receipts = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                BigDecimal qty = i == count ? HOT_STOCK : MANY_STOCK;
                String key = "bench-" + runId + "-receipt-" + i;
                receipts.add(() -> {
                    retryUntil("receipt for " + id, 180, () -> {
                        KiranaApi.Response r = api.post(gw + "/api/v1/inventory/receipts",
                                Map.of("productId", id, "quantity", qty.toPlainString(), "unitCost", "40.00",
                                        "reason", "kirana bench"), "Idempotency-Key", key);
                        return r.status() == 201 || r.status() == 200 ? null : "HTTP " + r.status() + " " + r.raw();
                    });
                    received.put(id, qty);
                    return id;
                });
            }
            all(pool, receipts);
            out.printf("  received stock for %d products (%.1f s)%n", ids.size(), (System.nanoTime() - t0) / 1e9);

            // 3. sellable: order-service answers 400 until its catalog replica has the product
            List<Callable<String>> sells = new ArrayList<>();
            for (String id : ids) {
                sells.add(() -> {
                    retryUntil("a sellable " + id, 180, () -> {
                        Outcome o = api.placeOrder(gw, id, 10).get(60, TimeUnit.SECONDS);
                        return o.kind() == Outcome.Kind.CONFIRMED ? null : o.kind() + " " + o.httpStatus() + " " + o.detail();
                    });
                    return id;
                });
            }
            all(pool, sells);
            double seconds = (System.nanoTime() - t0) / 1e9;
            out.printf("  every product sells through the gateway (set-up took %.1f s)%n", seconds);
            return new Fixture(List.copyOf(ids.subList(0, count)), ids.get(count), Map.copyOf(received), seconds);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Calls {@code attempt} until it returns null (success); its non-null answer is the last reason for failing. */
    static void retryUntil(String what, int seconds, Callable<String> attempt) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String last;
        while (true) {
            last = attempt.call();
            if (last == null) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what + " after " + seconds + " s: " + last);
            }
            KiranaApi.sleep(300);
        }
    }

    private static <T> List<T> all(ExecutorService pool, List<Callable<T>> tasks) {
        try {
            List<Future<T>> futures = pool.invokeAll(tasks);
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException re ? re : new IllegalStateException(c.getMessage(), c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
