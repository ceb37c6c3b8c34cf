package dev.kirana.backup;

import dev.kirana.messaging.InboxProcessor;
import dev.kirana.messaging.MessagingAutoConfiguration;
import java.util.HashSet;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The purge of a deleted shop's rows ({@link ShopPurge}) for every service with this module, and, in the services that
 * hold shop data (those with {@code kirana.backup.path}), its consumer of {@code kirana.shop.purged.v1}.
 * {@code kirana.shop-purge.keep}: tables whose rows outlive the shop (auth-service: the audit trail).
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
@ConditionalOnProperty(prefix = "kirana.shop-purge", name = "enabled", matchIfMissing = true)
public class ShopPurgeAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ShopPurge kiranaShopPurge(DatabaseClient db, Environment env) {
        List<String> keep = Binder.get(env).bind("kirana.shop-purge.keep", Bindable.listOf(String.class)).orElse(List.of());
        String schema = env.getProperty("kirana.backup.schema", "public");
        return new ShopPurge(BackupAutoConfiguration.jdbc(env, "purge"), db, env.getProperty("spring.application.name", "kirana"),
                schema.isBlank() ? "public" : schema, new HashSet<>(keep));
    }

    @Bean
    @ConditionalOnProperty(prefix = "kirana.backup", name = "path")
    ShopPurgeListener kiranaShopPurgeListener(InboxProcessor inbox, ShopPurge purge, Environment env) {
        return new ShopPurgeListener(inbox, purge, env.getProperty("spring.application.name", "kirana"));
    }
}
