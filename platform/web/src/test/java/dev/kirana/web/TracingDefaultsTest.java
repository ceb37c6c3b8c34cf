package dev.kirana.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** Spans leave a service only when an OTLP endpoint is configured; sampling follows from that unless it is set. */
class TracingDefaultsTest {

    @Test
    void withoutAnEndpointNothingIsExportedAndNothingRecorded() {
        MockEnvironment env = environment();
        assertThat(env.containsProperty("management.opentelemetry.tracing.export.otlp.endpoint")).isFalse();
        assertThat(env.getProperty("management.tracing.export.enabled")).isEqualTo("false");
        assertThat(env.getProperty("management.tracing.sampling.probability")).isEqualTo("0.0");
        assertThat(env.getProperty("spring.reactor.context-propagation")).isEqualTo("limited");
    }

    @Test
    void aBlankEndpointIsNoEndpoint() {
        MockEnvironment env = environment("KIRANA_TRACING_OTLP_ENDPOINT", "  ");
        assertThat(env.containsProperty("management.opentelemetry.tracing.export.otlp.endpoint")).isFalse();
        assertThat(env.getProperty("management.tracing.export.enabled")).isEqualTo("false");
    }

    @Test
    void anEndpointTurnsExportOnWithOneTraceInTen() {
        MockEnvironment env = environment("KIRANA_TRACING_OTLP_ENDPOINT", "http://otel-collector:4318/v1/traces");
        assertThat(env.getProperty("management.opentelemetry.tracing.export.otlp.endpoint")).isEqualTo("http://otel-collector:4318/v1/traces");
        assertThat(env.getProperty("management.tracing.export.enabled")).isEqualTo("true");
        assertThat(env.getProperty("management.tracing.sampling.probability")).isEqualTo("0.1");
    }

    @Test
    void samplingIsTheOperatorsWhenSet() {
        MockEnvironment env = environment("KIRANA_TRACING_OTLP_ENDPOINT", "http://otel-collector:4318/v1/traces",
                "KIRANA_TRACING_SAMPLING", "1.0");
        assertThat(env.getProperty("management.tracing.sampling.probability")).isEqualTo("1.0");
        MockEnvironment overridden = environment("KIRANA_TRACING_OTLP_ENDPOINT", "http://otel-collector:4318/v1/traces",
                "management.tracing.sampling.probability", "0.5");
        assertThat(overridden.getProperty("management.tracing.sampling.probability")).as("the Boot property itself wins").isEqualTo("0.5");
    }

    @Test
    void threadLocalsAreRestoredWhereAskedUnlessTheOperatorAsksForEveryOperator() {
        assertThat(environment("KIRANA_REACTOR_CONTEXT_PROPAGATION", "auto").getProperty("spring.reactor.context-propagation"))
                .isEqualTo("auto");
    }

    private static MockEnvironment environment(String... pairs) {
        MockEnvironment env = new MockEnvironment();
        for (int i = 0; i < pairs.length; i += 2) {
            env.setProperty(pairs[i], pairs[i + 1]);
        }
        new KiranaDefaults().postProcessEnvironment(env, new SpringApplication());
        return env;
    }
}
