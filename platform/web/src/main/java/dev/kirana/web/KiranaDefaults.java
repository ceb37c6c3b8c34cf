package dev.kirana.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Safe local defaults shared by every service (actuator probes, JSON logs, graceful shutdown,
 * database and Kafka from {@code KIRANA_*} environment variables). Lowest precedence: a service's
 * application.yml, environment variables and command-line arguments all override them.
 */
public class KiranaDefaults implements EnvironmentPostProcessor {
    static final String RESOURCE = "META-INF/kirana/service-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Properties defaults = new Properties();
        try (var in = new ClassPathResource(RESOURCE, KiranaDefaults.class.getClassLoader()).getInputStream()) {
            defaults.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        environment.getPropertySources().addLast(new PropertiesPropertySource("kiranaTracingDefaults", tracing(environment)));
        environment.getPropertySources().addLast(new PropertiesPropertySource("kiranaDefaults", defaults));
    }

    /**
     * Spans are exported (OTLP/HTTP) only when {@code KIRANA_TRACING_OTLP_ENDPOINT} is set: Boot's exporter exists as
     * soon as its endpoint property has any value, even an empty one, so the property is set here or not at all.
     * Without an endpoint nothing is sampled by default (spans are not recorded, their ids still propagate and are
     * logged); with one, {@code KIRANA_TRACING_SAMPLING} of the traces started at the edge are kept, 0.1 by default.
     */
    static Properties tracing(ConfigurableEnvironment environment) {
        Properties tracing = new Properties();
        String endpoint = environment.getProperty(TRACING_ENDPOINT);
        boolean export = endpoint != null && !endpoint.isBlank();
        if (export) {
            tracing.setProperty("management.opentelemetry.tracing.export.otlp.endpoint", endpoint.trim());
        }
        tracing.setProperty("management.tracing.export.enabled", Boolean.toString(export));
        tracing.setProperty("management.tracing.sampling.probability",
                "${" + TRACING_SAMPLING + ":" + (export ? DEFAULT_SAMPLING : "0.0") + "}");
        return tracing;
    }

    static final String TRACING_ENDPOINT = "KIRANA_TRACING_OTLP_ENDPOINT";
    static final String TRACING_SAMPLING = "KIRANA_TRACING_SAMPLING";
    /** One trace in ten: enough to see where a sale's time goes at a shop's rate, little for a collector to store. */
    static final String DEFAULT_SAMPLING = "0.1";
}
