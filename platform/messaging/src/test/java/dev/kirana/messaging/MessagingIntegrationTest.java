package dev.kirana.messaging;

import dev.kirana.testing.KiranaTestInitializer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The test application against the shared embedded PostgreSQL and Kafka. Every class with this
 * annotation gets the same configuration, hence the same cached Spring context.
 * The auto-configured relay is off so that each test drives its own relays.
 */
@Target(ElementType.TYPE)
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.application.name=" + MessagingTestApplication.NAME,
        "kirana.outbox.relay-enabled=false",
        "kirana.messaging.publishes=" + MessagingTestApplication.TOPIC + ",kirana.order.events",
        "kirana.messaging.consumes=" + MessagingTestApplication.TOPIC,
        "kirana.messaging.max-retries=" + MessagingIntegrationTest.MAX_RETRIES,
        "kirana.messaging.retry-interval=20ms",
        "kirana.messaging.handler-timeout=10s",
        // as platform/web sets them in every service; every trace is kept, and spans reach the test's exporter quickly
        "spring.reactor.context-propagation=limited",
        "management.tracing.sampling.probability=1.0",
        "management.opentelemetry.tracing.export.schedule-delay=50ms",
})
@ContextConfiguration(initializers = KiranaTestInitializer.class)
public @interface MessagingIntegrationTest {
    int MAX_RETRIES = 2;
}
