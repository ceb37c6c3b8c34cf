package dev.kirana.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlStatementsTest {
    private static final SqlStatements.Key BEGIN = new SqlStatements.Key("kirana_order", "BEGIN READ WRITE");
    private static final SqlStatements.Key INSERT = new SqlStatements.Key("kirana_order", "INSERT INTO orders (id) VALUES ($1)");
    private static final SqlStatements.Key IDLE = new SqlStatements.Key("kirana_auth", "SELECT 1");
    private static final SqlStatements.Key NEW = new SqlStatements.Key("kirana_inventory", "UPDATE stock_levels SET reserved = $1");

    @Test
    void aPhaseCountsWhatRanBetweenItsSnapshotsBusiestFirst() {
        Map<SqlStatements.Key, SqlStatements.Stat> before = Map.of(
                BEGIN, new SqlStatements.Stat(100, 1.0),
                INSERT, new SqlStatements.Stat(40, 8.0),
                IDLE, new SqlStatements.Stat(7, 0.5));
        Map<SqlStatements.Key, SqlStatements.Stat> after = Map.of(
                BEGIN, new SqlStatements.Stat(400, 4.0),
                INSERT, new SqlStatements.Stat(140, 28.0),
                IDLE, new SqlStatements.Stat(7, 0.5),
                NEW, new SqlStatements.Stat(250, 5.0));

        var delta = SqlStatements.delta(before, after);

        // 400 − 100 = 300 BEGINs, 250 new updates, 140 − 40 = 100 inserts taking 28 − 8 = 20 ms; the idle one ran no more
        assertThat(delta.keySet()).containsExactly(BEGIN, NEW, INSERT);
        assertThat(delta.get(BEGIN)).isEqualTo(new SqlStatements.Stat(300, 3.0));
        assertThat(delta.get(NEW)).isEqualTo(new SqlStatements.Stat(250, 5.0));
        assertThat(delta.get(INSERT)).isEqualTo(new SqlStatements.Stat(100, 20.0));
    }

    @Test
    void withoutADatabaseNothingIsCountedAndTheReasonIsKept() {
        SqlStatements none = new SqlStatements(null);
        assertThat(none.unavailable()).isEqualTo("no database known");
        assertThat(none.snapshot()).isEmpty();
    }
}
