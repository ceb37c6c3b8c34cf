package dev.kirana.reporting.readmodel;

import io.r2dbc.spi.Option;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Where the read models live: the schema {@value #LIVE}, first on every connection's search path, so queries name
 * tables unqualified. Its tables come from the migrations in {@code db/readmodel}, which a rebuild also applies to the
 * fresh schema {@value #NEXT} before swapping it in.
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelSchema {
    public static final String LIVE = "readmodel";
    public static final String NEXT = "readmodel_next";
    static final String RETIRED = "readmodel_old";
    private static final String LOCATION = "classpath:db/readmodel";

    /** Every pooled connection reads and writes the live read models first, then the platform tables in public. */
    @Bean
    ConnectionFactoryOptionsBuilderCustomizer readModelSearchPath() {
        return builder -> builder.option(Option.valueOf("schema"), LIVE + ",public");
    }

    /** The live schema's migrations run when the service starts, before any listener does. */
    @Bean
    ReadModelMigrations readModelMigrations(Flyway flyway) {
        ReadModelMigrations m = new ReadModelMigrations(flyway.getConfiguration().getDataSource(),
                flyway.getConfiguration().getClassLoader());
        m.migrate(LIVE);
        return m;
    }

    /** Applies the read-model migrations to one schema, creating it when missing. */
    public static final class ReadModelMigrations {
        private final DataSource dataSource;
        private final ClassLoader classLoader;

        ReadModelMigrations(DataSource dataSource, ClassLoader classLoader) {
            this.dataSource = dataSource;
            this.classLoader = classLoader;
        }

        public void migrate(String schema) {
            Flyway.configure(classLoader)
                    .dataSource(dataSource)
                    .schemas(schema)
                    .defaultSchema(schema)
                    .createSchemas(true)
                    .locations(LOCATION)
                    .table("readmodel_history")
                    .load()
                    .migrate();
        }
    }

    /** A fresh, empty {@value #NEXT}: whatever an interrupted rebuild left is dropped first. */
    static Mono<Void> dropNext(DatabaseClient db) {
        return db.sql("DROP SCHEMA IF EXISTS " + NEXT + " CASCADE").then();
    }

    /**
     * Swaps {@value #NEXT} in for {@value #LIVE} in one transaction, dropping the old tables. Statements prepared
     * against the old tables are planned again (their tables were dropped), against the new ones.
     */
    static String swapSql() {
        return "ALTER SCHEMA " + LIVE + " RENAME TO " + RETIRED + "; "
                + "ALTER SCHEMA " + NEXT + " RENAME TO " + LIVE + "; "
                + "DROP SCHEMA " + RETIRED + " CASCADE";
    }
}
