package dev.kirana.backup;

import java.time.Clock;
import java.util.HashSet;
import java.util.regex.Pattern;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Backup and restore of a shop for a service that sets {@code kirana.backup.path}. The archive is read and written over
 * JDBC (the driver Flyway migrates with, same database and user), on bounded-elastic threads, so that the one
 * {@code REPEATABLE READ} transaction a backup needs does not hold an R2DBC connection of the request pool.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnProperty(prefix = "kirana.backup", name = "path")
@EnableConfigurationProperties(BackupProperties.class)
public class BackupAutoConfiguration {

    @Bean
    ShopBackup kiranaShopBackup(BackupProperties properties, Environment env, ObjectProvider<Clock> clock) {
        return new ShopBackup(jdbc(env, "backup"), env.getProperty("spring.application.name", "kirana"), properties.schema(),
                properties.historyTable(), new HashSet<>(properties.exclude()), Pattern.compile(properties.peopleColumns()),
                properties.shopProfile(), clock.getIfAvailable(Clock::systemUTC));
    }

    /** The service's database over JDBC, as Flyway reaches it (same database and user). */
    static PGSimpleDataSource jdbc(Environment env, String purpose) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(env.getRequiredProperty("spring.flyway.url"));
        ds.setUser(env.getProperty("spring.flyway.user"));
        ds.setPassword(env.getProperty("spring.flyway.password", ""));
        ds.setApplicationName(env.getProperty("spring.application.name", "kirana") + " " + purpose);
        return ds;
    }

    @Bean
    ShopBackupController kiranaShopBackupController(ShopBackup backup, BackupProperties properties,
                                                     ObjectProvider<dev.kirana.web.audit.AuditLog> audit) {
        return new ShopBackupController(backup, properties, audit);
    }
}
