package dev.kirana.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.catalog.tax.TaxRateRollover;
import dev.kirana.catalog.tax.TaxRates;
import dev.kirana.events.CatalogEvents;
import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import java.time.Duration;
import java.util.UUID;
import dev.kirana.testing.TestClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@CatalogServiceTest
class TaxRateApiTest {
    @Autowired
    WebTestClient http;
    @Autowired
    TaxRateRollover rollover;
    @Autowired
    TaxRates rates;

    @Autowired
    TestClock clock;
    @Autowired
    DatabaseClient db;

    private final String shop = "shop-" + UUID.randomUUID();

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    private CatalogApi api() {
        return new CatalogApi(http, shop);
    }

    @Test
    void oldDatesOfSupplyKeepOldRates() {
        var api = api();
        String butter = (String) api.create(CatalogApi.product("BUTTER-500", "hsn", "04051000", "gstRate", "5",
                "sellingPrice", "285.00", "mrp", "290.00")).get("id");
        api.get("/api/v1/products/" + butter + "/tax-rate?date=2025-09-21").expectStatus().isOk().expectBody()
                .jsonPath("$.rate").isEqualTo("12").jsonPath("$.source").isEqualTo("SCHEDULE")
                .jsonPath("$.scheduleHsnPrefix").isEqualTo("0405");
        api.get("/api/v1/products/" + butter + "/tax-rate?date=2025-09-22").expectBody()
                .jsonPath("$.rate").isEqualTo("5").jsonPath("$.effectiveFrom").isEqualTo("2025-09-22");
        api.get("/api/v1/products/" + butter + "/tax-rate").expectBody().jsonPath("$.rate").isEqualTo("5")
                .jsonPath("$.date").isEqualTo("2026-12-01");
        api.get("/api/v1/products/" + butter + "/tax-rate?date=22-09-2025").expectStatus().isBadRequest();

        api.get("/api/v1/products/tax-rates?hsn=22021010&date=2025-09-01").expectStatus().isOk().expectBody()
                .jsonPath("$.rate.rate").isEqualTo("28").jsonPath("$.rate.cess").isEqualTo("12")
                .jsonPath("$.timeline.length()").isEqualTo(2);
        api.get("/api/v1/products/tax-rates?hsn=ab").expectStatus().isBadRequest();
    }

    @Test
    void aRateTheShopSetsDiffersFromTheScheduleOnlyFromItsDate() {
        var api = api();
        // biscuits at 18% (the pre-22-09-2025 rate) entered today: the shop's own rate from today
        String biscuits = (String) api.create(CatalogApi.product("BISC-1", "hsn", "1905", "gstRate", "18",
                "sellingPrice", "30.00", "mrp", "30.00")).get("id");
        api.get("/api/v1/products/" + biscuits + "/tax-rate").expectBody()
                .jsonPath("$.rate").isEqualTo("18.00").jsonPath("$.source").isEqualTo("PRODUCT")
                .jsonPath("$.productRates.length()").isEqualTo(1);
        api.get("/api/v1/products/" + biscuits + "/tax-rate?date=2025-10-01").expectBody()
                .jsonPath("$.rate").isEqualTo("5").jsonPath("$.source").isEqualTo("SCHEDULE");
        api.put("/api/v1/products/" + biscuits, "\"0\"", CatalogApi.product("BISC-1", "hsn", "1905", "gstRate", "5",
                        "gstRateEffectiveFrom", "2020-01-01", "sellingPrice", "30.00", "mrp", "30.00"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("gstRateEffectiveFrom");
    }

    @Test
    void aRateThatIsNoGstRateOnItsDayIsRefusedAndNothingIsWritten() {
        var api = api();
        // 17 % never was a rate; 12 % was one until 21-09-2025, not on 1 December 2026
        for (String rate : new String[] {"17", "12"}) {
            api.post("/api/v1/products", CatalogApi.product("ODD-" + rate, "hsn", "76151030", "gstRate", rate))
                    .expectStatus().isBadRequest().expectHeader().contentType("application/problem+json").expectBody()
                    .jsonPath("$.errors[0].field").isEqualTo("gstRate")
                    .jsonPath("$.errors[0].message").isEqualTo("is not a GST rate in force on 2026-12-01 (0, 0.1, 0.25, 1.5, 3, 5, 18, 40)");
        }
        api.get("/api/v1/products?q=ODD-").expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void theRatesInForceOnADayAreListedForTheCounterAndTheBackOffice() {
        var api = api();
        api.get("/api/v1/products/tax-rates/in-force").expectStatus().isOk().expectBody()
                .jsonPath("$.date").isEqualTo("2026-12-01")
                .jsonPath("$.rates").isEqualTo(List.of("0", "0.1", "0.25", "1.5", "3", "5", "18", "40"));
        api.get("/api/v1/products/tax-rates/in-force?date=2025-09-21").expectStatus().isOk().expectBody()
                .jsonPath("$.rates").isEqualTo(List.of("0", "0.1", "0.25", "1.5", "3", "5", "12", "18", "28"));
        api.get("/api/v1/products/tax-rates/in-force?date=21-09-2025").expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json");
    }

    @Test
    void aRateDatedLaterBecomesTheCurrentRateOnItsDayWithANewVersion() {
        var api = api();
        // today (December 2026) 12 % is no GST rate any more: the shop starts it at 18 % and moves it to 5 % in ten days
        String cooker = (String) api.create(CatalogApi.product("COOKER-3L", "hsn", "76151030", "gstRate", "18",
                "sellingPrice", "1800.00", "mrp", "2100.00")).get("id");
        String inTenDays = "2026-12-11";
        api.put("/api/v1/products/" + cooker, "\"0\"", CatalogApi.product("COOKER-3L", "hsn", "76151030", "gstRate", "5",
                        "gstRateEffectiveFrom", inTenDays, "sellingPrice", "1800.00", "mrp", "2100.00"))
                .expectStatus().isOk().expectBody().jsonPath("$.gstRate").isEqualTo("18.00").jsonPath("$.version").isEqualTo(0);
        api.get("/api/v1/products/" + cooker + "/tax-rate?date=" + inTenDays).expectBody().jsonPath("$.rate").isEqualTo("5.00");

        clock.set(Instant.parse("2026-12-10T18:35:00Z")); // 00:05 in India on 11 December, when the daily run starts
        assertThat(rollover.run(rates.today()).block(Duration.ofSeconds(30))).isGreaterThanOrEqualTo(1);
        assertThat(rollover.run(rates.today()).block(Duration.ofSeconds(30))).isZero();
        api.get("/api/v1/products/" + cooker).expectBody().jsonPath("$.gstRate").isEqualTo("5.00").jsonPath("$.version").isEqualTo(1);
        var events = CatalogApi.events(cooker, 2);
        assertThat(events.get(1).getType()).isEqualTo(EventTypes.PRODUCT_UPDATED);
        assertThat(KiranaEvents.data(events.get(1), CatalogEvents.ProductChanged.class).gstRate()).isEqualByComparingTo("5");
    }

    /**
     * The night the GST slabs changed: butter (HSN 0405) at 12 % until 21-09-2025 and 5 % from 22-09-2025. A product
     * created at 23:59 in India keeps 12 % for that day; the roll-over five minutes after midnight moves it to 5 %
     * (a new version), while the counter keeps asking for rates and every request is answered.
     */
    @Test
    void theRollOverJustAfterMidnightChangesTheRateWhileRequestsAreAnswered() {
        var api = api();
        clock.set(Instant.parse("2025-09-21T18:29:00Z")); // 23:59 IST, 21-09-2025
        String butter = (String) api.create(CatalogApi.product("BUTTER-100", "hsn", "04051000", "gstRate", "12",
                "sellingPrice", "62.00", "mrp", "62.00")).get("id");
        api.get("/api/v1/products/" + butter + "/tax-rate").expectBody()
                .jsonPath("$.date").isEqualTo("2025-09-21").jsonPath("$.rate").isEqualTo("12");
        db.sql("UPDATE tax_rate_rollover SET last_date = DATE '2025-09-21'").then().block(Duration.ofSeconds(30));

        clock.set(Instant.parse("2025-09-21T18:35:00Z")); // 00:05 IST, 22-09-2025: the scheduled run
        CompletableFuture<Integer> run = rollover.run(rates.today()).toFuture();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(api.get("/api/v1/products/tax-rates?hsn=04051000").expectBody().returnResult().getStatus().value());
            statuses.add(api.get("/api/v1/products/tax-rates?hsn=ab").expectBody().returnResult().getStatus().value());
        }
        assertThat(run.orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join()).isGreaterThanOrEqualTo(1);
        assertThat(statuses).hasSize(40).containsOnly(200, 400);

        api.get("/api/v1/products/" + butter).expectBody().jsonPath("$.gstRate").isEqualTo("5.00").jsonPath("$.version").isEqualTo(1);
        api.get("/api/v1/products/" + butter + "/tax-rate").expectBody()
                .jsonPath("$.date").isEqualTo("2025-09-22").jsonPath("$.rate").isEqualTo("5");
        api.get("/api/v1/products/" + butter + "/tax-rate?date=2025-09-21").expectBody().jsonPath("$.rate").isEqualTo("12");
    }
}
