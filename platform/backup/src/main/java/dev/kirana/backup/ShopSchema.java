package dev.kirana.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which tables of a service's schema hold a shop's rows, read from the catalog rather than listed by hand, so a table a
 * later migration adds is in the next backup: every table with a {@code shop_id} column, and every table without one
 * whose foreign key points at such a table (an order's lines, a journal entry's lines), in foreign-key order (a table
 * after the tables it references).
 */
record ShopSchema(String schema, List<Table> tables) {

    /** The outbox, the inbox, idempotency keys and migration history: the service's machinery, not the shop's data. */
    static final Set<String> MACHINERY = Set.of("kirana_outbox", "kirana_inbox", "kirana_idempotency", "flyway_schema_history");

    /**
     * @param filter       the SQL condition selecting the shop's rows (one {@code ?}: the shop id as text), with the
     *                     table itself aliased {@code t}
     * @param serialKey    the single-column key whose values come from a sequence (BIGSERIAL), or null
     * @param sequence     that column's sequence
     * @param references   foreign keys to other tables of the backup: column → referenced (table, column)
     */
    record Table(String name, List<Column> columns, String filter, String serialKey, String sequence,
                 Map<String, Reference> references) {
        Column column(String name) {
            return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
        }
    }

    /** @param type as PostgreSQL names it with its modifiers ({@code numeric(14,2)}, {@code timestamp with time zone}) */
    record Column(String name, String type) {
        boolean uuid() {
            return type.equals("uuid");
        }

        boolean text() {
            return type.equals("text") || type.startsWith("character") || type.equals("jsonb") || type.equals("json");
        }
    }

    record Reference(String table, String column) {
    }

    private record ForeignKey(String child, List<String> childColumns, String parent, List<String> parentColumns) {
    }

    static ShopSchema read(Connection c, String schema, Set<String> excluded) throws SQLException {
        Map<String, List<Column>> columns = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT cl.relname, a.attname, format_type(a.atttypid, a.atttypmod)
                FROM pg_attribute a JOIN pg_class cl ON cl.oid = a.attrelid JOIN pg_namespace n ON n.oid = cl.relnamespace
                WHERE n.nspname = ? AND cl.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
                  AND a.attgenerated = ''
                ORDER BY cl.relname, a.attnum""")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Column(rs.getString(2), rs.getString(3)));
                }
            }
        }
        List<ForeignKey> keys = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT ch.relname, pa.relname,
                       ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(n, i)
                             JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i),
                       ARRAY(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY u(n, i)
                             JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.i)
                FROM pg_constraint k JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
                JOIN pg_namespace n ON n.oid = ch.relnamespace
                WHERE k.contype = 'f' AND n.nspname = ?
                ORDER BY k.conname""")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(new ForeignKey(rs.getString(1), List.of((String[]) rs.getArray(3).getArray()),
                            rs.getString(2), List.of((String[]) rs.getArray(4).getArray())));
                }
            }
        }
        // the shop's tables, then the tables hanging off them by a foreign key, until none is added
        Set<String> shopTables = new LinkedHashSet<>();
        columns.forEach((table, cols) -> {
            if (!MACHINERY.contains(table) && !excluded.contains(table) && cols.stream().anyMatch(col -> col.name().equals("shop_id"))) {
                shopTables.add(table);
            }
        });
        Set<String> included = new LinkedHashSet<>(shopTables);
        boolean added = true;
        while (added) {
            added = false;
            for (ForeignKey k : keys) {
                if (!included.contains(k.child()) && included.contains(k.parent()) && !MACHINERY.contains(k.child())
                        && !excluded.contains(k.child())) {
                    included.add(k.child());
                    added = true;
                }
            }
        }
        Map<String, String> filters = new LinkedHashMap<>();
        for (String table : included) {
            filters.put(table, filter(table, "t", shopTables, included, keys, new java.util.HashSet<>(), new int[]{0}));
        }
        // foreign-key order: a table after every table of the backup it references
        List<String> ordered = new ArrayList<>();
        Set<String> pending = new LinkedHashSet<>(filters.keySet());
        while (!pending.isEmpty()) {
            String next = pending.stream()
                    .filter(t -> keys.stream().noneMatch(k -> k.child().equals(t) && !k.parent().equals(t) && pending.contains(k.parent())))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("foreign keys form a cycle among " + pending));
            ordered.add(next);
            pending.remove(next);
        }
        Map<String, String[]> serials = serialKeys(c, schema);
        List<Table> tables = new ArrayList<>();
        for (String name : ordered) {
            Map<String, Reference> references = new LinkedHashMap<>();
            for (ForeignKey k : keys) {
                if (k.child().equals(name) && k.childColumns().size() == 1 && filters.containsKey(k.parent())) {
                    references.put(k.childColumns().get(0), new Reference(k.parent(), k.parentColumns().get(0)));
                }
            }
            String[] serial = serials.get(name);
            tables.add(new Table(name, List.copyOf(columns.get(name)), filters.get(name),
                    serial == null ? null : serial[0], serial == null ? null : serial[1], references));
        }
        return new ShopSchema(schema, List.copyOf(tables));
    }

    /**
     * The condition selecting the shop's rows of {@code table} (aliased {@code alias}): its shop_id, or else a reference
     * to a shop's row of another table by any of its foreign keys (one {@code ?} per shop_id compared, each the shop id).
     */
    private static String filter(String table, String alias, Set<String> shopTables, Set<String> included, List<ForeignKey> keys,
                                 Set<String> visiting, int[] aliases) {
        if (shopTables.contains(table)) {
            return alias + ".shop_id::text = ?";
        }
        visiting.add(table);
        List<String> ways = new ArrayList<>();
        for (ForeignKey k : keys) {
            if (k.child().equals(table) && included.contains(k.parent()) && !visiting.contains(k.parent())) {
                String p = "p" + (++aliases[0]);
                ways.add("(" + cols(alias, k.childColumns()) + ") IN (SELECT " + cols(p, k.parentColumns()) + " FROM "
                        + k.parent() + " " + p + " WHERE " + filter(k.parent(), p, shopTables, included, keys, visiting, aliases) + ")");
            }
        }
        visiting.remove(table);
        if (ways.isEmpty()) {
            throw new IllegalStateException("no way from " + table + " to a table with a shop_id");
        }
        return ways.size() == 1 ? ways.get(0) : "(" + String.join(" OR ", ways) + ")";
    }

    /** table → {column, sequence} for a single-column primary key filled from a sequence */
    private static Map<String, String[]> serialKeys(Connection c, String schema) throws SQLException {
        Map<String, String[]> serials = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT cl.relname, a.attname, pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(cl.relname), a.attname)
                FROM pg_constraint k JOIN pg_class cl ON cl.oid = k.conrelid JOIN pg_namespace n ON n.oid = cl.relnamespace
                JOIN pg_attribute a ON a.attrelid = cl.oid AND a.attnum = k.conkey[1]
                WHERE k.contype = 'p' AND n.nspname = ? AND array_length(k.conkey, 1) = 1""")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(3) != null) {
                        serials.put(rs.getString(1), new String[]{rs.getString(2), rs.getString(3)});
                    }
                }
            }
        }
        return serials;
    }

    private static String cols(String alias, List<String> names) {
        return String.join(", ", names.stream().map(n -> alias + "." + n).toList());
    }

    /**
     * The {@code DO INSTEAD NOTHING}-style rules on DELETE of this schema's shop tables (an append-only ledger), as
     * {@code table.rule}: a restore or a purge turns them off for its own transaction only.
     */
    List<String> deleteRules(Connection c) throws SQLException {
        List<String> rules = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT tablename, rulename FROM pg_rules WHERE schemaname = ? AND definition LIKE '%ON DELETE%'""")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (table(rs.getString(1)) != null) {
                        rules.add(rs.getString(1) + "." + rs.getString(2));
                    }
                }
            }
        }
        return rules;
    }

    Table table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }
}
