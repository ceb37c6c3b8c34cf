package dev.kirana.messaging;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Whether the broker answers (component {@code kafka} of {@code /actuator/health}). Deliberately not part of the
 * readiness group: the outbox keeps writes while the broker is away and consumers resume, so a broker blip must not
 * take every pod out of its Service (see the readiness group in platform/web's service defaults).
 */
public class KafkaReadinessIndicator extends AbstractReactiveHealthIndicator implements DisposableBean {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private final KafkaAdmin admin;
    private volatile AdminClient client;

    public KafkaReadinessIndicator(KafkaAdmin admin) {
        super("Kafka health check failed");
        this.admin = admin;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return Mono.fromCallable(() -> {
                    var cluster = client().describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
                    String id = cluster.clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    int nodes = cluster.nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
                    return builder.up().withDetail("clusterId", id).withDetail("nodes", nodes).build();
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    private AdminClient client() {
        AdminClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = AdminClient.create(admin.getConfigurationProperties());
                }
                c = client;
            }
        }
        return c;
    }

    @Override
    public void destroy() {
        if (client != null) {
            client.close(Duration.ofSeconds(2));
        }
    }
}
