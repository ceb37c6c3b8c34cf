package dev.kirana.web.production;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * Under the {@code prod} profile ({@code SPRING_PROFILES_ACTIVE=prod}, which the Kubernetes manifests and
 * docker-compose set), refuses to start a service whose settings are unsafe: runs every {@link ProductionCheck}
 * on the classpath and fails with one message that lists each setting to fix and what to set. Runs before any
 * bean is created. Without the profile (./kirana up, tests) the friendly local defaults stay.
 */
public class ProductionGuard implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {
    public static final String PROFILE = "prod";
    private static final Logger log = LoggerFactory.getLogger(ProductionGuard.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        if (!env.acceptsProfiles(Profiles.of(PROFILE))) {
            return;
        }
        ClassLoader loader = context.getClassLoader() != null ? context.getClassLoader() : ProductionGuard.class.getClassLoader();
        check(env, SpringFactoriesLoader.forDefaultResourceLocation(loader).load(ProductionCheck.class));
    }

    /** Runs {@code checks} against {@code env}; throws {@link UnsafeProductionSettingsException} if any reports a finding. */
    public static void check(ConfigurableEnvironment env, List<ProductionCheck> checks) {
        Findings findings = new Findings();
        checks.forEach(c -> c.check(env, findings));
        String service = env.getProperty("spring.application.name", "this service");
        if (!findings.isEmpty()) {
            throw new UnsafeProductionSettingsException(service, findings.all());
        }
        log.info("production settings checked ({} checks): none unsafe", checks.size());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
