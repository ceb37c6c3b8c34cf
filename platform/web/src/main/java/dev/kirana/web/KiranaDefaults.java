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
        environment.getPropertySources().addLast(new PropertiesPropertySource("kiranaDefaults", defaults));
    }
}
