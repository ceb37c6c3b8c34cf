package dev.kirana.bench;

import dev.kirana.events.AccountingEvents;
import dev.kirana.events.CatalogEvents;
import dev.kirana.events.EventJson;
import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.OrderEvents;
import dev.kirana.events.Topics;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;

/**
 * The reports phase: one shop's year of history, generated from a seeded {@link Random} and published straight to
 * Kafka as the services would have published it (products, stock receipts with lots, sales with their costs, voids,
 * refunds, khata balances, expenses); then the time reporting-service takes to project it, and the latency of every
 * report (and the dashboard) over a day, a month and the year, through the gateway and straight to reporting-service.
 */
final class ReportsBench {
    static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    static final double P95_BOUND_MS = 300;
    private static final String SOURCE = "/bench/reports";
    private static final String LOCATION = "loc-main";
    private static final int[] HOUR_WEIGHTS = {3, 5, 7, 6, 5, 4, 4, 4, 5, 7, 9, 9, 7, 4}; // 08:00 .. 21:59

    /** One report endpoint measured through both routes. */
    record Endpoint(String name, String path, Sample gateway, Sample direct) {
    }

    /** Latencies of one endpoint on one route; 429s and other failures are counted, never recorded as latencies. */
    record Sample(LatencyStats latency, long tooMany, long errors, String firstError, double meanKiB) {
    }

    /** What the phase produced, for the report. */
    record Result(int sales, int products, long events, Map<String, Long> eventsByType, LocalDate from, LocalDate to,
                  double publishSeconds, double projectionSeconds, boolean projected, String projectionNote,
                  long salesSeen, long voids, long refunds, int warmup, int requests, String directUrl,
                  List<Endpoint> endpoints, String rebuildNote) {
        double publishedPerSecond() {
            return publishSeconds > 0 ? events / publishSeconds : Double.NaN;
        }

        double projectedPerSecond() {
            return projected && projectionSeconds > 0 ? events / projectionSeconds : Double.NaN;
        }
    }

    private final BenchOptions o;
    private final KiranaApi api;
    private final Target target;
    private final PrintStream out;
    private final String shop;
    private final Random random;
    private final Map<String, Long> byType = new LinkedHashMap<>();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private KafkaProducer<String, byte[]> producer;
    private long events;
    private int voids;
    private int refunds;

    ReportsBench(BenchOptions o, KiranaApi api, Target target, PrintStream out) {
        this.o = o;
        this.api = api;
        this.target = target;
        this.out = out;
        this.shop = api.shopId();
        this.random = new Random(o.seed);
    }

    Result run() throws IOException, InterruptedException {
        if (target.kafkaBootstrap == null) {
            throw new IllegalStateException("the reports phase needs the stack's Kafka (give --state-dir of the running stack)");
        }
        LocalDate to = LocalDate.now(ZONE).minusDays(1);
        LocalDate from = to.minusDays(364);
        long[] before = salesCounts(from, to);
        out.printf("kirana bench: reports — generating %d sales over %d products, %s .. %s, for shop %s ...%n",
                o.reportSales, o.reportProducts, from, to, shop);
        long t0 = System.nanoTime();
        generate(from, to);
        double publishSeconds = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "  published %d events in %.1f s (%.0f/s)%s%n", events, publishSeconds, events / publishSeconds,
                failed.get() > 0 ? "; " + failed.get() + " sends FAILED: " + firstFailure.get() : "");
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " events could not be published: " + firstFailure.get());
        }

        long expectedSales = before[0] + o.reportSales;
        long expectedVoids = before[1] + voids;
        long expectedRefunds = before[2] + refunds;
        long deadline = t0 + Duration.ofSeconds(Math.max(300, events / 100)).toNanos();
        long[] seen = before;
        long lag = -1;
        long lastPrint = 0;
        boolean projected = false;
        while (System.nanoTime() < deadline) {
            lag = lag();
            seen = salesCounts(from, to);
            if (lag == 0 && seen[0] == expectedSales && seen[1] == expectedVoids && seen[2] == expectedRefunds) {
                projected = true;
                break;
            }
            if (System.nanoTime() - lastPrint > 15_000_000_000L) {
                lastPrint = System.nanoTime();
                out.printf(Locale.ROOT, "  projecting: lag %d, sales seen %d of %d (%.0f s)%n", lag, seen[0], expectedSales,
                        (System.nanoTime() - t0) / 1e9);
            }
            KiranaApi.sleep(1000);
        }
        double projectionSeconds = (System.nanoTime() - t0) / 1e9;
        String note = projected ? null : String.format(Locale.ROOT, "not fully projected after %.0f s: lag %d, sales %d of %d, "
                + "voids %d of %d, refunds %d of %d", projectionSeconds, lag, seen[0], expectedSales, seen[1], expectedVoids,
                seen[2], expectedRefunds);
        if (projected) {
            out.printf(Locale.ROOT, "  reporting projected everything in %.1f s from the first send (%.0f events/s); "
                    + "the year shows %d sales, %d voids, %d refunds%n", projectionSeconds, events / projectionSeconds,
                    seen[0], seen[1], seen[2]);
        } else {
            out.println("  ! " + note + "; measuring anyway");
        }

        List<Endpoint> endpoints = measure(from, to);
        String rebuild = rebuild();
        return new Result(o.reportSales, o.reportProducts, events, Map.copyOf(byType), from, to, publishSeconds,
                projectionSeconds, projected, note, seen[0], seen[1], seen[2], o.reportWarmup, o.reportRequests,
                target.reportingUrl, endpoints, rebuild);
    }

    /**
     * The read models rebuilt from the topics once the other services are idle (POST /actuator/readmodels on
     * reporting-service's management port): how fast the projection code applies events when it has the cores to itself.
     */
    private String rebuild() {
        if (target.reportingManagementUrl == null) {
            return null;
        }
        String url = target.reportingManagementUrl + "/actuator/readmodels";
        long t0 = System.nanoTime();
        KiranaApi.Response started = api.post(url, Map.of());
        if (started.status() != 200) {
            return "rebuild not started: HTTP " + started.status() + " " + started.raw();
        }
        long deadline = t0 + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            KiranaApi.sleep(1000);
            JsonNode r = api.get(url).body().get("rebuild");
            String state = r.get("state").asString();
            if ("DONE".equals(state) || "FAILED".equals(state)) {
                double secs = (System.nanoTime() - t0) / 1e9;
                long applied = r.get("applied").asLong();
                String line = String.format(Locale.ROOT, "%s in %.1f s: %d events applied (%.0f events/s), %d skipped%s",
                        state, secs, applied, applied / secs, r.get("skipped").asLong(),
                        "FAILED".equals(state) ? " (" + r.get("error").asString() + ")" : "");
                out.println("  read-model rebuild " + line);
                return line;
            }
        }
        return "rebuild still running after 30 minutes";
    }

    // ---- waiting for the projection -----------------------------------------------------------------------------

    private long lag() {
        KiranaApi.Response r = api.get(target.gatewayUrl + "/api/v1/reports/status");
        if (r.status() != 200 || r.body() == null || !r.body().has("lag")) {
            return -1;
        }
        return r.body().get("lag").asLong();
    }

    /** Sales, voids and refunds over the range, from the sales summary by month. */
    private long[] salesCounts(LocalDate from, LocalDate to) {
        KiranaApi.Response r = api.get(target.gatewayUrl + "/api/v1/reports/sales?groupBy=month&from=" + from + "&to=" + to);
        if (r.status() != 200 || r.body() == null) {
            throw new IllegalStateException("sales summary: HTTP " + r.status() + " " + r.raw());
        }
        JsonNode t = r.body().get("totals");
        return new long[]{count(t, "sales"), count(t, "voids"), count(t, "refunds")};
    }

    private static long count(JsonNode totals, String field) {
        JsonNode n = totals == null ? null : totals.get(field);
        return n == null || n.isNull() ? 0 : n.asLong();
    }

    // ---- measuring ---------------------------------------------------------------------------------------------

    private List<Endpoint> measure(LocalDate from, LocalDate to) {
        LocalDate monthFrom = to.minusDays(29);
        Map<String, String> ranges = new LinkedHashMap<>();
        ranges.put("day", "from=" + to + "&to=" + to);
        ranges.put("month", "from=" + monthFrom + "&to=" + to);
        ranges.put("year", "from=" + from + "&to=" + to);
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("dashboard", "/dashboard?date=" + to);
        paths.put("status", "/status");
        List<String> ranged = new ArrayList<>(List.of("sales?groupBy=day", "sales?groupBy=week", "sales?groupBy=month"));
        for (String dim : List.of("product", "category", "hsn", "tender", "cashier", "customer", "hour", "weekday")) {
            ranged.add("sales/by/" + dim);
        }
        ranged.addAll(List.of("sales/top", "profitability?by=product", "profitability?by=category", "tax", "expenses",
                "cash-flow"));
        for (String report : ranged) {
            for (Map.Entry<String, String> range : ranges.entrySet()) {
                if (report.startsWith("sales?groupBy=") && !report.endsWith("day") && !range.getKey().equals("year")) {
                    continue; // weeks and months matter over the year only
                }
                String sep = report.contains("?") ? "&" : "?";
                paths.put(report + " (" + range.getKey() + ")", "/" + report + sep + range.getValue());
            }
        }
        for (String report : List.of("stock?by=category", "stock?by=product", "stock/expiring?days=30", "stock/slow-moving",
                "stock/ageing", "khata")) {
            paths.put(report, "/" + report);
        }
        String gw = target.gatewayUrl + "/api/v1/reports";
        String direct = target.reportingUrl == null ? null : target.reportingUrl + "/api/v1/reports";
        out.printf("kirana bench: reports — %d endpoints, %d warm-up + %d measured sequential requests each, gateway%s ...%n",
                paths.size(), o.reportWarmup, o.reportRequests, direct == null ? " only (reporting-service's port unknown)" : " and direct");
        List<Endpoint> result = new ArrayList<>();
        for (Map.Entry<String, String> e : paths.entrySet()) {
            repeat(gw + e.getValue(), o.reportWarmup, false);
            if (direct != null) {
                repeat(direct + e.getValue(), o.reportWarmup, false);
            }
            Sample g = repeat(gw + e.getValue(), o.reportRequests, true);
            Sample d = direct == null ? null : repeat(direct + e.getValue(), o.reportRequests, true);
            Endpoint ep = new Endpoint(e.getKey(), e.getValue(), g, d);
            result.add(ep);
            out.printf(Locale.ROOT, "  %-34s gateway p50 %6s p95 %6s p99 %6s ms%s | direct p50 %6s p95 %6s p99 %6s ms%s%n",
                    ep.name(), Report.ms(g.latency().p50()), Report.ms(g.latency().p95()), Report.ms(g.latency().p99()),
                    problems(g), d == null ? "–" : Report.ms(d.latency().p50()), d == null ? "–" : Report.ms(d.latency().p95()),
                    d == null ? "–" : Report.ms(d.latency().p99()), d == null ? "" : problems(d));
        }
        return result;
    }

    private static String problems(Sample s) {
        return (s.tooMany() > 0 ? " 429×" + s.tooMany() : "") + (s.errors() > 0 ? " errors×" + s.errors() + " (" + s.firstError() + ")" : "");
    }

    /** {@code n} sequential GETs; the latency of each 200 is recorded, 429s and failures are counted. */
    private Sample repeat(String url, int n, boolean record) {
        Histogram h = LatencyStats.newHistogram();
        long tooMany = 0;
        long errors = 0;
        long bytes = 0;
        String firstError = null;
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            try {
                HttpResponse<byte[]> r = api.getOnce(url, Duration.ofSeconds(60));
                long micros = Math.max(1, (System.nanoTime() - start) / 1000);
                if (r.statusCode() == 200) {
                    h.recordValue(Math.min(micros, h.getHighestTrackableValue()));
                    bytes += r.body().length;
                } else if (r.statusCode() == 429) {
                    tooMany++;
                    long wait = r.headers().firstValueAsLong("Retry-After").orElse(1);
                    KiranaApi.sleep(Math.min(wait, 5) * 1000);
                } else {
                    errors++;
                    if (firstError == null) {
                        String title = KiranaApi.problemTitle(r.body());
                        firstError = "HTTP " + r.statusCode() + (title == null ? "" : " " + title);
                    }
                }
            } catch (IOException e) {
                errors++;
                if (firstError == null) {
                    firstError = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        if (!record) {
            return null;
        }
        long ok = h.getTotalCount();
        return new Sample(LatencyStats.of(h), tooMany, errors, firstError, ok == 0 ? 0 : bytes / 1024.0 / ok);
    }

    // ---- generating the year ------------------------------------------------------------------------------------

    private record Category(String id, String path, String hsn, int gstRate, boolean perishable) {
    }

    private static final List<Category> CATEGORIES = List.of(
            new Category("c-staples", "Grocery/Staples", "1006", 5, false),
            new Category("c-pulses", "Grocery/Pulses", "0713", 5, false),
            new Category("c-tea", "Grocery/Tea and coffee", "0902", 5, false),
            new Category("c-spices", "Grocery/Spices", "0910", 5, false),
            new Category("c-oil", "Grocery/Edible oil", "1512", 5, false),
            new Category("c-dairy", "Dairy", "0405", 12, true),
            new Category("c-bakery", "Bakery", "1905", 18, true),
            new Category("c-snacks", "Snacks", "2106", 12, true),
            new Category("c-beverages", "Beverages", "2202", 18, false),
            new Category("c-personal", "Personal care", "3305", 18, false),
            new Category("c-household", "Household", "3402", 18, false),
            new Category("c-frozen", "Frozen", "2105", 18, true));

    private static final class Lot {
        final String id;
        final long unitCost;
        int remaining;

        Lot(String id, long unitCost, int remaining) {
            this.id = id;
            this.unitCost = unitCost;
            this.remaining = remaining;
        }
    }

    private static final class Product {
        final String id;
        final String sku;
        final String name;
        final Category category;
        final long price;
        final long cost;
        final int reorder;
        final ArrayDeque<Lot> lots = new ArrayDeque<>();
        int onHand;

        Product(String id, String sku, String name, Category category, long price, long cost, int reorder) {
            this.id = id;
            this.sku = sku;
            this.name = name;
            this.category = category;
            this.price = price;
            this.cost = cost;
            this.reorder = reorder;
        }
    }

    private record Customer(String partyId, OrderEvents.Customer customer) {
    }

    private void generate(LocalDate from, LocalDate to) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, target.kafkaBootstrap);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer = p;
            Instant opening = from.minusDays(1).atTime(7, 0).atZone(ZONE).toInstant();

            // products and their opening stock
            List<Product> products = new ArrayList<>();
            for (int i = 0; i < o.reportProducts; i++) {
                Category c = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
                long price = 1000 + random.nextInt(49_000); // 10.00 .. 499.99
                price -= price % 50; // prices end in .00 or .50
                long cost = price * (70 + random.nextInt(16)) / 100;
                int reorder = 5 + random.nextInt(16);
                Product pr = new Product(UUID.randomUUID().toString(), "RPT-" + i, c.path().replaceAll(".*/", "") + " item " + i,
                        c, price, cost, reorder);
                products.add(pr);
                send(Topics.CATALOG, EventTypes.PRODUCT_CREATED, pr.id, opening.minusSeconds(3600),
                        new CatalogEvents.ProductChanged(pr.id, pr.sku, null, pr.name, c.hsn(), BigDecimal.valueOf(c.gstRate()),
                                money(price), money(price + price / 20), true, "PCS", true, 1, null, c.id(), c.path(), money(cost),
                                BigDecimal.valueOf(reorder), c.perishable(), false));
            }
            for (Product pr : products) {
                receive(pr, opening, opening.atZone(ZONE).toLocalDate(), 40 + random.nextInt(60));
            }

            // customers (khata parties) and the cashiers
            List<Customer> customers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String phone = "98" + String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000));
                Customer cu = new Customer(UUID.randomUUID().toString(),
                        new OrderEvents.Customer("Customer " + i, phone, null, "27"));
                customers.add(cu);
                send(Topics.ACCOUNTING, EventTypes.PARTY_CREATED, cu.partyId(), opening,
                        new AccountingEvents.PartyCreated(cu.partyId(), "CUSTOMER", cu.customer().name(), phone, null, "27", null,
                                money(500_000), BigDecimal.ZERO.setScale(2), from, "API", opening));
            }
            long[] khata = new long[customers.size()];
            String[] cashiers = {"u-cashier-1", "u-cashier-2", "u-cashier-3"};

            // sales per day: busier weekends and festive months, some noise
            int days = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
            double[] weight = new double[days];
            double total = 0;
            for (int d = 0; d < days; d++) {
                LocalDate day = from.plusDays(d);
                double w = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY ? 1.25 : 1.0;
                if (day.getMonthValue() == 10 || day.getMonthValue() == 11) {
                    w *= 1.3;
                }
                w *= 0.85 + 0.3 * random.nextDouble();
                weight[d] = w;
                total += w;
            }
            int[] perDay = new int[days];
            int assigned = 0;
            for (int d = 0; d < days; d++) {
                perDay[d] = (int) Math.floor(o.reportSales * weight[d] / total);
                assigned += perDay[d];
            }
            while (assigned < o.reportSales) {
                perDay[random.nextInt(days)]++;
                assigned++;
            }
            int hourTotal = Arrays.stream(HOUR_WEIGHTS).sum();
            int invoice = 0;
            int sold = 0;
            for (int d = 0; d < days; d++) {
                LocalDate day = from.plusDays(d);
                Instant dayStart = day.atStartOfDay(ZONE).toInstant();
                long[] seconds = new long[perDay[d]];
                for (int i = 0; i < seconds.length; i++) {
                    int pick = random.nextInt(hourTotal);
                    int hour = 0;
                    while (pick >= HOUR_WEIGHTS[hour]) {
                        pick -= HOUR_WEIGHTS[hour];
                        hour++;
                    }
                    seconds[i] = (8L + hour) * 3600 + random.nextInt(3600);
                }
                Arrays.sort(seconds);
                for (long s : seconds) {
                    Instant at = dayStart.plusSeconds(s);
                    sale(products, customers, khata, cashiers[random.nextInt(cashiers.length)], at, ++invoice, to);
                    sold++;
                }
                expenses(day);
                if (d % 30 == 0) {
                    out.printf("  ... %s: %d sales so far, %d events%n", day, sold, events);
                }
            }
            p.flush();
        } finally {
            producer = null;
        }
    }

    private void sale(List<Product> products, List<Customer> customers, long[] khata, String cashier, Instant at, int number,
                      LocalDate lastDay) {
        String orderId = UUID.randomUUID().toString();
        int lineCount = 1 + Math.min(4, (int) Math.floor(-Math.log(1 - random.nextDouble()) * 1.4));
        List<Product> chosen = new ArrayList<>();
        while (chosen.size() < lineCount) {
            // a skewed pick: a few products sell far more often than most
            double u = random.nextDouble();
            Product pr = products.get((int) Math.min(products.size() - 1, Math.floor(u * u * products.size())));
            if (!chosen.contains(pr)) {
                chosen.add(pr);
            }
        }
        List<OrderEvents.OrderLine> lines = new ArrayList<>();
        List<InventoryEvents.CostedLine> costs = new ArrayList<>();
        long totalPaise = 0;
        long discountPaise = 0;
        long taxablePaise = 0;
        long cgstPaise = 0;
        long sgstPaise = 0;
        long[][] lineFigures = new long[lineCount][];
        int[] quantities = new int[lineCount];
        for (int i = 0; i < lineCount; i++) {
            Product pr = chosen.get(i);
            int qty = random.nextInt(10) < 7 ? 1 : 2 + random.nextInt(3);
            quantities[i] = qty;
            long gross = pr.price * qty;
            long discount = random.nextInt(20) == 0 ? gross / 20 : 0;
            long lineTotal = gross - discount;
            long taxable = Math.round(lineTotal * 100.0 / (100 + pr.category.gstRate()));
            long tax = lineTotal - taxable;
            long cgst = tax / 2;
            long sgst = tax - cgst;
            lineFigures[i] = new long[]{lineTotal, taxable, cgst, sgst};
            totalPaise += lineTotal;
            discountPaise += discount;
            taxablePaise += taxable;
            cgstPaise += cgst;
            sgstPaise += sgst;
            lines.add(new OrderEvents.OrderLine(pr.id, pr.sku, pr.name, BigDecimal.valueOf(qty), money(pr.price), money(lineTotal),
                    i + 1, pr.category.hsn(), "PCS", BigDecimal.valueOf(pr.category.gstRate()), true, money(discount), money(taxable),
                    money(cgst), money(sgst), money(0)));
            costs.add(take(pr, qty, at));
        }
        int tenderPick = random.nextInt(100);
        String tenderType = tenderPick < 45 ? "CASH" : tenderPick < 80 ? "UPI" : tenderPick < 92 ? "CARD" : "CREDIT";
        int customerIndex = tenderType.equals("CREDIT") || random.nextInt(10) < 3 ? random.nextInt(customers.size()) : -1;
        OrderEvents.Customer customer = customerIndex < 0 ? null : customers.get(customerIndex).customer();
        List<OrderEvents.Tender> tenders = new ArrayList<>();
        if (tenderType.equals("CASH") && totalPaise > 20_000 && random.nextInt(5) == 0) {
            long upi = totalPaise / 2;
            tenders.add(new OrderEvents.Tender("UPI", money(upi), null, null, null, null));
            tenders.add(new OrderEvents.Tender("CASH", money(totalPaise - upi), null, null, null, null));
        } else {
            tenders.add(new OrderEvents.Tender(tenderType, money(totalPaise), null, null, null, null));
        }
        String invoiceNumber = "INV-" + number;
        send(Topics.ORDER, EventTypes.ORDER_CONFIRMED, orderId, at, new OrderEvents.OrderConfirmed(orderId, cashier, "INR", lines,
                money(totalPaise), at, invoiceNumber, at.minusSeconds(5), LOCATION, "TAX_INVOICE", "27", "27", "INTRA_STATE",
                customer, tenders, money(discountPaise), money(taxablePaise), money(cgstPaise), money(sgstPaise), money(0), money(0),
                0L, null, money(0)));
        send(Topics.INVENTORY, EventTypes.STOCK_COMMITTED, orderId, at.plusSeconds(1), new InventoryEvents.StockCommitted(orderId, costs));

        int fate = random.nextInt(100);
        if (fate == 0) {
            // voided a few minutes later by the owner
            Instant voidedAt = at.plusSeconds(120 + random.nextInt(1200));
            send(Topics.ORDER, EventTypes.ORDER_VOIDED, orderId, voidedAt, new OrderEvents.OrderVoided(orderId, invoiceNumber,
                    "entered by mistake", "u-owner", voidedAt, "INR", LOCATION, lines, money(totalPaise), "TAX_INVOICE", "27",
                    "INTRA_STATE", customer, tenders, money(taxablePaise), money(cgstPaise), money(sgstPaise), money(0), money(0),
                    0L, money(0)));
            voids++;
            return;
        }
        if (customerIndex >= 0 && tenderType.equals("CREDIT")) {
            khata[customerIndex] += totalPaise;
            balance(customers.get(customerIndex), khata[customerIndex], at.plusSeconds(2));
        }
        if (fate <= 2) {
            // one line (or part of it) comes back within a week, never after the last generated day
            int i = random.nextInt(lineCount);
            int qty = 1 + random.nextInt(quantities[i]);
            long[] f = lineFigures[i];
            long amount = f[0] * qty / quantities[i];
            long taxable = f[1] * qty / quantities[i];
            long tax = amount - taxable;
            long cgst = tax / 2;
            long sgst = tax - cgst;
            Instant refundedAt = at.plusSeconds(3600 + random.nextInt(6 * 86_400));
            Instant latest = lastDay.atTime(21, 59).atZone(ZONE).toInstant();
            if (refundedAt.isAfter(latest)) {
                refundedAt = at.plusSeconds(60).isAfter(latest) ? at.plusSeconds(30) : latest;
            }
            Product pr = chosen.get(i);
            OrderEvents.OrderLine line = lines.get(i);
            String refundType = tenderType.equals("CREDIT") ? "CASH" : tenders.get(tenders.size() - 1).type();
            send(Topics.ORDER, EventTypes.ORDER_REFUNDED, orderId, refundedAt, new OrderEvents.OrderRefunded(orderId,
                    UUID.randomUUID().toString(), "CN-" + (refunds + 1), invoiceNumber, "returned", "u-owner", refundedAt, "INR",
                    LOCATION, List.of(new OrderEvents.RefundLine(i + 1, pr.id, pr.sku, pr.name, line.hsn(), BigDecimal.valueOf(qty),
                    line.gstRate(), money(taxable), money(cgst), money(sgst), money(0), money(amount), "RESTOCK")),
                    money(amount), "TAX_INVOICE", "27", "INTRA_STATE", customer,
                    new OrderEvents.Tender(refundType, money(amount), null, null, null, null), money(taxable), money(cgst),
                    money(sgst), money(0), money(0), 0L, false, money(0)));
            refunds++;
        }
        if (random.nextInt(40) == 0) {
            // a khata customer pays back part of what they owe
            int c = random.nextInt(customers.size());
            if (khata[c] > 0) {
                khata[c] -= Math.min(khata[c], (khata[c] / 2) + random.nextInt(10_000));
                balance(customers.get(c), khata[c], at.plusSeconds(30));
            }
        }
    }

    private void balance(Customer c, long paise, Instant at) {
        send(Topics.ACCOUNTING, EventTypes.PARTY_BALANCE_CHANGED, c.partyId(), at,
                new AccountingEvents.PartyBalanceChanged(c.partyId(), "CUSTOMER", money(paise), money(500_000), null, at,
                        c.customer().phone(), null));
    }

    /** Takes {@code qty} off the product's lots first-in first-out, receiving a new lot first when stock runs low. */
    private InventoryEvents.CostedLine take(Product pr, int qty, Instant at) {
        if (pr.onHand - qty < pr.reorder) {
            LocalDate day = at.atZone(ZONE).toLocalDate();
            Instant morning = day.atTime(7, 0).atZone(ZONE).toInstant();
            receive(pr, morning.isBefore(at) ? morning : at.minusSeconds(60), day, pr.reorder * 4 + qty + random.nextInt(50));
        }
        List<InventoryEvents.LotMove> moves = new ArrayList<>();
        int left = qty;
        long value = 0;
        while (left > 0) {
            Lot lot = pr.lots.peekFirst();
            int q = Math.min(left, lot.remaining);
            lot.remaining -= q;
            left -= q;
            value += q * lot.unitCost;
            moves.add(new InventoryEvents.LotMove(lot.id, null, null, null, BigDecimal.valueOf(-q), money(lot.unitCost)));
            if (lot.remaining == 0) {
                pr.lots.removeFirst();
            }
        }
        pr.onHand -= qty;
        return new InventoryEvents.CostedLine(pr.id, BigDecimal.valueOf(qty), money(Math.round((double) value / qty)), moves);
    }

    private void receive(Product pr, Instant at, LocalDate day, int qty) {
        long unitCost = pr.cost * (95 + random.nextInt(11)) / 100;
        LocalDate expiry = pr.category.perishable() ? day.plusDays(20 + random.nextInt(100)) : null;
        Lot lot = new Lot(UUID.randomUUID().toString(), unitCost, qty);
        pr.lots.addLast(lot);
        pr.onHand += qty;
        send(Topics.INVENTORY, EventTypes.STOCK_RECEIVED, pr.id, at, new InventoryEvents.StockReceived(pr.id, LOCATION,
                BigDecimal.valueOf(qty), money(unitCost), BigDecimal.valueOf(pr.onHand), null,
                List.of(new InventoryEvents.LotMove(lot.id, expiry == null ? null : "B-" + day, expiry, at, BigDecimal.valueOf(qty),
                        money(unitCost)))));
    }

    private void expenses(LocalDate day) {
        Instant at = day.atTime(20, 0).atZone(ZONE).toInstant();
        if (day.getDayOfMonth() == 1) {
            expense("x-rent", "Rent", "5200", day, at, 1_500_000, 0, "BANK", "1051");
        }
        if (day.getDayOfMonth() == 5) {
            expense("x-power", "Electricity", "5300", day, at, 250_000 + random.nextInt(150_000), 18, "BANK", "1051");
        }
        if (random.nextInt(3) == 0) {
            expense("x-staff", "Staff welfare", "5400", day, at, 3_000 + random.nextInt(10_000), 0, "CASH", "1000");
        }
        if (day.getDayOfWeek() == DayOfWeek.MONDAY) {
            expense("x-transport", "Transport", "5500", day, at, 20_000 + random.nextInt(80_000), 5, "UPI", "1051");
        }
    }

    private void expense(String categoryId, String category, String account, LocalDate day, Instant at, long net, int rate,
                         String mode, String paidFrom) {
        long tax = net * rate / 100;
        long cgst = tax / 2;
        long sgst = tax - cgst;
        String id = UUID.randomUUID().toString();
        send(Topics.ACCOUNTING, EventTypes.EXPENSE_RECORDED, id, at, new AccountingEvents.ExpenseRecorded(id, categoryId, category,
                account, day, money(net + tax), money(net), BigDecimal.valueOf(rate), money(cgst), money(sgst), money(0), mode,
                paidFrom, null, UUID.randomUUID().toString(), "u-owner"));
    }

    private void send(String topic, String type, String key, Instant at, Object data) {
        CloudEvent e = KiranaEvents.event(UUID.randomUUID().toString(), type, SOURCE, key, shop, at.atOffset(ZoneOffset.UTC),
                EventJson.write(data));
        producer.send(KiranaEvents.toRecord(topic, key, e), (meta, error) -> {
            if (error != null) {
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, error.toString());
            }
        });
        events++;
        byType.merge(type, 1L, Long::sum);
    }

    private static BigDecimal money(long paise) {
        return BigDecimal.valueOf(paise, 2);
    }
}
