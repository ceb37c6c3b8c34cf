package dev.kirana.accounting.chart;

import static dev.kirana.accounting.BooksTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.events.AccountingEvents;
import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.ShopEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.KiranaServiceTest;
import dev.kirana.testing.TopicProbe;
import io.cloudevents.CloudEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@KiranaServiceTest
class ChartOfAccountsTest {
    @Autowired
    WebTestClient http;

    @Test
    void aNewShopGetsTheStandardChartAndPartnersSeeEachAccount() {
        String shop = newShop();
        try (TopicProbe probe = accountingProbe()) {
            publish(Topics.SHOP, shop, shop, EventTypes.SHOP_CREATED,
                    new ShopEvents.ShopCreated(shop, "Sharma Kirana", "29", null, "INR", "REGULAR", "u-owner"));
            List<CloudEvent> created = published(probe, shop, EventTypes.ACCOUNT_CREATED, l -> l.size() >= StandardChart.accounts().size());
            assertThat(created).hasSize(StandardChart.accounts().size());
            AccountingEvents.AccountCreated cash = created.stream().map(e -> KiranaEvents.data(e, AccountingEvents.AccountCreated.class))
                    .filter(a -> a.code().equals("1000")).findFirst().orElseThrow();
            assertThat(cash).isEqualTo(new AccountingEvents.AccountCreated("1000", "Cash in hand", "ASSET", "Cash-in-Hand", null, true, null));
        }
        http.get().uri("/api/v1/accounting/accounts").headers(h -> h.setBearerAuth(owner(shop))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(StandardChart.accounts().size())
                .jsonPath("$[0].code").isEqualTo("1000")
                .jsonPath("$[?(@.code=='1200')].name").isEqualTo("Inventory")
                .jsonPath("$[?(@.code=='2100')].groupName").isEqualTo("Duties & Taxes")
                .jsonPath("$[?(@.code=='2100')].type").isEqualTo("LIABILITY");
    }

    @Test
    void customAccountsHaveUniqueCodesAndOnlyUnusedOnesAreDeleted() {
        String shop = newShop();
        String manager = token(shop, "MANAGER");
        try (TopicProbe probe = accountingProbe()) {
            http.post().uri("/api/v1/accounting/accounts").headers(h -> h.setBearerAuth(manager)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("code", "1051", "name", "HDFC current account 4411", "type", "ASSET", "parentCode", "1050"))
                    .exchange().expectStatus().isCreated()
                    .expectHeader().valueEquals("Location", "/api/v1/accounting/accounts/1051")
                    .expectBody().jsonPath("$.group").isEqualTo("BANK_ACCOUNTS").jsonPath("$.standard").isEqualTo(false);
            List<CloudEvent> events = published(probe, shop, EventTypes.ACCOUNT_CREATED,
                    l -> l.stream().anyMatch(e -> "1051".equals(e.getSubject())));
            assertThat(events.stream().filter(e -> "1051".equals(e.getSubject())).map(e -> KiranaEvents.data(e, AccountingEvents.AccountCreated.class)))
                    .containsExactly(new AccountingEvents.AccountCreated("1051", "HDFC current account 4411", "ASSET", "Bank Accounts", "1050",
                            false, "u-manager"));
        }
        // the same code again
        http.post().uri("/api/v1/accounting/accounts").headers(h -> h.setBearerAuth(manager)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", "1051", "name", "Another", "type", "ASSET"))
                .exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("1051"));
        // a sub-account of a bank account must be an asset; no type at all; a parent that does not exist
        http.post().uri("/api/v1/accounting/accounts").headers(h -> h.setBearerAuth(manager)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", "1052", "name", "Overdraft", "type", "LIABILITY", "parentCode", "1050"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("type");
        http.post().uri("/api/v1/accounting/accounts").headers(h -> h.setBearerAuth(manager)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", "5391", "name", "Tea for staff"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("type");
        http.post().uri("/api/v1/accounting/accounts").headers(h -> h.setBearerAuth(manager)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", "1053", "name", "SBI savings", "type", "ASSET", "parentCode", "1099"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("parentCode");
        // an expense account of the shop's own: under Indirect Expenses unless told otherwise
        http.post().uri("/api/v1/accounting/accounts").headers(h -> h.setBearerAuth(manager)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", "5391", "name", "Tea for staff", "type", "EXPENSE"))
                .exchange().expectStatus().isCreated().expectBody().jsonPath("$.groupName").isEqualTo("Indirect Expenses");

        // standard accounts stay; a parent with a sub-account stays; an unused custom account goes
        http.delete().uri("/api/v1/accounting/accounts/1000").headers(h -> h.setBearerAuth(manager)).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo("https://kirana.dev/problems/conflict");
        http.delete().uri("/api/v1/accounting/accounts/1051").headers(h -> h.setBearerAuth(manager)).exchange()
                .expectStatus().isNoContent().expectBody().isEmpty();
        http.delete().uri("/api/v1/accounting/accounts/1051").headers(h -> h.setBearerAuth(manager)).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.status").isEqualTo(404);
        http.get().uri("/api/v1/accounting/accounts/5391").headers(h -> h.setBearerAuth(manager)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo("Tea for staff");
    }

    @Test
    void cashiersDoNotReadTheChartAndAuditorsDoNotChangeIt() {
        String shop = newShop();
        http.get().uri("/api/v1/accounting/accounts").headers(h -> h.setBearerAuth(token(shop, "CASHIER"))).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.type").isEqualTo("https://kirana.dev/problems/forbidden");
        http.get().uri("/api/v1/accounting/accounts").headers(h -> h.setBearerAuth(token(shop, "AUDITOR"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(StandardChart.accounts().size());
        http.post().uri("/api/v1/accounting/accounts").headers(h -> h.setBearerAuth(token(shop, "AUDITOR"))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", "5391", "name", "Tea", "type", "EXPENSE"))
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.status").isEqualTo(403);
        http.delete().uri("/api/v1/accounting/accounts/5900").headers(h -> h.setBearerAuth(token(shop, "CASHIER"))).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.status").isEqualTo(403);
    }
}
