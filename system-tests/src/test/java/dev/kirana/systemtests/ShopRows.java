package dev.kirana.systemtests;

import dev.kirana.localstack.KiranaStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** How many rows one shop has in each table of a service's database that has a {@code shop_id} column, read over JDBC. */
final class ShopRows implements AutoCloseable {
    private final KiranaStack stack;
    private final Map<String, Connection> connections = new HashMap<>();
    private final Map<String, String> queries = new HashMap<>();

    ShopRows(KiranaStack stack) {
        this.stack = stack;
    }

    /** Rows of {@code shopId} per table of {@code database}, sorted by table name. */
    Map<String, Long> count(String database, String shopId) {
        try {
            Connection c = connection(database);
            String sql = queries.computeIfAbsent(database, d -> query(c));
            Map<String, Long> counts = new TreeMap<>();
            if (sql.isEmpty()) {
                return counts;
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int n = ps.getParameterMetaData().getParameterCount();
                for (int i = 1; i <= n; i++) {
                    ps.setString(i, shopId);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("counting rows in " + database + ": " + e.getMessage(), e);
        }
    }

    private Connection connection(String database) throws SQLException {
        Connection c = connections.get(database);
        if (c == null || c.isClosed()) {
            c = DriverManager.getConnection(stack.jdbcUrl(database), stack.endpoints().dbUser(), stack.endpoints().dbPassword());
            c.setAutoCommit(true);
            c.setReadOnly(true);
            connections.put(database, c);
        }
        return c;
    }

    private static String query(Connection c) {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select table_schema, table_name from information_schema.columns "
                + "where column_name = 'shop_id' and table_schema not in ('pg_catalog', 'information_schema') "
                + "and table_name in (select table_name from information_schema.tables where table_type = 'BASE TABLE') "
                + "order by table_schema, table_name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tables.add("\"" + rs.getString(1) + "\".\"" + rs.getString(2) + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        List<String> parts = new ArrayList<>();
        for (String t : tables) {
            parts.add("select '" + t.replace("'", "''") + "', count(*) from " + t + " where shop_id::text = ?");
        }
        return String.join(" union all ", parts);
    }

    @Override
    public void close() {
        for (Connection c : connections.values()) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing at the end of the run
            }
        }
    }
}
