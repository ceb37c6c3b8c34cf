package dev.kirana.gateway;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway on a random port in front of a real stub HTTP server (and a port where nothing listens, for
 * inventory-service), trusting two real test issuers. One Spring context for every test class extending this.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
abstract class GatewayTest {
    static final TestIssuers issuers = TestIssuers.INSTANCE;
    static final StubServices stub = StubServices.INSTANCE;

    @Autowired
    WebTestClient http;

    @DynamicPropertySource
    static void edge(DynamicPropertyRegistry registry) {
        issuers.properties().forEach((k, v) -> registry.add(k, () -> v));
        for (String service : new String[]{"AUTH", "CATALOG", "ORDER", "ACCOUNTING", "REPORTING"}) {
            registry.add("KIRANA_" + service + "_SERVICE_URL", () -> stub.url);
        }
        registry.add("KIRANA_INVENTORY_SERVICE_URL", () -> stub.downUrl);
        registry.add("KIRANA_GATEWAY_MAX_REQUEST_SIZE", () -> "64KB");
        // the "ingress" of TrustedProxyTest connects from 127.0.0.2; every other test's client (127.0.0.1) is not trusted
        registry.add("KIRANA_TRUSTED_PROXIES", () -> "127.0.0.2/32, 2001:db8:ffff::/48");
        // anonymous buckets keep their burst (50) but refill slowly, so a burst empties one even on a busy machine
        registry.add("KIRANA_RATE_LIMIT_ANONYMOUS_RATE", () -> "1");
        registry.add("KIRANA_RATE_LIMIT_REPORTS_USER_RATE", () -> "1");
        registry.add("KIRANA_RATE_LIMIT_REPORTS_USER_BURST", () -> "3");
        registry.add("kirana.gateway.resilience.catalog-service.timeout", () -> "1s");
        registry.add("kirana.gateway.resilience.accounting-service.minimum-calls", () -> "2");
        registry.add("kirana.gateway.resilience.accounting-service.sliding-window-size", () -> "2");
        registry.add("kirana.gateway.resilience.accounting-service.open-for", () -> "60s");
    }
}
