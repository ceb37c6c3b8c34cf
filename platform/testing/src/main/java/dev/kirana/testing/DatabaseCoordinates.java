package dev.kirana.testing;

/** Where one service's own database lives. */
public record DatabaseCoordinates(String host, int port, String database, String user, String password) {
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String r2dbcUrl() {
        return "r2dbc:postgresql://" + host + ":" + port + "/" + database;
    }
}
