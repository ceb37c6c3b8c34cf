package dev.kirana.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.inventory.reservation.ReservationService;
import dev.kirana.messaging.InboxProcessor;
import dev.kirana.testing.KiranaServiceTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A randomized concurrent workload on a few products and two locations — receipts, sales through the saga,
 * cancelled orders, adjustments and transfers, twelve at a time — ends with the ledger, the lots and the
 * stock levels in agreement, nothing negative, nothing left reserved, and every product's stock equal to
 * what the accepted operations add up to, and the lot moves of the published events summing to each lot's remaining
 * quantity. The plan is seeded (the same every run); the interleaving is not.
 */
@KiranaServiceTest
class RandomWorkloadTest {
    static final int OPERATIONS = 240;
    static final long SEED = 20260401L;

    @Autowired
    WebTestClient http;
    @Autowired
    DatabaseClient db;
    @Autowired
    InboxProcessor inbox;
    @Autowired
    ReservationService reservations;

    enum Kind { RECEIPT, SALE, CANCEL, ADJUSTMENT, TRANSFER }

    record Op(Kind kind, String product, String otherProduct, String from, String to, int quantity, int otherQuantity, String cost,
              String reason) {
    }

    @Test
    void aRandomConcurrentWorkloadLeavesLedgerLotsAndLevelsInAgreement() {
        var api = new InventoryApi(http, db, inbox, reservations);
        List<String> products = new ArrayList<>(List.of(api.product("W-ATTA"), api.product("W-DAL", true, false, false, "15", null),
                api.product("W-OIL")));
        Collections.sort(products);
        String counter = (String) ((Map<?, ?>) api.get("/api/v1/inventory/locations").expectBody(List.class).returnResult().getResponseBody().get(0)).get("id");
        String godown = (String) api.json(api.post("/api/v1/inventory/locations", Map.of("code", "W-GODOWN", "name", "Godown", "kind", "GODOWN")), 201).get("id");
        List<String> locations = List.of(counter, godown);

        Map<String, BigDecimal> expected = new ConcurrentHashMap<>();
        for (String p : products) {
            api.receive(p, "30", "100.00", "locationId", counter).expectStatus().isCreated();
            api.receive(p, "20", "110.00", "locationId", godown).expectStatus().isCreated();
            expected.put(p, new BigDecimal("50"));
        }

        Random rnd = new Random(SEED);
        List<Op> plan = new ArrayList<>();
        for (int i = 0; i < OPERATIONS; i++) {
            int roll = rnd.nextInt(100);
            Kind kind = roll < 15 ? Kind.RECEIPT : roll < 50 ? Kind.SALE : roll < 62 ? Kind.CANCEL : roll < 77 ? Kind.ADJUSTMENT : Kind.TRANSFER;
            String p = products.get(rnd.nextInt(products.size()));
            String q = products.get(rnd.nextInt(products.size()));
            int from = rnd.nextInt(2);
            plan.add(new Op(kind, p, q, locations.get(from), locations.get(1 - from), 1 + rnd.nextInt(6), 1 + rnd.nextInt(4),
                    (90 + rnd.nextInt(40)) + "." + (10 + rnd.nextInt(90)), rnd.nextBoolean() ? "DAMAGE" : "CORRECTION"));
        }

        Map<Kind, AtomicInteger> accepted = new TreeMap<>();
        Map<Kind, AtomicInteger> refused = new TreeMap<>();
        for (Kind k : Kind.values()) {
            accepted.put(k, new AtomicInteger());
            refused.put(k, new AtomicInteger());
        }
        List<String> failures = Collections.synchronizedList(new ArrayList<>());

        Flux.fromIterable(plan)
                .flatMap(op -> Mono.fromRunnable(() -> {
                    try {
                        boolean ok = run(api, op, expected, failures);
                        (ok ? accepted : refused).get(op.kind()).incrementAndGet();
                    } catch (Throwable e) {
                        failures.add(op + ": " + e);
                    }
                }).subscribeOn(Schedulers.boundedElastic()), 12)
                .then().block(Duration.ofMinutes(5));

        assertThat(failures).isEmpty();
        for (Kind k : Kind.values()) {
            assertThat(accepted.get(k).get()).as("accepted %s", k).isPositive();
        }
        assertThat(refused.get(Kind.SALE).get() + refused.get(Kind.TRANSFER).get() + refused.get(Kind.ADJUSTMENT).get())
                .as("the plan runs some operations into empty shelves").isPositive();

        assertThat(api.consistent()).isTrue();
        // every movement was published with the lots it changed: by the events alone, each lot holds what it does here
        long movements = api.ledgerRows();
        var events = api.shopEvents(es -> InventoryApi.movements(es) >= movements);
        assertThat(InventoryApi.movements(events)).isEqualTo(movements);
        Map<String, BigDecimal> fromEvents = InventoryApi.lotTotals(events);
        Map<String, BigDecimal> stored = api.storedLots();
        assertThat(fromEvents.keySet()).isEqualTo(stored.keySet());
        stored.forEach((lot, remaining) -> assertThat(fromEvents.get(lot)).as("lot %s", lot).isEqualByComparingTo(remaining));
        for (String p : products) {
            var totals = db.sql("""
                            SELECT sum(on_hand) AS on_hand, min(on_hand) AS min_on_hand, sum(reserved) AS reserved, min(reserved) AS min_reserved,
                                   (SELECT sum(quantity) FROM stock_ledger WHERE shop_id = :shop AND product_id = :p) AS ledger
                            FROM stock_levels WHERE shop_id = :shop AND product_id = :p""")
                    .bind("shop", api.shop).bind("p", p)
                    .map(r -> Map.of("onHand", r.get("on_hand", BigDecimal.class), "min", r.get("min_on_hand", BigDecimal.class),
                            "reserved", r.get("reserved", BigDecimal.class), "minReserved", r.get("min_reserved", BigDecimal.class),
                            "ledger", r.get("ledger", BigDecimal.class)))
                    .one().block();
            assertThat(totals.get("onHand")).as("on hand of %s", p).isEqualByComparingTo(expected.get(p));
            assertThat(totals.get("ledger")).as("ledger of %s", p).isEqualByComparingTo(expected.get(p));
            assertThat(totals.get("min")).isGreaterThanOrEqualTo(BigDecimal.ZERO);
            assertThat(totals.get("reserved")).as("nothing left reserved").isEqualByComparingTo("0");
        }
    }

    /** @return true when the operation was applied, false when it was refused for want of stock */
    private static boolean run(InventoryApi api, Op op, Map<String, BigDecimal> expected, List<String> failures) {
        switch (op.kind()) {
            case RECEIPT -> {
                int status = api.receive(op.product(), Integer.toString(op.quantity()), op.cost(), "locationId", op.from())
                        .returnResult(String.class).getStatus().value();
                return outcome(op, status, api, expected, op.product(), op.quantity(), failures);
            }
            case SALE, CANCEL -> {
                String order = UUID.randomUUID().toString();
                Map<String, String> lines = new TreeMap<>();
                lines.merge(op.product(), Integer.toString(op.quantity()), (a, b) -> a);
                if (op.kind() == Kind.SALE && !op.otherProduct().equals(op.product())) {
                    lines.put(op.otherProduct(), Integer.toString(op.otherQuantity()));
                }
                if (!api.reserve(order, lines)) {
                    return false;
                }
                if (op.kind() == Kind.CANCEL) {
                    api.release(order);
                    return true;
                }
                api.commit(order);
                lines.forEach((p, q) -> expected.merge(p, new BigDecimal(q).negate(), BigDecimal::add));
                return true;
            }
            case ADJUSTMENT -> {
                int change = "DAMAGE".equals(op.reason()) ? -op.quantity() : (op.quantity() % 2 == 0 ? op.quantity() : -op.quantity());
                int status = api.post("/api/v1/inventory/adjustments", Map.of("productId", op.product(), "locationId", op.from(),
                        "reason", op.reason(), "quantity", Integer.toString(change))).returnResult(String.class).getStatus().value();
                return outcome(op, status, api, expected, op.product(), change, failures);
            }
            case TRANSFER -> {
                int status = api.post("/api/v1/inventory/transfers", Map.of("fromLocationId", op.from(), "toLocationId", op.to(),
                                "lines", List.of(Map.of("productId", op.product(), "quantity", Integer.toString(op.quantity())))))
                        .returnResult(String.class).getStatus().value();
                return outcome(op, status, api, expected, op.product(), 0, failures);
            }
            default -> throw new IllegalStateException();
        }
    }

    private static boolean outcome(Op op, int status, InventoryApi api, Map<String, BigDecimal> expected, String product, int change,
                                   List<String> failures) {
        if (status == 201) {
            expected.merge(product, BigDecimal.valueOf(change), BigDecimal::add);
            return true;
        }
        if (status != 422) {
            failures.add(op + " answered " + status);
        }
        return false;
    }
}
