package dev.kirana.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;

/**
 * Anonymous requests (login, registration, discovery) are limited per client address: behind a trusted proxy
 * (here an "ingress" connecting from 127.0.0.2, the only trusted address) each client behind it has a bucket of
 * its own, taken from the rightmost untrusted X-Forwarded-For hop; a client that is not a trusted proxy cannot
 * choose its bucket by sending X-Forwarded-For itself.
 */
class TrustedProxyTest extends GatewayTest {
    private static final String PATH = "/.well-known/openid-configuration";
    /** more than the anonymous burst (50) plus what refills (1/s in these tests) while they run */
    private static final int REQUESTS = 90;

    @LocalServerPort
    int port;

    /** A client connecting from the given loopback address (Linux routes all of 127/8 to lo). */
    private WebTestClient from(String localAddress) {
        HttpClient client = HttpClient.create().bindAddress(() -> new InetSocketAddress(localAddress, 0));
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(client)).baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** Status codes of many requests sent at once, the i-th with the X-Forwarded-For value forwarded.apply(i). */
    private List<Integer> burst(WebTestClient client, IntFunction<String> forwarded) {
        return Flux.range(0, REQUESTS)
                .flatMap(i -> Mono.fromCallable(() -> client.get().uri(PATH).header("X-Forwarded-For", forwarded.apply(i))
                        .exchange().returnResult(String.class).getStatus().value()).subscribeOn(Schedulers.boundedElastic()), 16)
                .collectList().block(Duration.ofSeconds(60));
    }

    @Test
    void twoClientsBehindOneTrustedProxyHaveBucketsOfTheirOwnAndASpoofedFirstHopIsIgnored() {
        WebTestClient ingress = from("127.0.0.2");
        // client A empties its bucket, each time claiming another first hop: only the hop the ingress wrote counts
        List<Integer> a = burst(ingress, i -> "198.51.100." + (i % 250) + ", 203.0.113.10");
        // (were the first hop believed, each request would have had a fresh bucket and all would pass)
        assertThat(a).containsOnly(200, 429).contains(429);
        // client B, behind the same ingress, is not limited by A's requests
        ingress.get().uri(PATH).header("X-Forwarded-For", "203.0.113.20").exchange().expectStatus().isOk();
        // a trusted hop right of the client is skipped (a second proxy of ours, here in the trusted IPv6 block)
        ingress.get().uri(PATH).header("X-Forwarded-For", "203.0.113.30, [2001:db8:ffff::7]:443").exchange().expectStatus().isOk();
    }

    @Test
    void aClientThatIsNotATrustedProxyCannotChooseItsBucketWithXForwardedFor() {
        WebTestClient direct = from("127.0.0.3");
        // every request claims to come from elsewhere; all are charged to 127.0.0.3
        List<Integer> statuses = burst(direct, i -> "192.0.2." + (i % 250));
        assertThat(statuses).containsOnly(200, 429).contains(429);
    }
}
