package dev.kirana.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JfrProfilerTest {

    @Test
    void aSampleIsChargedToTheFirstNonJdkFrameFromTheTop() {
        assertThat(JfrProfiler.libraryOf(List.of("java.util.HashMap", "java.util.concurrent.ConcurrentHashMap",
                "io.netty.channel.nio.NioEventLoop", "java.lang.Thread"))).isEqualTo("Netty");
        assertThat(JfrProfiler.libraryOf(List.of("java.math.BigInteger", "sun.security.rsa.RSACore",
                "com.nimbusds.jose.crypto.RSASSAVerifier"))).isEqualTo("crypto / JWT signatures");
        assertThat(JfrProfiler.libraryOf(List.of("java.lang.String", "dev.kirana.order.order.OrderService")))
                .isEqualTo("Kirana code");
        assertThat(JfrProfiler.libraryOf(List.of("org.springframework.cloud.gateway.filter.NettyRoutingFilter")))
                .isEqualTo("Spring Cloud Gateway");
        assertThat(JfrProfiler.libraryOf(List.of("java.lang.Object"))).isEqualTo("JDK (java.lang.Object)");
        assertThat(JfrProfiler.libraryOf(List.of("com.example.foo.Bar"))).isEqualTo("com.example.foo");
    }

    @Test
    void topListsAreSortedWithShares() {
        List<JfrProfiler.Entry> top = JfrProfiler.top(Map.of("a", 5L, "b", 20L, "c", 75L), 100, 2, 1);
        assertThat(top).extracting(JfrProfiler.Entry::name).containsExactly("c", "b");
        assertThat(top.get(0).share()).isEqualTo(0.75);
    }
}
