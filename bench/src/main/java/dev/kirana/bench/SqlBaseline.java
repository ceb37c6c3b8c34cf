package dev.kirana.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The floor under the suite: the bare SQL work of one order — the conditional reserve of inventory,
 * the order row and its outbox row — in one JDBC transaction against the same PostgreSQL, by a
 * closed loop of plain threads (one connection each) at the suite's concurrency.
 *
 * <p>It runs in its own database ({@value #DATABASE}), never in the suite's: the tables are created
 * from the services' own Flyway migrations (inventory's into schema {@code inv}, order-service's
 * and the platform outbox into schema {@code ord}), so the baseline follows the real schema as it evolves.
 */
final class SqlBaseline {
    static final String DATABASE = "kirana_bench";
    static final String SHOP = "bench-shop";
    private static final Pattern VERSION = Pattern.compile("^V(\\d+(?:[._]\\d+)*)__.*\\.sql$");

    private final Db db;
    private final Path root;
    private final int products;
    private final UUID location = UUID.randomUUID();
    final List<String> migrations = new ArrayList<>();

    SqlBaseline(Db db, Path root, int products) {
        this.db = db;
        this.root = root;
        this.products = products;
    }

    /** (Re)creates the baseline database from the migrations and gives every product a large stock. */
    void prepare() throws SQLException, IOException {
        try (Connection admin = db.open("postgres"); Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DATABASE);
        }
        try (Connection c = db.open(DATABASE); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA inv");
            s.execute("CREATE SCHEMA ord");
            apply(s, "inv", migrationFiles(root.resolve("inventory-service/src/main/resources/db/migration")));
            List<Path> order = new ArrayList<>(migrationFiles(root.resolve("order-service/src/main/resources/db/migration")));
            order.addAll(migrationFiles(root.resolve("platform/messaging/src/main/resources/db/kirana-platform")));
            order.sort(Comparator.comparing((Path p) -> version(p.getFileName().toString()), SqlBaseline::compareVersions));
            apply(s, "ord", order);
            s.execute("SET search_path TO public");
            try (PreparedStatement loc = c.prepareStatement(
                    "INSERT INTO inv.locations (id, shop_id, code, name, is_default) VALUES (?, ?, 'MAIN', 'Main', true)")) {
                loc.setObject(1, location);
                loc.setString(2, SHOP);
                loc.executeUpdate();
            }
            try (PreparedStatement stock = c.prepareStatement(
                    "INSERT INTO inv.stock_levels (shop_id, product_id, location_id, on_hand, reserved, avg_cost) "
                            + "VALUES (?, ?, ?, 1000000000, 0, 40)")) {
                for (int i = 0; i <= products; i++) {
                    stock.setString(1, SHOP);
                    stock.setString(2, productId(i));
                    stock.setObject(3, location);
                    stock.addBatch();
                }
                stock.executeBatch();
            }
            s.execute("ANALYZE");
        }
    }

    private void apply(Statement s, String schema, List<Path> files) throws SQLException, IOException {
        s.execute("SET search_path TO " + schema);
        for (Path f : files) {
            try {
                s.execute(Files.readString(f, StandardCharsets.UTF_8));
            } catch (SQLException e) {
                throw new SQLException("migration " + root.relativize(f) + " failed in the baseline database: "
                        + e.getMessage(), e);
            }
            migrations.add(schema + ": " + root.relativize(f));
        }
    }

    static List<Path> migrationFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("no migrations in " + dir);
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> VERSION.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing((Path p) -> version(p.getFileName().toString()), SqlBaseline::compareVersions))
                    .toList();
        }
    }

    /** Flyway's version of {@code V2_1__x.sql}: [2, 1]. */
    static int[] version(String fileName) {
        Matcher m = VERSION.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a versioned migration: " + fileName);
        }
        String[] parts = m.group(1).split("[._]");
        int[] v = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = Integer.parseInt(parts[i]);
        }
        return v;
    }

    static int compareVersions(int[] a, int[] b) {
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = i < a.length ? a[i] : 0;
            int y = i < b.length ? b[i] : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }

    static String productId(int i) {
        return "bench-product-" + i;
    }

    /**
     * Runs the closed loop for {@code window}: each of {@code spec.concurrency()} threads does one
     * order transaction after the other. {@code hot}: every order reserves the same product.
     */
    PhaseResult run(PhaseSpec spec, Duration window, boolean hot, long originNanos, CpuSampler cpu)
            throws InterruptedException {
        PhaseRecorder recorder = new PhaseRecorder(spec, originNanos);
        int threads = spec.concurrency();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        long[] startEnd = new long[2];
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> loop(recorder, ready, go, startEnd, hot), "bench-sql-" + t);
            w.setDaemon(true);
            workers.add(w);
            w.start();
        }
        ready.await(30, TimeUnit.SECONDS);
        CpuSampler.Snapshot before = cpu.sample();
        startEnd[0] = System.nanoTime();
        startEnd[1] = startEnd[0] + window.toNanos();
        go.countDown();
        for (Thread w : workers) {
            w.join(window.toMillis() + 30_000);
        }
        CpuSampler.Snapshot after = cpu.sample();
        double seconds = (System.nanoTime() - startEnd[0]) / 1e9;
        return recorder.finish(seconds, 0, cpu.delta(before, after), (startEnd[0] - originNanos) / 1e9,
                (System.nanoTime() - originNanos) / 1e9);
    }

    private void loop(PhaseRecorder recorder, CountDownLatch ready, CountDownLatch go, long[] startEnd, boolean hot) {
        try (Connection c = db.open(DATABASE)) {
            c.setAutoCommit(false);
            try (PreparedStatement reserve = c.prepareStatement("UPDATE inv.stock_levels SET reserved = reserved + ? "
                    + "WHERE shop_id = ? AND product_id = ? AND location_id = ? AND on_hand - reserved >= ?");
                 PreparedStatement order = c.prepareStatement("INSERT INTO ord.orders (id, shop_id, status, cashier_id, "
                         + "location_id, currency, total, reason, placed_at, deadline, updated_at) VALUES "
                         + "(?, ?, 'PENDING', ?, ?, 'INR', 48.00, NULL, ?, ?, ?)");
                 PreparedStatement outbox = c.prepareStatement("INSERT INTO ord.kirana_outbox (event_id, topic, record_key, "
                         + "event_type, source, subject, shop_id, occurred_at, data) VALUES "
                         + "(?, 'kirana.order.events', ?, 'kirana.order.placed.v1', 'order-service', ?, ?, ?, ?)")) {
                ready.countDown();
                go.await();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                java.math.BigDecimal one = java.math.BigDecimal.ONE;
                while (true) {
                    long start = System.nanoTime();
                    if (start >= startEnd[1]) {
                        return;
                    }
                    recorder.scheduled();
                    String product = hot ? productId(products) : productId(random.nextInt(products));
                    UUID id = UUID.randomUUID();
                    try {
                        reserve.setBigDecimal(1, one);
                        reserve.setString(2, SHOP);
                        reserve.setString(3, product);
                        reserve.setObject(4, location);
                        reserve.setBigDecimal(5, one);
                        if (reserve.executeUpdate() != 1) {
                            c.rollback();
                            recorder.record(start, new Outcome(Outcome.Kind.REJECTED, 0, start, Outcome.NONE, System.nanoTime(), -1, null));
                            continue;
                        }
                        Instant now = Instant.now();
                        java.sql.Timestamp ts = java.sql.Timestamp.from(now);
                        order.setObject(1, id);
                        order.setString(2, SHOP);
                        order.setString(3, "bench-cashier");
                        order.setString(4, location.toString());
                        order.setTimestamp(5, ts);
                        order.setTimestamp(6, java.sql.Timestamp.from(now.plusSeconds(30)));
                        order.setTimestamp(7, ts);
                        order.executeUpdate();
                        outbox.setObject(1, UUID.randomUUID());
                        outbox.setString(2, id.toString());
                        outbox.setString(3, id.toString());
                        outbox.setString(4, SHOP);
                        outbox.setTimestamp(5, ts);
                        outbox.setBytes(6, eventData(id, product, now));
                        outbox.executeUpdate();
                        c.commit();
                        long done = System.nanoTime();
                        recorder.record(start, new Outcome(Outcome.Kind.CONFIRMED, 0, start, Outcome.NONE, done, -1, null));
                    } catch (SQLException e) {
                        try {
                            c.rollback();
                        } catch (SQLException ignored) {
                            // the next statement reports a broken connection
                        }
                        recorder.record(start, Outcome.failure(Outcome.Kind.IO_ERROR, 0, start, System.nanoTime(),
                                e.getSQLState() + " " + e.getMessage()));
                    }
                }
            }
        } catch (SQLException e) {
            ready.countDown();
            recorder.record(System.nanoTime(), Outcome.failure(Outcome.Kind.IO_ERROR, 0, Outcome.NONE, System.nanoTime(),
                    "connection: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An order.placed payload of the size the suite writes (one line, GST split). */
    static byte[] eventData(UUID id, String product, Instant now) {
        return ("{\"orderId\":\"" + id + "\",\"cashierId\":\"bench-cashier\",\"locationId\":null,\"currency\":\"INR\","
                + "\"lines\":[{\"productId\":\"" + product + "\",\"sku\":\"BENCH\",\"name\":\"Bench item\",\"quantity\":1,"
                + "\"unitPrice\":48.00,\"lineTotal\":48.00,\"lineNo\":1,\"hsn\":\"1701\",\"unit\":\"PCS\",\"gstRate\":5,"
                + "\"taxInclusive\":true,\"discount\":0.00,\"taxableValue\":45.71,\"cgst\":1.14,\"sgst\":1.15,\"igst\":0.00}],"
                + "\"total\":48.00,\"placedAt\":\"" + now + "\",\"deadline\":\"" + now.plusSeconds(30) + "\","
                + "\"documentType\":\"TAX_INVOICE\",\"supplierStateCode\":\"29\",\"placeOfSupply\":\"29\","
                + "\"supplyType\":\"INTRA_STATE\",\"customer\":null,\"tenders\":[{\"type\":\"CASH\",\"amount\":48.00,"
                + "\"tendered\":48.00,\"change\":0.00,\"reference\":null,\"points\":null}],\"discount\":0.00,"
                + "\"taxableValue\":45.71,\"cgst\":1.14,\"sgst\":1.15,\"igst\":0.00,\"roundOff\":0.00}")
                .getBytes(StandardCharsets.UTF_8);
    }

    void drop() {
        try (Connection admin = db.open("postgres"); Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("bench: could not drop " + DATABASE + ": " + e.getMessage());
        }
    }
}
