package dev.kirana.testing;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring context at the shared test servers: its own database (named after
 * {@code spring.application.name}), the shared Kafka broker and the test JWT issuer.
 * Use through {@link KiranaServiceTest}.
 */
public class KiranaTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure infra = TestInfrastructure.get();
        var env = context.getEnvironment();
        String name = env.getProperty("spring.application.name", "kirana");
        Map<String, Object> props = new HashMap<>();
        if (env.getProperty("kirana.test.database", Boolean.class, true)) {
            DatabaseCoordinates db = infra.database(env.getProperty("kirana.test.database-name", name.replace('-', '_')));
            props.put("spring.r2dbc.url", db.r2dbcUrl());
            props.put("spring.r2dbc.username", db.user());
            props.put("spring.r2dbc.password", db.password());
            props.put("spring.flyway.url", db.jdbcUrl());
            props.put("spring.flyway.user", db.user());
            props.put("spring.flyway.password", db.password());
        }
        // kirana.test.kafka-bootstrap points a context elsewhere, e.g. at a port where no broker listens
        String kafka = env.getProperty("kirana.test.kafka-bootstrap");
        props.put("spring.kafka.bootstrap-servers", kafka != null ? kafka : infra.kafkaBootstrapServers());
        // a loaded build machine can take longer than WebTestClient's 5 s for a first request (OpenAPI generation,
        // JIT warm-up); a request that never answers still fails, and the server answers 503 at its own 30 s limit first
        if (env.getProperty("spring.test.webtestclient.timeout") == null) {
            props.put("spring.test.webtestclient.timeout", "40s");
        }
        // every event a test makes a service publish is checked against its published schema before it is written
        props.put("kirana.messaging.validate-events", env.getProperty("kirana.test.validate-events", "true"));
        props.putAll(infra.jwt().properties());
        env.getPropertySources().addFirst(new MapPropertySource("kiranaTestInfrastructure", props));
    }
}
