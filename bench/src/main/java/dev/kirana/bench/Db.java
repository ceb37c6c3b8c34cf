package dev.kirana.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where the suite's PostgreSQL is, for the bare-SQL baseline and the invariant checks.
 */
record Db(String host, int port, String user, String password) {

    String url(String database) {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + h + ":" + port + "/" + database;
    }

    Connection open(String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null && !password.isEmpty()) {
            p.setProperty("password", password);
        }
        p.setProperty("ApplicationName", "kirana-bench");
        p.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(url(database), p);
    }

    /** The first column of the first row of a query, as a long (0 when there is no row). */
    long queryLong(String database, String sql, Object... params) throws SQLException {
        try (Connection c = open(database); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    boolean tableExists(String database, String table) throws SQLException {
        return queryLong(database, "SELECT count(*) FROM pg_class WHERE oid = to_regclass(?)", table) > 0;
    }
}
