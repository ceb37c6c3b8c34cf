package dev.kirana.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.inventory.reservation.ReservationService;
import dev.kirana.inventory.stock.Locations;
import dev.kirana.messaging.InboxProcessor;
import dev.kirana.testing.KiranaServiceTest;
import io.cloudevents.CloudEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * The sale path reads before it writes and writes several rows per statement: the default location is created once even
 * when a new shop's first sales race for it, an order placed again (under another event id) is reserved once, and an
 * order of several lines drawn from several lots is reserved and sold in full.
 */
@KiranaServiceTest
class SaleStatementsTest {
    @Autowired
    WebTestClient http;
    @Autowired
    ReservationService reservations;
    @Autowired
    InboxProcessor inbox;
    @Autowired
    DatabaseClient db;
    @Autowired
    Locations locations;
    @Autowired
    TransactionalOperator tx;

    @Test
    void theFirstSalesOfANewShopAtOnceAllFindItsOneDefaultLocation() {
        var api = new InventoryApi(http, db, inbox, reservations);
        String product = UUID.randomUUID().toString();
        List<String> orders = Flux.range(0, 8).map(i -> UUID.randomUUID().toString()).collectList().block();
        // the shop has never been used: no location yet; eight first sales race to create its counter
        List<Boolean> handled = Flux.fromIterable(orders)
                .flatMap(order -> {
                    CloudEvent e = KiranaEvents.event(EventTypes.ORDER_PLACED, "test", order, api.shop, api.placed(order, Map.of(product, "1")));
                    return inbox.process("test-first-sales", e, ev -> reservations.reserve(api.shop, api.placed(order, Map.of(product, "1"))))
                            .subscribeOn(Schedulers.parallel());
                }, 8)
                .collectList().block(Duration.ofSeconds(60));
        assertThat(handled).hasSize(8).containsOnly(true);

        List<UUID> defaults = db.sql("SELECT id FROM locations WHERE shop_id = :shop").bind("shop", api.shop)
                .map(r -> r.get("id", UUID.class)).all().collectList().block();
        assertThat(defaults).hasSize(1);
        List<Map<String, Object>> made = db.sql("SELECT location_id, status FROM reservations WHERE order_id = ANY (:orders)")
                .bind("orders", orders.toArray(String[]::new))
                .map(r -> Map.<String, Object>of("location", r.get("location_id", UUID.class), "status", r.get("status", String.class)))
                .all().collectList().block();
        // nothing is stocked, so every order is rejected, each at the one counter
        assertThat(made).hasSize(8).allSatisfy(m -> {
            assertThat(m.get("location")).isEqualTo(defaults.get(0));
            assertThat(m.get("status")).isEqualTo("REJECTED");
        });
    }

    @Test
    void concurrentTransactionsOfANewShopCreateOneDefaultLocation() {
        for (int round = 0; round < 5; round++) {
            String shop = "shop-" + UUID.randomUUID();
            List<UUID> found = Flux.range(0, 6)
                    .flatMap(i -> tx.transactional(locations.defaultLocation(shop)).subscribeOn(Schedulers.parallel()), 6)
                    .collectList().block(Duration.ofSeconds(30));
            assertThat(found).hasSize(6);
            assertThat(found.stream().distinct().toList()).hasSize(1);
            assertThat(db.sql("SELECT count(*) AS n FROM locations WHERE shop_id = :shop AND is_default").bind("shop", shop)
                    .map(r -> r.get("n", Long.class)).one().block()).isEqualTo(1L);
            // the next use reads it
            assertThat(tx.transactional(locations.defaultLocation(shop)).block()).isEqualTo(found.get(0));
        }
    }

    @Test
    void anOrderPlacedAgainIsReservedOnceAndEveryLineIsSoldFromItsLots() {
        var api = new InventoryApi(http, db, inbox, reservations);
        String a = api.product("ST-A");
        String b = api.product("ST-B");
        api.receive(a, "5", "10.00").expectStatus().isCreated();
        api.receive(a, "5", "12.00").expectStatus().isCreated();
        api.receive(b, "3", "20.00").expectStatus().isCreated();

        String order = UUID.randomUUID().toString();
        Map<String, String> lines = Map.of(a, "7", b, "2");
        // the same order.placed three times at once, each under its own event id: each is handled, one reserves
        List<Boolean> handled = Flux.range(0, 3)
                .flatMap(i -> {
                    CloudEvent e = KiranaEvents.event(EventTypes.ORDER_PLACED, "test", order, api.shop, api.placed(order, lines));
                    return inbox.process("test-orders", e, ev -> reservations.reserve(api.shop, api.placed(order, lines)))
                            .subscribeOn(Schedulers.parallel());
                }, 3)
                .collectList().block(Duration.ofSeconds(60));
        assertThat(handled).hasSize(3).containsOnly(true);
        // and once more later
        assertThat(api.reserve(order, lines)).isTrue();
        assertThat(decimal(api.level(a, null).get("reserved"))).isEqualByComparingTo("7");
        assertThat(decimal(api.level(b, null).get("reserved"))).isEqualByComparingTo("2");
        assertThat(db.sql("SELECT count(*) AS n FROM reservation_lines WHERE order_id = :o").bind("o", order)
                .map(r -> r.get("n", Long.class)).one().block()).isEqualTo(2L);

        api.commit(order);
        api.commit(order);   // a replayed confirmation sells nothing twice
        assertThat(decimal(api.level(a, null).get("onHand"))).isEqualByComparingTo("3");
        assertThat(decimal(api.level(a, null).get("reserved"))).isEqualByComparingTo("0");
        assertThat(decimal(api.level(b, null).get("onHand"))).isEqualByComparingTo("1");
        assertThat(decimal(api.level(b, null).get("reserved"))).isEqualByComparingTo("0");
        // the sale of a drew on both its lots, first in first: all of the first, two of the second
        List<String> drawn = db.sql("""
                        SELECT ll.quantity, ll.unit_cost FROM stock_ledger_lots ll JOIN stock_ledger g ON g.id = ll.ledger_id
                        WHERE g.shop_id = :shop AND g.product_id = :p AND g.movement = 'SALE' ORDER BY ll.lot_id""")
                .bind("shop", api.shop).bind("p", a)
                .map(r -> r.get("quantity", BigDecimal.class).stripTrailingZeros().toPlainString() + "@"
                        + r.get("unit_cost", BigDecimal.class).stripTrailingZeros().toPlainString())
                .all().collectList().block();
        assertThat(drawn).containsExactly("5@10", "2@12");
        assertThat(db.sql("SELECT status FROM reservations WHERE order_id = :o").bind("o", order)
                .map(r -> r.get("status", String.class)).one().block()).isEqualTo("COMMITTED");
        assertThat(api.consistent()).isTrue();
    }

    private static BigDecimal decimal(Object value) {
        return new BigDecimal(String.valueOf(value));
    }
}
