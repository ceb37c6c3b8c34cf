package dev.kirana.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientAddressTest {
    private static final ClientAddress NONE = new ClientAddress(List.of(), ClientAddress.Header.X_FORWARDED_FOR);
    private static final ClientAddress TEN = new ClientAddress(List.of("10.0.0.0/8"), ClientAddress.Header.X_FORWARDED_FOR);

    private static MockServerHttpRequest.BaseBuilder<?> from(String peer) {
        try {
            return MockServerHttpRequest.get("/api/v1/auth/login")
                    .remoteAddress(new InetSocketAddress(InetAddress.getByAddress(ClientAddress.address(peer).getAddress()), 40000));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String xff(ClientAddress resolver, String peer, String... values) {
        return resolver.of(from(peer).header("X-Forwarded-For", values).build());
    }

    @Test
    void withoutTrustedProxiesTheClientIsThePeerWhateverItSends() {
        assertThat(NONE.of(from("10.0.0.5").build())).isEqualTo("10.0.0.5");
        assertThat(xff(NONE, "10.0.0.5", "1.2.3.4")).isEqualTo("10.0.0.5");
        assertThat(NONE.fromTrustedProxy(from("10.0.0.5").build())).isFalse();
        assertThat(NONE.of(MockServerHttpRequest.get("/").build())).isEqualTo("unknown");
    }

    @Test
    void anUntrustedPeerIsTheClientEvenWhenProxiesAreTrusted() {
        assertThat(xff(TEN, "198.51.100.7", "1.2.3.4")).isEqualTo("198.51.100.7");
        assertThat(TEN.fromTrustedProxy(from("198.51.100.7").build())).isFalse();
        assertThat(TEN.fromTrustedProxy(from("10.1.2.3").build())).isTrue();
    }

    @Test
    void behindATrustedPeerTheClientIsTheRightmostUntrustedHop() {
        // the ingress (10.0.0.9) appended the address it saw: 1.2.3.4 came through our own proxy 10.0.0.5
        assertThat(xff(TEN, "10.0.0.9", "1.2.3.4, 10.0.0.5")).isEqualTo("1.2.3.4");
        // a trusted peer without the header: the peer itself
        assertThat(TEN.of(from("10.0.0.9").build())).isEqualTo("10.0.0.9");
        // every hop trusted (a client inside the network): the leftmost of them
        assertThat(xff(TEN, "10.0.0.9", "10.7.7.7, 10.0.0.5")).isEqualTo("10.7.7.7");
    }

    @Test
    void aSpoofedLeftmostEntryIsIgnored() {
        // the client sent "X-Forwarded-For: 6.6.6.6" itself; the ingress appended the real address
        assertThat(xff(TEN, "10.0.0.9", "6.6.6.6, 203.0.113.7")).isEqualTo("203.0.113.7");
        // ...even when it claims to be one of our proxies: only hops right of the first untrusted one are believed
        assertThat(xff(TEN, "10.0.0.9", "10.0.0.1, 203.0.113.7, 10.0.0.5")).isEqualTo("203.0.113.7");
        // several header lines are one list, in order
        assertThat(xff(TEN, "10.0.0.9", "6.6.6.6, 7.7.7.7", "203.0.113.8")).isEqualTo("203.0.113.8");
    }

    @Test
    void malformedHopsStopTheWalkAtTheLastTrustedHop() {
        // what a trusted proxy wrote is not an address: nothing left of it can be believed, the proxy stands for the client
        assertThat(xff(TEN, "10.0.0.9", "1.2.3.4, unknown")).isEqualTo("10.0.0.9");
        assertThat(xff(TEN, "10.0.0.9", "1.2.3.4, bogus.example, 10.0.0.5")).isEqualTo("10.0.0.5");
        assertThat(xff(TEN, "10.0.0.9", "1.2.3.4, ,")).isEqualTo("1.2.3.4"); // empty list elements are no hops
        assertThat(xff(TEN, "10.0.0.9", "999.1.1.1")).isEqualTo("10.0.0.9");
        assertThat(xff(TEN, "10.0.0.9", "1.2.3")).isEqualTo("10.0.0.9"); // no legacy short forms (1.2.0.3)
        assertThat(xff(TEN, "10.0.0.9", "fe80::1%eth0")).isEqualTo("10.0.0.9");
        assertThat(xff(TEN, "10.0.0.9", "1.2.3.4:99999")).isEqualTo("10.0.0.9");
        assertThat(xff(TEN, "10.0.0.9", "[2001:db8::1")).isEqualTo("10.0.0.9");
        // but an address with a port is an address
        assertThat(xff(TEN, "10.0.0.9", "6.6.6.6, 203.0.113.7:51234")).isEqualTo("203.0.113.7");
    }

    @Test
    void ipv6PeersHopsAndBlocks() {
        ClientAddress v6 = new ClientAddress(List.of("10.0.0.0/8", "2001:db8:ffff::/48"), ClientAddress.Header.X_FORWARDED_FOR);
        assertThat(xff(v6, "2001:db8:ffff::1", "2001:db8:0:0:0:0:0:42")).isEqualTo("2001:db8::42");
        assertThat(xff(v6, "2001:db8:ffff::1", "[2001:db8::42]:443, 2001:db8:ffff:1::5")).isEqualTo("2001:db8::42");
        assertThat(xff(v6, "2001:db8:fffe::1", "1.2.3.4")).isEqualTo("2001:db8:fffe::1");
        // an IPv4-mapped hop is the IPv4 address (and matches IPv4 blocks)
        assertThat(xff(v6, "10.0.0.9", "203.0.113.7, ::ffff:10.0.0.5")).isEqualTo("203.0.113.7");
        // an IPv6 peer is never in an IPv4 block
        assertThat(xff(TEN, "::1", "1.2.3.4")).isEqualTo("::1");
    }

    @Test
    void theStandardForwardedHeader() {
        ClientAddress fwd = new ClientAddress(List.of("10.0.0.0/8"), ClientAddress.Header.FORWARDED);
        assertThat(fwd.of(from("10.0.0.9").header("Forwarded", "for=\"[2001:db8::1]:4711\"").build())).isEqualTo("2001:db8::1");
        assertThat(fwd.of(from("10.0.0.9").header("Forwarded",
                "for=6.6.6.6;proto=https, For=203.0.113.7;by=10.0.0.9, for=10.0.0.5").build())).isEqualTo("203.0.113.7");
        assertThat(fwd.of(from("10.0.0.9").header("Forwarded", "for=6.6.6.6, for=_hidden").build())).isEqualTo("10.0.0.9");
        assertThat(fwd.of(from("10.0.0.9").header("Forwarded", "proto=https;by=10.0.0.9").build())).isEqualTo("10.0.0.9");
        // with Forwarded chosen, X-Forwarded-For (which a proxy may pass on from the client as it is) is not read
        assertThat(fwd.of(from("10.0.0.9").header("X-Forwarded-For", "6.6.6.6").build())).isEqualTo("10.0.0.9");
        assertThat(TEN.of(from("10.0.0.9").header("Forwarded", "for=6.6.6.6").build())).isEqualTo("10.0.0.9");
    }

    @Test
    void blocksAreParsedStrictly() {
        assertThat(ClientAddress.parse(List.of(" 10.0.0.0/8 ", "", "192.168.1.1", "fd00::/8"))).hasSize(3);
        assertThat(new ClientAddress(List.of("10.1.2.3"), null).fromTrustedProxy(from("10.1.2.3").build())).isTrue();
        assertThat(new ClientAddress(List.of("10.1.2.3"), null).fromTrustedProxy(from("10.1.2.4").build())).isFalse();
        assertThat(new ClientAddress(List.of("192.168.0.0/23"), null).fromTrustedProxy(from("192.168.1.200").build())).isTrue();
        assertThat(new ClientAddress(List.of("192.168.0.0/23"), null).fromTrustedProxy(from("192.168.2.1").build())).isFalse();
        for (String bad : List.of("10/8", "10.0.0.0/33", "example.com", "10.0.0.0/x", "fd00::/129", "10.0.0.0/-1")) {
            assertThatThrownBy(() -> ClientAddress.parse(List.of(bad))).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
