package dev.kirana.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.events.EventSchemaValidator;
import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.Topics;
import dev.kirana.inventory.lots.ExpiryWatch;
import dev.kirana.inventory.reservation.ReservationService;
import dev.kirana.inventory.stock.StockService;
import dev.kirana.messaging.InboxProcessor;
import dev.kirana.testing.KiranaServiceTest;
import dev.kirana.testing.TestInfrastructure;
import dev.kirana.testing.TopicProbe;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The daily expiry check announces each batch expiring within 30 days once a day, through the outbox. */
@KiranaServiceTest
class ExpiryWatchTest {
    @Autowired
    WebTestClient http;
    @Autowired
    DatabaseClient db;
    @Autowired
    InboxProcessor inbox;
    @Autowired
    ReservationService reservations;
    @Autowired
    StockService stock;
    @Autowired
    ExpiryWatch watch;

    @Test
    void eachBatchExpiringWithinThirtyDaysIsAnnouncedOncePerDay() {
        var api = new InventoryApi(http, db, inbox, reservations);
        LocalDate today = stock.today();
        String milk = api.product("MILK-1L", true, true, false, null, "Dairy");
        String bread = api.product("BREAD-400", true, true, false, null, "Bakery");
        api.receive(milk, "12", "52.00", "batchNo", "M-SOON", "expiryDate", today.plusDays(3).toString()).expectStatus().isCreated();
        api.receive(milk, "10", "52.00", "batchNo", "M-LATER", "expiryDate", today.plusDays(32).toString()).expectStatus().isCreated();
        api.receive(bread, "5", "30.00", "batchNo", "B-TODAY", "expiryDate", today.toString()).expectStatus().isCreated();

        try (var probe = new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(), Topics.INVENTORY)) {
            assertThat(watch.announce(today).block()).isGreaterThanOrEqualTo(2);
            assertThat(watch.announce(today).block()).isZero();   // the same day again: nothing twice
            // tomorrow the bread has expired (not "expiring"), the milk has 2 days left; M-LATER (32 days, then 31) is not within 30 yet
            assertThat(watch.announce(today.plusDays(1)).block()).isGreaterThanOrEqualTo(1);

            var validator = new EventSchemaValidator();
            List<CloudEvent> ours = probe.awaitUntil(rs -> rs.stream().map(KiranaEvents::fromRecord)
                            .filter(e -> EventTypes.STOCK_BATCH_EXPIRING.equals(e.getType()) && api.shop.equals(KiranaEvents.shopId(e))).count() >= 3,
                            Duration.ofSeconds(30)).stream().map(KiranaEvents::fromRecord)
                    .filter(e -> EventTypes.STOCK_BATCH_EXPIRING.equals(e.getType()) && api.shop.equals(KiranaEvents.shopId(e))).toList();
            ours.forEach(e -> assertThat(validator.validate(e)).as(e.getId()).isEmpty());
            List<String> data = ours.stream().map(e -> new String(e.getData().toBytes())).toList();
            assertThat(data).hasSize(3);
            assertThat(data).filteredOn(d -> d.contains("\"batchNo\":\"M-SOON\"") && d.contains("\"daysLeft\":3")
                    && d.contains("\"day\":\"" + today + "\"") && d.contains("\"remaining\":\"12.000\"") && d.contains("\"sku\":\"MILK-1L\"")).hasSize(1);
            assertThat(data).filteredOn(d -> d.contains("\"batchNo\":\"M-SOON\"") && d.contains("\"daysLeft\":2")
                    && d.contains("\"day\":\"" + today.plusDays(1) + "\"")).hasSize(1);
            assertThat(data).filteredOn(d -> d.contains("\"batchNo\":\"B-TODAY\"") && d.contains("\"daysLeft\":0")).hasSize(1);
            assertThat(data).noneMatch(d -> d.contains("M-LATER"));
        }
    }
}
