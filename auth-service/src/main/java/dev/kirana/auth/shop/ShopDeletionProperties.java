package dev.kirana.auth.shop;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kirana.auth.shop-deletion.*}.
 *
 * @param restoreWindow   how long a deleted shop can be restored by its owner before it is purged
 *                        ({@code KIRANA_SHOP_RESTORE_WINDOW})
 * @param exportMaxAge    a backup counts towards the full export a deletion needs when it is at most this old
 *                        ({@code KIRANA_SHOP_EXPORT_MAX_AGE})
 * @param exportServices  the services that hold shop data: each needs a recent backup ({@code backup.created} audit
 *                        records of entity type {@code shop-backup} naming the service)
 * @param purgeInterval   how often the purge job looks for deleted shops whose window closed
 */
@ConfigurationProperties("kirana.auth.shop-deletion")
public record ShopDeletionProperties(
        @DefaultValue("30d") Duration restoreWindow,
        @DefaultValue("24h") Duration exportMaxAge,
        @DefaultValue({"catalog-service", "inventory-service", "order-service", "accounting-service", "reporting-service"})
        List<String> exportServices,
        @DefaultValue("1h") Duration purgeInterval) {
}
