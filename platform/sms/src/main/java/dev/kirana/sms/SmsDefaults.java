package dev.kirana.sms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Maps the {@code KIRANA_SMS_*} environment variables onto {@code kirana.sms.*} for every service that sends texts,
 * with the lowest precedence (a service's application.yml and explicit properties override them).
 */
public class SmsDefaults implements EnvironmentPostProcessor {
    static final String RESOURCE = "META-INF/kirana/sms-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Properties defaults = new Properties();
        try (var in = new ClassPathResource(RESOURCE, SmsDefaults.class.getClassLoader()).getInputStream()) {
            defaults.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        environment.getPropertySources().addLast(new PropertiesPropertySource("kiranaSmsDefaults", defaults));
    }
}
