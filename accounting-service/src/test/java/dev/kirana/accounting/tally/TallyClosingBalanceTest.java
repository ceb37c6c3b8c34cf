package dev.kirana.accounting.tally;

import static dev.kirana.accounting.BooksTestSupport.newShop;
import static dev.kirana.accounting.BooksTestSupport.owner;
import static dev.kirana.accounting.BooksTestSupport.problem;
import static dev.kirana.accounting.BooksTestSupport.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.kirana.testing.KiranaServiceTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Closing balances from a shop's Tally, played by an HTTP server in this JVM that reads Tally's export request and
 * answers as Tally does (an ENVELOPE with STATUS 1 and the ledger's CLOSINGBALANCE, a debit balance negative) — or
 * slowly, or with malformed XML, or with a LINEERROR, or not at all (its port closed).
 */
@KiranaServiceTest
@TestPropertySource(properties = "kirana.tally.allow-private-addresses=true")
class TallyClosingBalanceTest {
    static final String COMPANY = "Sri Lakshmi Stores 2026-27";

    enum Mode { OK, SLOW, MALFORMED, LINEERROR }

    @Autowired
    WebTestClient http;
    @Autowired
    DatabaseClient db;

    HttpServer tally;
    final AtomicReference<Mode> mode = new AtomicReference<>(Mode.OK);
    final AtomicInteger calls = new AtomicInteger();
    /** What Tally holds: Sharma Traders (a supplier) 8,715.00 Cr, which Tally writes positive; Cash 12,345.50 Dr, negative. */
    final Map<String, String> balances = Map.of("Sharma Traders", "8715.00", "Cash", "-12345.50");

    @AfterEach
    void stop() {
        if (tally != null) {
            tally.stop(0);
        }
    }

    /** Starts the fake Tally; returns its URL. */
    String startTally() throws IOException {
        tally = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        tally.setExecutor(Executors.newCachedThreadPool());
        tally.createContext("/", exchange -> {
            calls.incrementAndGet();
            byte[] request = exchange.getRequestBody().readAllBytes();
            String answer;
            try {
                answer = answer(request);
            } catch (Exception e) {
                answer = "<ENVELOPE><HEADER><VERSION>1</VERSION><STATUS>0</STATUS></HEADER><BODY><DATA><LINEERROR>" + e.getMessage()
                        + "</LINEERROR></DATA></BODY></ENVELOPE>";
            }
            if (mode.get() == Mode.SLOW) {
                try {
                    Thread.sleep(6000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);   // Tally answers 200 even for an error
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            } catch (IOException e) {
                // the caller gave up on a slow answer
            }
        });
        tally.start();
        return "http://127.0.0.1:" + tally.getAddress().getPort();
    }

    /** Tally's answer to an export request for a ledger object, checked to be one. */
    String answer(byte[] request) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(request));
        Element root = doc.getDocumentElement();
        if (!"Export".equals(TallyXmlTest.text(root, "TALLYREQUEST")) || !"Object".equals(TallyXmlTest.text(root, "TYPE"))
                || !"Ledger".equals(TallyXmlTest.text(root, "SUBTYPE")) || !COMPANY.equals(TallyXmlTest.text(root, "SVCURRENTCOMPANY"))
                || !"ClosingBalance".equals(doc.getElementsByTagName("FETCH").item(1).getTextContent())) {
            throw new IllegalArgumentException("not a ledger export request");
        }
        String ledger = TallyXmlTest.text(root, "ID");
        return switch (mode.get()) {
            case MALFORMED -> "<ENVELOPE><HEADER><STATUS>1</STATUS></HEADER><BODY><DATA><LEDGER NAME=\"" + ledger + "\"><CLOSINGBALANCE>";
            case LINEERROR -> "<ENVELOPE><HEADER><VERSION>1</VERSION><STATUS>0</STATUS></HEADER><BODY><DATA><LINEERROR>Could not find Company '"
                    + COMPANY + "'</LINEERROR></DATA></BODY></ENVELOPE>";
            default -> Optional.ofNullable(balances.get(ledger)).map(b -> """
                    <ENVELOPE><HEADER><VERSION>1</VERSION><STATUS>1</STATUS></HEADER><BODY><DESC></DESC><DATA><TALLYMESSAGE>
                    <LEDGER NAME="%s" RESERVEDNAME=""><NAME.LIST TYPE="String"><NAME>%s</NAME></NAME.LIST>
                    <CLOSINGBALANCE TYPE="Amount">%s</CLOSINGBALANCE></LEDGER></TALLYMESSAGE></DATA></BODY></ENVELOPE>"""
                    .formatted(ledger, ledger, b)).orElseThrow(() -> new IllegalArgumentException("Could not find Ledger '" + ledger + "'"));
        };
    }

    void configure(String shop, String url) {
        http.put().uri("/api/v1/accounting/tally/settings").headers(h -> h.setBearerAuth(owner(shop)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("url", url, "company", COMPANY))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.company").isEqualTo(COMPANY);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> balance(String shop, String ledger) {
        return http.get().uri("/api/v1/accounting/tally/ledgers/{name}/closing-balance", ledger).headers(h -> h.setBearerAuth(owner(shop)))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    WebTestClient.ResponseSpec balanceCall(String shop, String ledger) {
        return http.get().uri("/api/v1/accounting/tally/ledgers/{name}/closing-balance", ledger).headers(h -> h.setBearerAuth(owner(shop))).exchange();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> cache(String shop) {
        return http.get().uri("/api/v1/accounting/tally/cache").headers(h -> h.setBearerAuth(owner(shop)))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    /** Makes the cached balance of {@code ledger} {@code minutes} old. */
    void age(String shop, String ledger, int minutes) {
        db.sql("UPDATE tally_balances SET fetched_at = now() - make_interval(mins => :m) WHERE shop_id = :shop AND ledger = :ledger")
                .bind("m", minutes).bind("shop", shop).bind("ledger", ledger).fetch().rowsUpdated().block();
    }

    static long ageSeconds(Map<String, Object> b) {
        return ((Number) b.get("ageSeconds")).longValue();
    }

    @Test
    void aFreshBalanceIsAskedOnceAndServedFromTheCacheForTwoHours() throws IOException {
        String shop = newShop();
        String url = startTally();
        configure(shop, url);
        // the settings change is on the audit trail: none before, the URL and company after
        assertThat(dev.kirana.accounting.BooksTestSupport.audit(db, shop)).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("settings.changed");
            assertThat(a.entityType()).isEqualTo("tally-settings");
            assertThat(a.before()).isNull();
            assertThat(a.after().get("url").asString()).isEqualTo(url);
            assertThat(a.after().get("company").asString()).isEqualTo(COMPANY);
        });

        Map<String, Object> first = balance(shop, "Sharma Traders");
        // Tally's 8715.00 (a credit) is -8715.00 here, Cr
        assertThat(first).containsEntry("ledger", "Sharma Traders").containsEntry("closingBalance", "-8715.00").containsEntry("side", "Cr")
                .containsEntry("stale", false).containsEntry("source", "TALLY");
        assertThat(ageSeconds(first)).isZero();
        assertThat(calls).hasValue(1);
        // Tally's -12345.50 is a debit: 12345.50 Dr
        assertThat(balance(shop, "Cash")).containsEntry("closingBalance", "12345.50").containsEntry("side", "Dr");
        assertThat(calls).hasValue(2);

        // within two hours: the cache, Tally not asked again
        Map<String, Object> again = balance(shop, "Sharma Traders");
        assertThat(again).containsEntry("source", "CACHE").containsEntry("stale", false).containsEntry("closingBalance", "-8715.00");
        age(shop, "Sharma Traders", 119);
        Map<String, Object> nearlyTwoHours = balance(shop, "Sharma Traders");
        assertThat(nearlyTwoHours).containsEntry("source", "CACHE").containsEntry("stale", false);
        assertThat(ageSeconds(nearlyTwoHours)).isBetween(119 * 60L, 119 * 60L + 30);
        assertThat(calls).hasValue(2);

        // past two hours: asked again
        age(shop, "Sharma Traders", 121);
        assertThat(balance(shop, "Sharma Traders")).containsEntry("source", "TALLY").containsEntry("stale", false);
        assertThat(calls).hasValue(3);

        Map<String, Object> cache = cache(shop);
        assertThat(cache).containsEntry("configured", true).containsEntry("circuitState", "CLOSED").containsEntry("ttlSeconds", 7200)
                .containsEntry("timeoutMillis", 3000);
        assertThat((List<Map<String, Object>>) (List<?>) cache.get("entries")).extracting(e -> e.get("ledger") + " " + e.get("closingBalance")
                + " " + e.get("fresh")).containsExactly("Cash 12345.50 true", "Sharma Traders -8715.00 true");

        // another shop's Tally is its own: nothing configured, nothing cached
        String other = newShop();
        problem(balanceCall(other, "Sharma Traders"), 409, "tally-not-configured");
        assertThat(cache(other)).containsEntry("configured", false).containsEntry("entries", List.of());
    }

    @Test
    void whenTallyIsDownTheCachedValueIsServedStaleWithItsAge() throws IOException {
        String shop = newShop();
        configure(shop, startTally());
        assertThat(balance(shop, "Sharma Traders")).containsEntry("source", "TALLY");
        age(shop, "Sharma Traders", 180);
        tally.stop(0);   // connection refused from now on
        tally = null;

        Map<String, Object> stale = balance(shop, "Sharma Traders");
        assertThat(stale).containsEntry("stale", true).containsEntry("source", "CACHE").containsEntry("closingBalance", "-8715.00");
        // three hours old: 3 x 3600 = 10800 seconds
        assertThat(ageSeconds(stale)).isBetween(10800L, 10830L);
        List<?> entries = (List<?>) cache(shop).get("entries");
        assertThat(((Map<?, ?>) entries.get(0)).get("fresh")).isEqualTo(false);
    }

    @Test
    void aSlowTallyIsCutOffAtTheTimeLimitAndTheCachedValueServed() throws IOException {
        String shop = newShop();
        configure(shop, startTally());
        assertThat(balance(shop, "Cash")).containsEntry("source", "TALLY");
        age(shop, "Cash", 150);
        mode.set(Mode.SLOW);

        long started = System.nanoTime();
        Map<String, Object> stale = balance(shop, "Cash");
        long took = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertThat(stale).containsEntry("stale", true).containsEntry("closingBalance", "12345.50");
        // the time limit is 3 s; Tally would have taken 6
        assertThat(took).isBetween(2900L, 5500L);
    }

    @Test
    void malformedOrErrorAnswersServeTheCachedValue() throws IOException {
        String shop = newShop();
        configure(shop, startTally());
        assertThat(balance(shop, "Sharma Traders")).containsEntry("source", "TALLY");
        age(shop, "Sharma Traders", 130);

        mode.set(Mode.MALFORMED);
        assertThat(balance(shop, "Sharma Traders")).containsEntry("stale", true).containsEntry("closingBalance", "-8715.00");
        // Tally's errors come with HTTP 200: the body is read, and a LINEERROR is a failure too
        mode.set(Mode.LINEERROR);
        assertThat(balance(shop, "Sharma Traders")).containsEntry("stale", true).containsEntry("source", "CACHE");
        assertThat(calls).hasValue(3);
        // a ledger Tally does not know, with nothing cached: 503
        mode.set(Mode.OK);
        problem(balanceCall(shop, "Nobody"), 503, "Could not find Ledger");
    }

    @Test
    void repeatedFailuresOpenTheCircuitAndWithNothingCachedItIs503() throws IOException {
        String shop = newShop();
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        configure(shop, "http://127.0.0.1:" + closedPort);

        // nothing cached and Tally down: 503 tally-unavailable, as problem+json
        for (int i = 0; i < 4; i++) {
            balanceCall(shop, "Cash").expectStatus().isEqualTo(503)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("https://kirana.dev/problems/tally-unavailable");
        }
        // four calls, all failed (at least 4 calls, 50 % failed): the circuit is open
        Map<String, Object> cache = cache(shop);
        assertThat(cache).containsEntry("circuitState", "OPEN").containsEntry("failedCalls", 4).containsEntry("failureRate", "100.0");
        problem(balanceCall(shop, "Cash"), 503, "circuit to Tally is open");

        // new settings close it again
        configure(shop, startTally());
        assertThat(cache(shop)).containsEntry("circuitState", "CLOSED");
        assertThat(balance(shop, "Cash")).containsEntry("source", "TALLY");
    }

    @Test
    void badInputIsAProblemAndOnlyTheOwnerSetsTally() {
        String shop = newShop();
        problem(put(shop, "OWNER", Map.of("url", "ftp://tally.example.in", "company", COMPANY)), 400, "http or https");
        problem(put(shop, "OWNER", Map.of("url", "http://tally.example.in:9000")), 400, "company");
        problem(put(shop, "OWNER", Map.of("url", "http://tally.example.in:9000", "company", "x".repeat(201))), 400, "at most 200");
        problem(put(shop, "OWNER", Map.of("url", 42, "company", COMPANY)), 400, "");
        problem(put(shop, "MANAGER", Map.of("url", "http://tally.example.in:9000", "company", COMPANY)), 403, "");
        problem(put(shop, "AUDITOR", Map.of("url", "http://tally.example.in:9000", "company", COMPANY)), 403, "");
        problem(http.get().uri("/api/v1/accounting/tally/settings").headers(h -> h.setBearerAuth(owner(shop))).exchange(), 404, "no Tally settings");
        problem(balanceCall(shop, "x".repeat(201)), 400, "at most 200");
        problem(balanceCall(shop, "   "), 400, "required");
        problem(http.get().uri("/api/v1/accounting/tally/cache").headers(h -> h.setBearerAuth(token(shop, "CASHIER"))).exchange(), 403, "");
        // nothing was written, nor recorded
        assertThat(db.sql("SELECT count(*) AS n FROM tally_settings WHERE shop_id = :shop").bind("shop", shop)
                .map(r -> r.get("n", Long.class)).one().block()).isZero();
        assertThat(dev.kirana.accounting.BooksTestSupport.audit(db, shop)).isEmpty();
    }

    WebTestClient.ResponseSpec put(String shop, String role, Map<String, Object> body) {
        return http.put().uri("/api/v1/accounting/tally/settings").headers(h -> h.setBearerAuth(token(shop, role)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
