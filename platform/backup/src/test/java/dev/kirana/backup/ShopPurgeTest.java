package dev.kirana.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kirana.testing.DatabaseCoordinates;
import dev.kirana.testing.TestInfrastructure;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * A small schema shaped like the services' (a child table without shop_id, an append-only ledger whose DELETE rule does
 * nothing, rows referencing it, credentials a backup leaves out, a table whose trigger refuses deletes), against the real
 * PostgreSQL: the purge deletes one shop's rows in foreign-key order in the caller's transaction, and nothing of another.
 */
class ShopPurgeTest {
    static final String A = "7a1c9a8e-0000-4000-8000-00000000000a";
    static final String B = "7a1c9a8e-0000-4000-8000-00000000000b";
    static final String C = "7a1c9a8e-0000-4000-8000-00000000000c";
    static PGSimpleDataSource ds;
    static DatabaseClient db;
    static TransactionalOperator tx;

    @BeforeAll
    static void schema() throws SQLException {
        DatabaseCoordinates coordinates = TestInfrastructure.get().database("purge_" + UUID.randomUUID().toString().substring(0, 8));
        ds = new PGSimpleDataSource();
        ds.setUrl(coordinates.jdbcUrl());
        ds.setUser(coordinates.user());
        ds.setPassword(coordinates.password());
        ConnectionFactory cf = ConnectionFactories.get(io.r2dbc.spi.ConnectionFactoryOptions.parse(coordinates.r2dbcUrl()).mutate()
                .option(io.r2dbc.spi.ConnectionFactoryOptions.USER, coordinates.user())
                .option(io.r2dbc.spi.ConnectionFactoryOptions.PASSWORD, coordinates.password()).build());
        db = DatabaseClient.create(cf);
        tx = TransactionalOperator.create(new R2dbcTransactionManager(cf));
        sql("""
                CREATE TABLE kirana_outbox (seq BIGSERIAL PRIMARY KEY, shop_id TEXT NOT NULL);
                CREATE TABLE orders (id UUID PRIMARY KEY, shop_id TEXT NOT NULL, replaces UUID REFERENCES orders (id));
                CREATE TABLE order_lines (order_id UUID NOT NULL REFERENCES orders (id), line_no INT NOT NULL, PRIMARY KEY (order_id, line_no));
                CREATE TABLE ledger (id BIGSERIAL PRIMARY KEY, shop_id UUID NOT NULL, order_id UUID REFERENCES orders (id));
                CREATE RULE ledger_no_delete AS ON DELETE TO ledger DO INSTEAD NOTHING;
                CREATE RULE ledger_no_update AS ON UPDATE TO ledger DO INSTEAD NOTHING;
                CREATE TABLE ledger_lots (ledger_id BIGINT NOT NULL REFERENCES ledger (id), lot TEXT NOT NULL);
                CREATE TABLE secrets (shop_id TEXT NOT NULL, secret TEXT NOT NULL);
                CREATE TABLE trail (shop_id UUID NOT NULL, what TEXT NOT NULL);
                CREATE FUNCTION trail_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'trail is append-only';
                END $$;
                CREATE TRIGGER trail_no_delete BEFORE UPDATE OR DELETE ON trail FOR EACH ROW EXECUTE FUNCTION trail_append_only();
                """);
        for (String shop : List.of(A, B, C)) {
            String first = UUID.randomUUID().toString();
            String second = UUID.randomUUID().toString();
            sql("INSERT INTO orders VALUES ('" + first + "', '" + shop + "', NULL), ('" + second + "', '" + shop + "', '" + first + "')");
            sql("INSERT INTO order_lines VALUES ('" + first + "', 1), ('" + first + "', 2), ('" + second + "', 1)");
            sql("INSERT INTO ledger (shop_id, order_id) VALUES ('" + shop + "', '" + first + "'), ('" + shop + "', '" + second + "')");
            sql("INSERT INTO ledger_lots SELECT id, 'LOT-1' FROM ledger WHERE shop_id = '" + shop + "'");
            sql("INSERT INTO secrets VALUES ('" + shop + "', 's')");
            sql("INSERT INTO trail VALUES ('" + shop + "', 'created'), ('" + shop + "', 'deleted')");
            sql("INSERT INTO kirana_outbox (shop_id) VALUES ('" + shop + "')");
        }
    }

    static void sql(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static Map<String, Long> counts(String shop) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("orders", "SELECT count(*) FROM orders WHERE shop_id = ?");
        queries.put("order_lines", "SELECT count(*) FROM order_lines WHERE order_id IN (SELECT id FROM orders WHERE shop_id = ?)");
        queries.put("ledger", "SELECT count(*) FROM ledger WHERE shop_id::text = ?");
        queries.put("ledger_lots", "SELECT count(*) FROM ledger_lots WHERE ledger_id IN (SELECT id FROM ledger WHERE shop_id::text = ?)");
        queries.put("secrets", "SELECT count(*) FROM secrets WHERE shop_id = ?");
        queries.put("trail", "SELECT count(*) FROM trail WHERE shop_id::text = ?");
        queries.put("kirana_outbox", "SELECT count(*) FROM kirana_outbox WHERE shop_id = ?");
        try (Connection c = ds.getConnection()) {
            for (var q : queries.entrySet()) {
                try (var ps = c.prepareStatement(q.getValue())) {
                    ps.setString(1, shop);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        counts.put(q.getKey(), rs.getLong(1));
                    }
                }
            }
        }
        return counts;
    }

    static Map<String, Long> full() {
        return Map.of("orders", 2L, "order_lines", 3L, "ledger", 2L, "ledger_lots", 2L, "secrets", 1L, "trail", 2L, "kirana_outbox", 1L);
    }

    @Test
    void aTableWhoseTriggerRefusesDeletesFailsThePurgeAndNothingIsDeleted() throws SQLException {
        ShopPurge purge = new ShopPurge(ds, db, "test-service", "public", Set.of());
        assertThatThrownBy(() -> tx.transactional(purge.purge(C)).block(Duration.ofSeconds(30)))
                .hasMessageContaining("trail is append-only");
        assertThat(counts(C)).isEqualTo(full());
        // the ledger's rule is on again (the failed transaction took its DISABLE with it)
        sql("DELETE FROM ledger WHERE shop_id::text = '" + B + "'");
        assertThat(counts(B)).isEqualTo(full());
    }

    @Test
    void theShopsRowsGoChildrenFirstTheKeptTableAndTheMachineryStayAndAnotherShopIsUntouched() throws SQLException {
        ShopPurge purge = new ShopPurge(ds, db, "test-service", "public", Set.of("trail"));
        ShopPurge.Purged purged = tx.transactional(purge.purge(A)).block(Duration.ofSeconds(30));
        // by hand: 2 orders, 3 lines, 2 ledger rows (past its DO INSTEAD NOTHING rule), 2 lots, 1 secret = 10
        assertThat(purged.total()).isEqualTo(10L);
        assertThat(purged.rows()).containsEntry("orders", 2L).containsEntry("order_lines", 3L).containsEntry("ledger", 2L)
                .containsEntry("ledger_lots", 2L).containsEntry("secrets", 1L).doesNotContainKeys("trail", "kirana_outbox");
        assertThat(List.copyOf(purged.rows().keySet()).indexOf("ledger_lots")).isLessThan(List.copyOf(purged.rows().keySet()).indexOf("ledger"));
        Map<String, Long> after = counts(A);
        assertThat(after).containsEntry("orders", 0L).containsEntry("order_lines", 0L).containsEntry("ledger", 0L)
                .containsEntry("ledger_lots", 0L).containsEntry("secrets", 0L).containsEntry("trail", 2L).containsEntry("kirana_outbox", 1L);
        assertThat(counts(B)).isEqualTo(full());
        // the ledger refuses deletes again after the purge
        sql("DELETE FROM ledger WHERE shop_id::text = '" + B + "'");
        assertThat(counts(B)).isEqualTo(full());
        // a second purge finds nothing
        assertThat(tx.transactional(purge.purge(A)).block(Duration.ofSeconds(30)).total()).isZero();
    }
}
