package dev.kirana.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlBaselineTest {

    @Test
    void migrationsRunInFlywayVersionOrder(@TempDir Path dir) throws Exception {
        for (String f : List.of("V10__late.sql", "V2__b.sql", "V1__a.sql", "V2_1__platform.sql", "V1_1__outbox.sql",
                "R__repeatable.sql", "notes.txt")) {
            Files.writeString(dir.resolve(f), "-- x");
        }
        assertThat(SqlBaseline.migrationFiles(dir)).extracting(p -> p.getFileName().toString())
                .containsExactly("V1__a.sql", "V1_1__outbox.sql", "V2__b.sql", "V2_1__platform.sql", "V10__late.sql");
    }

    @Test
    void versionsCompareNumerically() {
        assertThat(SqlBaseline.compareVersions(SqlBaseline.version("V2__x.sql"), SqlBaseline.version("V10__x.sql"))).isNegative();
        assertThat(SqlBaseline.compareVersions(SqlBaseline.version("V2__x.sql"), SqlBaseline.version("V2_0__x.sql"))).isZero();
        assertThat(SqlBaseline.compareVersions(SqlBaseline.version("V2_1__x.sql"), SqlBaseline.version("V2.0__x.sql"))).isPositive();
    }

    @Test
    void theOutboxPayloadIsAnOrderPlacedEventOfRealisticSize() throws Exception {
        byte[] data = SqlBaseline.eventData(UUID.randomUUID(), "p-1", Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(data.length).isBetween(600, 1200);
        assertThat(KiranaApi.JSON.readTree(data).get("lines").get(0).get("productId").asString()).isEqualTo("p-1");
    }
}
