package dev.kirana.bench.demo;

import dev.kirana.bench.KiranaApi;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./kirana demo}: loads a demo kirana into a running suite through its public API (the gateway), as the shop's
 * owner and staff would: a price list, opening stock in two locations, suppliers and their bills, customers with khata
 * balances, staff, expenses, a day close, and a day of sales with split tenders, discounts, refunds and a void.
 *
 * <p>Idempotent: every POST with an effect carries an {@code Idempotency-Key} derived from the shop and a fixed name
 * ({@link UUID#nameUUIDFromBytes}), and the same body (the plan is deterministic and dated from the shop's first demo
 * day), so a second run is answered from the first run's responses; what has no key (members, parties, locations, the
 * bank account) is looked up first. Each step prints what it created and what was there already.
 *
 * <p>Sales are placed now: an order cannot carry an earlier sale time, so the demo's sales all fall on the day it is
 * first loaded (the books' purchases, expenses and opening balances are dated in the weeks before it).
 */
public final class DemoShop {
    private static final int SALE_WORKERS = 8;
    private static final String DEFAULT_GATEWAY = "http://127.0.0.1:8080";

    /** What to load and where. */
    public record Options(String gateway, int sales, String owner, String password, String staffPassword) {
        public static Options defaults() {
            return new Options(DEFAULT_GATEWAY, DemoPlan.DEFAULT_SALES, KiranaApi.USERNAME, KiranaApi.PASSWORD, KiranaApi.PASSWORD);
        }
    }

    /** What one step did: {@code created} new, {@code existing} already there. */
    public record Count(int created, int existing) {
    }

    /** The outcome of a load, for the summary and for tests. */
    public record Summary(String shopId, LocalDate anchor, Map<String, Count> steps, Map<String, String> orderIds,
                          Map<String, String> productIds, Map<String, String> partyIds, JsonNode dashboard) {
        public int created() {
            return steps.values().stream().mapToInt(Count::created).sum();
        }
    }

    /** A call that failed after its retries: the message carries the status and the problem+json body. */
    public static final class DemoFailure extends RuntimeException {
        DemoFailure(String message) {
            super(message);
        }
    }

    private final Options options;
    private final PrintStream out;
    private final Map<String, Count> steps = new LinkedHashMap<>();
    private final Map<String, String> productIds = new ConcurrentHashMap<>();
    private final Map<String, String> partyIds = new LinkedHashMap<>();
    private final Map<String, String> orderIds = new ConcurrentHashMap<>();
    private final Map<String, String> locationIds = new HashMap<>();
    private final Map<String, KiranaApi> staffApis = new HashMap<>();
    private KiranaApi owner;
    private String shop;
    private DemoPlan plan;
    private long started;

    private DemoShop(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("kirana demo: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (o == null) {
            System.out.println(usage());
            return;
        }
        try {
            load(o, System.out);
        } catch (DemoFailure e) {
            System.err.println();
            System.err.println("kirana demo FAILED: " + e.getMessage());
            System.exit(1);
        }
    }

    static String usage() {
        return """
                Usage: ./kirana demo [--gateway URL | --port-offset N] [--sales N] [--small] [--owner EMAIL --password PW]
                  Loads a demo kirana into a running suite through its API (default http://127.0.0.1:8080; a stack
                  started with --port-offset N: 8080+N), as owner@demo.kirana into "Demo Kirana Store".
                  Safe to run again: nothing is loaded twice.
                  --sales N   random sales to ring up (default %d, at most 2000); --small is --sales 24
                  --owner, --password   another shop's owner (the shop their login names); --staff-password PW
                  for the manager and second cashier the loader adds (default kirana-demo)""".formatted(DemoPlan.DEFAULT_SALES);
    }

    static Options parse(String[] args) {
        Options d = Options.defaults();
        String gateway = d.gateway();
        int sales = d.sales();
        String owner = d.owner();
        String password = d.password();
        String staffPassword = d.staffPassword();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : null;
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            switch (name) {
                case "-h", "--help", "help" -> {
                    return null;
                }
                case "--small" -> sales = 24;
                case "--gateway", "--port-offset", "--sales", "--owner", "--password", "--staff-password" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(name + " needs a value");
                        }
                        value = args[++i];
                    }
                    switch (name) {
                        case "--gateway" -> gateway = value.replaceAll("/+$", "");
                        case "--port-offset" -> {
                            try {
                                gateway = "http://127.0.0.1:" + (8080 + Integer.parseInt(value));
                            } catch (NumberFormatException e) {
                                throw new IllegalArgumentException("--port-offset needs a number, not " + value);
                            }
                        }
                        case "--sales" -> {
                            try {
                                sales = Integer.parseInt(value);
                            } catch (NumberFormatException e) {
                                throw new IllegalArgumentException("--sales needs a number, not " + value);
                            }
                            if (sales < 0 || sales > 2000) {
                                throw new IllegalArgumentException("--sales is 0 to 2000");
                            }
                        }
                        case "--owner" -> owner = value;
                        case "--password" -> password = value;
                        default -> staffPassword = value;
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        return new Options(gateway, sales, owner, password, staffPassword);
    }

    /** Loads the demo shop (or finds it loaded) and prints progress and a summary to {@code out}. */
    public static Summary load(Options options, PrintStream out) {
        DemoShop demo = new DemoShop(options, out);
        try {
            return demo.run();
        } finally {
            demo.close();
        }
    }

    private Summary run() {
        started = System.nanoTime();
        out.printf("kirana demo: loading the demo shop through %s as %s%n", options.gateway(), options.owner());
        owner = new KiranaApi(options.gateway(), options.owner(), options.password(), null);
        try {
            owner.login();
        } catch (IllegalStateException e) {
            throw new DemoFailure(e.getMessage() + " (is the suite up? ./kirana status)");
        }
        shop = owner.shopId();
        if (shop == null) {
            throw new DemoFailure(options.owner() + " belongs to no shop");
        }
        JsonNode shopInfo = expect(owner, "read the shop", () -> owner.get(url("/api/v1/shops/" + shop)), 200).body();
        ZoneId zone = ZoneId.of(text(shopInfo, "timeZone") == null ? "Asia/Kolkata" : text(shopInfo, "timeZone"));
        LocalDate anchor = anchor(zone);
        plan = DemoPlan.of(anchor, options.sales());
        out.printf("  shop \"%s\" (%s), demo day %s%s%n", text(shopInfo, "name"), shop, anchor,
                anchor.equals(LocalDate.now(zone)) ? "" : " (first loaded then; dates count back from it)");

        staff();
        catalog();
        locations();
        String bankCode = bank();
        openingCapital(bankCode);
        parties();
        openingStock();
        purchases();
        expenses();
        sales();
        afterSales();
        dayClose();
        JsonNode dashboard = settleAndSummarise();
        return new Summary(shop, anchor, Map.copyOf(steps), Map.copyOf(orderIds), Map.copyOf(productIds), Map.copyOf(partyIds),
                dashboard);
    }

    /** The shop's first demo day: when the worked example's product was created, else today. */
    private LocalDate anchor(ZoneId zone) {
        JsonNode found = expect(owner, "look for the demo catalog",
                () -> owner.get(url("/api/v1/products?q=" + enc(DemoPlan.WORKED_PRODUCT) + "&size=10")), 200).body();
        for (JsonNode p : found) {
            if (DemoPlan.WORKED_PRODUCT.equals(text(p, "sku")) && text(p, "createdAt") != null) {
                return Instant.parse(text(p, "createdAt")).atZone(zone).toLocalDate();
            }
        }
        return LocalDate.now(zone);
    }

    // ---- steps -------------------------------------------------------------------------------------------------

    private void staff() {
        JsonNode members = expect(owner, "list members", () -> owner.get(url("/api/v1/shops/" + shop + "/members")), 200).body();
        int created = 0;
        int existing = 0;
        for (DemoPlan.Staff s : plan.staff) {
            boolean there = false;
            for (JsonNode m : members) {
                there |= s.email().equalsIgnoreCase(text(m, "email"));
            }
            if (there) {
                existing++;
            } else {
                expect(owner, "add " + s.role().toLowerCase() + " " + s.email(), () -> owner.post(url("/api/v1/shops/" + shop + "/members"),
                        Map.of("email", s.email(), "name", s.name(), "role", s.role(), "initialPassword", options.staffPassword())), 201);
                created++;
            }
            KiranaApi api = new KiranaApi(options.gateway(), s.email(), options.staffPassword(), shop);
            try {
                api.login();
            } catch (IllegalStateException e) {
                throw new DemoFailure(e.getMessage());
            }
            staffApis.put(s.key(), api);
        }
        staffApis.put("owner", owner);
        done("staff", created, existing, "members (a manager and a second cashier)");
    }

    private void catalog() {
        // in parts of 60 rows, so that each import answers well within the gateway's time limit on a busy machine
        List<String> parts = plan.catalog.csvParts(60);
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (int i = 0; i < parts.size(); i++) {
            byte[] csv = parts.get(i).getBytes(StandardCharsets.UTF_8);
            String file = "demo-price-list-" + (i + 1) + ".csv";
            JsonNode report = expect(owner, "import the price list (" + file + ")", () -> owner.postBytes(
                    url("/api/v1/products/imports?fileName=" + file), "text/csv", csv), 200, 201).body();
            if (report.get("rejected").asInt() > 0) {
                throw new DemoFailure("the price list import rejected " + report.get("rejected").asInt() + " rows of " + file + ": "
                        + report.get("rejections"));
            }
            created += report.get("created").asInt();
            updated += report.get("updated").asInt();
            unchanged += report.get("unchanged").asInt();
        }
        for (int page = 0; ; page++) {
            int p = page;
            JsonNode list = expect(owner, "list products", () -> owner.get(url("/api/v1/products?size=500&page=" + p)), 200).body();
            for (JsonNode product : list) {
                productIds.put(text(product, "sku"), text(product, "id"));
            }
            if (list.size() < 500) {
                break;
            }
        }
        for (DemoCatalog.Product p : plan.catalog.products()) {
            if (!productIds.containsKey(p.sku())) {
                throw new DemoFailure("product " + p.sku() + " is not in the catalog after the import");
            }
        }
        done("products", created, updated + unchanged,
                "products in " + plan.catalog.products().stream().map(DemoCatalog.Product::category).distinct().count()
                        + " categories (price list import" + (updated > 0 ? ", " + updated + " updated" : "") + ")");
    }

    private void locations() {
        JsonNode list = expect(owner, "list locations", () -> owner.get(url("/api/v1/inventory/locations")), 200).body();
        for (JsonNode l : list) {
            if (l.get("isDefault").asBoolean()) {
                locationIds.put("COUNTER", text(l, "id"));
            }
            locationIds.putIfAbsent(text(l, "code"), text(l, "id"));
        }
        int created = 0;
        if (!locationIds.containsKey("GODOWN-1")) {
            JsonNode godown = expect(owner, "create the godown", () -> owner.post(url("/api/v1/inventory/locations"),
                    Map.of("code", "GODOWN-1", "name", "Back godown", "kind", "GODOWN")), 201).body();
            locationIds.put("GODOWN-1", text(godown, "id"));
            created = 1;
        }
        if (!locationIds.containsKey("COUNTER")) {
            throw new DemoFailure("the shop has no default location: " + list);
        }
        done("locations", created, 1 - created, "stock location (the back godown, beside the counter)");
    }

    private String bank() {
        JsonNode list = expect(owner, "list bank accounts", () -> owner.get(url("/api/v1/accounting/bank-accounts")), 200).body();
        for (JsonNode a : list) {
            if ("4417".equals(text(a, "last4"))) {
                done("bank account", 0, 1, "bank account");
                return text(a, "accountCode");
            }
        }
        JsonNode a = expect(owner, "open the bank account", () -> owner.post(url("/api/v1/accounting/bank-accounts"),
                Map.of("name", "Current account", "bankName", "HDFC Bank", "last4", "4417", "ifsc", "HDFC0000523")), 201).body();
        done("bank account", 1, 0, "bank account (HDFC current account)");
        return text(a, "accountCode");
    }

    private void openingCapital(String bankCode) {
        BigDecimal total = plan.openingCash.add(plan.openingBank);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("date", plan.booksStart.toString());
        body.put("narration", "Capital introduced when the books started: cash in the drawer and the bank balance");
        body.put("lines", List.of(Map.of("account", "1000", "debit", plan.openingCash.toPlainString()),
                Map.of("account", bankCode, "debit", plan.openingBank.toPlainString()),
                Map.of("account", "3000", "credit", total.toPlainString())));
        Count c = keyed(owner, "opening capital", "/api/v1/accounting/journal-entries", "journal-opening-capital", body, 201);
        done("opening capital", c.created(), c.existing(), "journal entry (opening cash and bank)");
    }

    private void parties() {
        Map<String, JsonNode> existing = new HashMap<>();
        for (String kind : List.of("CUSTOMER", "SUPPLIER")) {
            for (int page = 0; ; page++) {
                int p = page;
                JsonNode list = expect(owner, "list parties", () -> owner.get(url("/api/v1/accounting/parties?kind=" + kind
                        + "&size=200&page=" + p)), 200).body();
                for (JsonNode party : list.get("items")) {
                    String id = text(party, "phone") != null && kind.equals("CUSTOMER") ? text(party, "phone")
                            : text(party, "gstin") != null ? text(party, "gstin") : text(party, "name");
                    existing.put(kind + ":" + id, party);
                }
                if (list.get("items").size() < 200) {
                    break;
                }
            }
        }
        int created = 0;
        int found = 0;
        for (DemoPlan.Supplier s : plan.suppliers) {
            JsonNode there = existing.get("SUPPLIER:" + (s.gstin() != null ? s.gstin() : s.name()));
            if (there != null) {
                partyIds.put("supplier:" + s.key(), text(there, "id"));
                found++;
                continue;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("kind", "SUPPLIER");
            body.put("name", s.name());
            body.put("phone", s.phone());
            put(body, "gstin", s.gstin());
            body.put("stateCode", s.stateCode());
            body.put("address", s.address());
            put(body, "openingBalance", s.openingBalance());
            put(body, "openingDate", s.openingDate());
            JsonNode p = expectKeyed(owner, "add supplier " + s.name(), "/api/v1/accounting/parties", "party-supplier-" + s.key(), body, 201);
            partyIds.put("supplier:" + s.key(), text(p, "id"));
            created++;
        }
        for (DemoPlan.Customer c : plan.customers) {
            JsonNode there = existing.get("CUSTOMER:" + c.phone());
            if (there != null) {
                partyIds.put("customer:" + c.phone(), text(there, "id"));
                found++;
                continue;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("kind", "CUSTOMER");
            body.put("name", c.name());
            body.put("phone", c.phone());
            body.put("stateCode", "29");
            body.put("address", c.address());
            put(body, "creditLimit", c.creditLimit());
            put(body, "openingBalance", c.openingBalance());
            put(body, "openingDate", c.openingDate());
            JsonNode p = expectKeyed(owner, "add customer " + c.name(), "/api/v1/accounting/parties", "party-customer-" + c.phone(), body, 201);
            partyIds.put("customer:" + c.phone(), text(p, "id"));
            created++;
        }
        done("parties", created, found, "parties (" + plan.suppliers.size() + " suppliers, " + plan.customers.size()
                + " customers with khata, opening balances and credit limits)");
    }

    private void openingStock() {
        List<Callable<Count>> tasks = new ArrayList<>();
        for (DemoPlan.Receipt r : plan.receipts) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("productId", productIds.get(r.sku()));
            body.put("locationId", locationIds.get(r.location()));
            body.put("quantity", r.quantity().toPlainString());
            body.put("unitCost", r.unitCost().toPlainString());
            body.put("reason", DemoPlan.OPENING_NOTE);
            put(body, "batchNo", r.batchNo());
            put(body, "expiryDate", r.expiryDate());
            // 404 until inventory has heard of the product from the catalog's events
            tasks.add(() -> keyed(owner, "receive " + r.sku(), "/api/v1/inventory/receipts", r.key(), body,
                    res -> res.status() == 404, 201));
        }
        Count receipts = all(tasks, 6);
        done("opening stock", receipts.created(), receipts.existing(), "receipts of opening stock (batches and expiry dates for "
                + plan.catalog.products().stream().filter(DemoCatalog.Product::perishable).count() + " perishables)");

        int created = 0;
        int existing = 0;
        for (DemoPlan.Transfer t : plan.transfers) {
            List<Map<String, Object>> lines = new ArrayList<>();
            t.lines().forEach((sku, q) -> lines.add(Map.of("productId", productIds.get(sku), "quantity", q.toPlainString())));
            Count c = keyed(owner, "transfer", "/api/v1/inventory/transfers", t.key(), Map.of("fromLocationId", locationIds.get(t.from()),
                    "toLocationId", locationIds.get(t.to()), "lines", lines, "note", t.note()), 201);
            created += c.created();
            existing += c.existing();
        }
        for (DemoPlan.Adjustment a : plan.adjustments) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("productId", productIds.get(a.sku()));
            body.put("reason", a.reason());
            body.put("quantity", a.quantity().toPlainString());
            put(body, "batchNo", a.batchNo());
            body.put("note", a.note());
            Count c = keyed(owner, "adjust " + a.sku(), "/api/v1/inventory/adjustments", a.key(), body, 201);
            created += c.created();
            existing += c.existing();
        }
        done("stock moves", created, existing, "transfer and adjustments (damage, loss, a correction)");
    }

    private void purchases() {
        Map<String, String> billIds = new HashMap<>();
        int created = 0;
        int existing = 0;
        for (DemoPlan.Bill b : plan.bills) {
            List<Map<String, Object>> lines = new ArrayList<>();
            for (DemoPlan.BillLine l : b.lines()) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("productId", productIds.get(l.sku()));
                line.put("quantity", l.quantity().toPlainString());
                line.put("unitCost", l.unitCost().toPlainString());
                line.put("gstRate", l.gstRate().toPlainString());
                put(line, "batchNo", l.batchNo());
                put(line, "expiryDate", l.expiryDate());
                lines.add(line);
            }
            BigDecimal total = DemoPlan.billTotal(b);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("supplierId", partyIds.get("supplier:" + b.supplier()));
            body.put("billNumber", b.number());
            body.put("billDate", b.date().toString());
            body.put("lines", lines);
            body.put("billTotal", total.toPlainString());
            if (b.paidMode() != null) {
                Map<String, Object> paid = new LinkedHashMap<>();
                paid.put("amount", total.toPlainString());
                paid.put("mode", b.paidMode());
                put(paid, "reference", b.paidReference());
                body.put("paidNow", paid);
            }
            KiranaApi.Response r = send(owner, "record bill " + b.number(), "/api/v1/accounting/purchase-bills", b.key(), body,
                    res -> false, 201);
            billIds.put(b.key(), text(r.body(), "id"));
            if (replayed(r)) {
                existing++;
            } else {
                created++;
            }
        }
        for (DemoPlan.SupplierPayment p : plan.supplierPayments) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("amount", p.amount().toPlainString());
            body.put("mode", p.mode());
            put(body, "reference", p.reference());
            body.put("date", p.date().toString());
            body.put("note", p.note());
            Count c = keyed(owner, "pay " + p.supplier(), "/api/v1/accounting/parties/" + partyIds.get("supplier:" + p.supplier())
                    + "/payments", p.key(), body, 201);
            created += c.created();
            existing += c.existing();
        }
        for (DemoPlan.PurchaseReturn ret : plan.purchaseReturns) {
            Count c = keyed(owner, "return goods", "/api/v1/accounting/purchase-bills/" + billIds.get(ret.billKey()) + "/returns",
                    ret.key(), Map.of("date", ret.date().toString(), "reason", ret.reason(),
                            "lines", List.of(Map.of("lineNo", ret.lineNo(), "quantity", ret.quantity().toPlainString()))), 201);
            created += c.created();
            existing += c.existing();
        }
        done("purchases", created, existing, "supplier bills, payments and a purchase return (" + plan.bills.size() + " bills, "
                + plan.bills.stream().filter(b -> b.paidMode() == null).count() + " on credit)");
    }

    private void expenses() {
        int created = 0;
        int existing = 0;
        for (DemoPlan.Expense e : plan.expenses) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("date", e.date().toString());
            body.put("category", e.category());
            body.put("amount", e.amount().toPlainString());
            body.put("mode", e.mode());
            put(body, "gstRate", e.gstRate());
            put(body, "supplierName", e.supplierName());
            put(body, "reference", e.reference());
            body.put("note", e.note());
            Count c = keyed(owner, "expense " + e.key(), "/api/v1/accounting/expenses", e.key(), body, 201);
            created += c.created();
            existing += c.existing();
        }
        done("expenses", created, existing, "expenses (rent with GST, electricity, wages, packaging, repairs, transport)");
    }

    private void sales() {
        AtomicInteger doneCount = new AtomicInteger();
        int total = plan.sales.size();
        List<Callable<Count>> tasks = new ArrayList<>();
        for (DemoPlan.Sale s : plan.sales) {
            tasks.add(() -> {
                Count c = sell(s);
                int n = doneCount.incrementAndGet();
                if (n % 50 == 0 || n == total) {
                    out.printf("    %d of %d sales (%.0f s)%n", n, total, seconds());
                }
                return c;
            });
        }
        Count c = all(tasks, SALE_WORKERS);
        done("sales", c.created(), c.existing(), "sales, every one CONFIRMED at the planned total (cash, UPI, card, khata, split)");
        if (plan.sales.size() - 1 < options.sales()) {
            out.printf("    (%d of the %d random sales asked for: the counter's stock allowed no more)%n", plan.sales.size() - 1,
                    options.sales());
        }
    }

    private Count sell(DemoPlan.Sale s) {
        KiranaApi api = staffApis.get(s.staff());
        List<Map<String, Object>> lines = new ArrayList<>();
        for (DemoPlan.SaleLine l : s.lines()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("productId", productIds.get(l.sku()));
            line.put("quantity", l.quantity().toPlainString());
            put(line, "discount", l.discount());
            put(line, "discountPercent", l.discountPercent());
            lines.add(line);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lines", lines);
        if (s.customer() != null) {
            body.put("customer", Map.of("name", s.customer().name(), "phone", s.customer().phone()));
        }
        if (!s.tenders().isEmpty()) {
            List<Map<String, Object>> tenders = new ArrayList<>();
            for (DemoPlan.Tender t : s.tenders()) {
                Map<String, Object> tender = new LinkedHashMap<>();
                tender.put("type", t.type());
                tender.put("amount", t.amount().toPlainString());
                put(tender, "reference", t.reference());
                tenders.add(tender);
            }
            body.put("tenders", tenders);
        }
        // 400 naming a product until order-service's catalog replica has it
        KiranaApi.Response r = send(api, "sale " + s.no(), "/api/v1/orders", s.key(), body,
                res -> res.status() == 400 && res.raw().contains("productId"), 201, 202, "Prefer", "wait=20");
        JsonNode order = r.body();
        String id = text(order, "id");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ("PENDING".equals(text(order, "status")) && System.nanoTime() < deadline) {
            KiranaApi.sleep(500);
            order = expect(api, "read sale " + s.no(), () -> api.get(url("/api/v1/orders/" + id)), 200).body();
        }
        String status = text(order, "status");
        boolean replayed = replayed(r);
        // a replayed sale may since have been refunded or voided by this loader
        boolean fine = "CONFIRMED".equals(status)
                || replayed && List.of("VOIDED", "PARTIALLY_REFUNDED", "REFUNDED").contains(status);
        if (!fine) {
            throw new DemoFailure("sale " + s.no() + " ended " + status + ", not CONFIRMED: " + order);
        }
        if (new BigDecimal(text(order, "total")).compareTo(s.total()) != 0) {
            throw new DemoFailure("sale " + s.no() + " came to " + text(order, "total") + ", the plan says " + s.total() + ": " + order);
        }
        orderIds.put(s.key(), id);
        return replayed ? new Count(0, 1) : new Count(1, 0);
    }

    private void afterSales() {
        int created = 0;
        int existing = 0;
        for (DemoPlan.Refund f : plan.refunds) {
            String order = orderIds.get("sale-" + f.saleNo());
            Count c = keyed(staffApis.get("manager"), "refund sale " + f.saleNo(), "/api/v1/orders/" + order + "/refunds", f.key(),
                    Map.of("lines", List.of(Map.of("lineNo", f.lineNo(), "quantity", f.quantity().toPlainString(), "disposition", "RESTOCK")),
                            "tender", f.tender(), "reason", f.reason()), 201);
            created += c.created();
            existing += c.existing();
        }
        for (DemoPlan.Void v : plan.voids) {
            String order = orderIds.get("sale-" + v.saleNo());
            Count c = keyed(staffApis.get("manager"), "void sale " + v.saleNo(), "/api/v1/orders/" + order + "/void", v.key(),
                    Map.of("reason", v.reason()), 200);
            created += c.created();
            existing += c.existing();
        }
        done("refunds and voids", created, existing, "refunds (restocked, cash back) and voids");

        created = 0;
        existing = 0;
        for (DemoPlan.Collection col : plan.collections) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("amount", col.amount().toPlainString());
            body.put("mode", col.mode());
            put(body, "reference", col.reference());
            body.put("note", col.note());
            Count c = keyed(owner, "collect from " + col.phone(), "/api/v1/accounting/parties/" + partyIds.get("customer:" + col.phone())
                    + "/collections", col.key(), body, 201);
            created += c.created();
            existing += c.existing();
        }
        done("collections", created, existing, "khata payments received from customers");
    }

    private void dayClose() {
        String day = plan.closedDay.toString();
        JsonNode book = expect(owner, "read the cash book of " + day, () -> owner.get(url("/api/v1/accounting/cash-book?date=" + day)), 200).body();
        JsonNode close = book.get("close");
        if (close != null && !close.isNull()) {
            done("day close", 0, 1, "day closed (" + day + ")");
            return;
        }
        BigDecimal counted = new BigDecimal(text(book, "closing")).subtract(plan.cashShort);
        Count c = keyed(owner, "close " + day, "/api/v1/accounting/cash-book/" + day + "/close", "close-" + day,
                Map.of("counted", counted.toPlainString(), "note", "Counted by Meena; " + plan.cashShort.toPlainString() + " short"), 201);
        done("day close", c.created(), c.existing(), "day closed (" + day + ", counted " + counted.toPlainString() + ", "
                + plan.cashShort.toPlainString() + " short)");
    }

    /** Waits (up to a minute) until reporting has read every event, then prints what a newcomer will see. */
    private JsonNode settleAndSummarise() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            KiranaApi.Response st = owner.get(url("/api/v1/reports/status"));
            if (st.status() == 200 && st.body().get("lag").asLong() == 0 || System.nanoTime() > deadline) {
                break;
            }
            KiranaApi.sleep(1000);
        }
        JsonNode dash = expect(owner, "read the dashboard", () -> owner.get(url("/api/v1/reports/dashboard")), 200).body();
        int created = steps.values().stream().mapToInt(Count::created).sum();
        int existing = steps.values().stream().mapToInt(Count::existing).sum();
        out.println();
        if (created == 0) {
            out.printf("The demo shop was already loaded (on %s): nothing new, %d records found in place (%.0f s).%n",
                    plan.anchor, existing, seconds());
        } else {
            out.printf("Demo shop loaded in %.0f s: %d records created%s.%n", seconds(), created,
                    existing > 0 ? ", " + existing + " already there" : "");
        }
        BigDecimal credit = plan.sales.stream().map(DemoPlan.Sale::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal sold = plan.sales.stream().map(DemoPlan.Sale::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        out.printf("  sales on %s: %d rung up (%s), %d refunded in part, %d voided; %s of it on khata%n", plan.anchor,
                plan.sales.size(), rupees(sold), plan.refunds.size(), plan.voids.size(), rupees(credit));
        out.printf("  dashboard (%s): net sales today %s, orders %s, khata receivable %s, low stock %s, expiring soon %s%n",
                text(dash, "date"), rupees(dash.at("/netSales/today")), dash.at("/orders/today").asString(""),
                rupees(dash.get("khataReceivable")), dash.at("/lowStock").asString(""), dash.at("/expiringSoon").asString(""));
        out.printf("  log in as %s (password %s) and open the reports; the manager %s and the cashier %s use the password %s%n",
                options.owner(), options.password().equals(KiranaApi.PASSWORD) ? KiranaApi.PASSWORD : "as given",
                plan.staff.get(0).email(), plan.staff.get(1).email(),
                options.staffPassword().equals(KiranaApi.PASSWORD) ? KiranaApi.PASSWORD : "given");
        out.println("  every sale is dated today (an order carries no earlier sale time): the forecast and reorder reports read the days");
        out.println("  up to yesterday, so they stay empty today and forecast from this one day of history from tomorrow on");
        return dash;
    }

    // ---- calls -------------------------------------------------------------------------------------------------

    /** A POST with a key derived from the shop and {@code name}; counts a replayed answer as already there. */
    private Count keyed(KiranaApi api, String what, String path, String name, Object body, int... ok) {
        return keyed(api, what, path, name, body, r -> false, ok);
    }

    private Count keyed(KiranaApi api, String what, String path, String name, Object body, Predicate<KiranaApi.Response> retry,
                        int... ok) {
        KiranaApi.Response r = send(api, what, path, name, body, retry, ok);
        return replayed(r) ? new Count(0, 1) : new Count(1, 0);
    }

    private JsonNode expectKeyed(KiranaApi api, String what, String path, String name, Object body, int... ok) {
        return send(api, what, path, name, body, r -> false, ok).body();
    }

    private KiranaApi.Response send(KiranaApi api, String what, String path, String name, Object body,
                                    Predicate<KiranaApi.Response> retry, int[] ok, String... headers) {
        String key = idempotencyKey(shop, name);
        String[] all = new String[headers.length + 2];
        all[0] = "Idempotency-Key";
        all[1] = key;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return expect(api, what, () -> api.post(url(path), body, all), retry, ok);
    }

    private KiranaApi.Response send(KiranaApi api, String what, String path, String name, Object body,
                                    Predicate<KiranaApi.Response> retry, int ok1, int ok2, String... headers) {
        return send(api, what, path, name, body, retry, new int[]{ok1, ok2}, headers);
    }

    private KiranaApi.Response send(KiranaApi api, String what, String path, String name, Object body,
                                    Predicate<KiranaApi.Response> retry, int ok) {
        return send(api, what, path, name, body, retry, new int[]{ok});
    }

    /** The key of one demo record in one shop: the same on every run. */
    public static String idempotencyKey(String shopId, String name) {
        return UUID.nameUUIDFromBytes(("kirana-demo:" + shopId + ":" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private KiranaApi.Response expect(KiranaApi api, String what, java.util.function.Supplier<KiranaApi.Response> call, int... ok) {
        return expect(api, what, call, r -> false, ok);
    }

    /**
     * Calls until the answer is one of {@code ok}: a 5xx is retried with backoff (up to two minutes), an answer
     * {@code retry} accepts (a replica still catching up) every half second for two minutes; anything else fails the
     * load with the status and the problem+json body. (429 is waited out by the client, as Retry-After says.)
     */
    private KiranaApi.Response expect(KiranaApi api, String what, java.util.function.Supplier<KiranaApi.Response> call,
                                      Predicate<KiranaApi.Response> retry, int... ok) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        long backoff = 250;
        while (true) {
            KiranaApi.Response r;
            try {
                r = call.get();
            } catch (IllegalStateException e) {
                throw new DemoFailure(what + ": " + e.getMessage());
            }
            for (int status : ok) {
                if (r.status() == status) {
                    return r;
                }
            }
            boolean serverError = r.status() >= 500;
            if ((serverError || retry.test(r)) && System.nanoTime() < deadline) {
                KiranaApi.sleep(serverError ? backoff : 500);
                backoff = Math.min(backoff * 2, 8000);
                continue;
            }
            throw new DemoFailure(what + " (as " + api.username() + "): HTTP " + r.status() + " " + r.raw());
        }
    }

    private static boolean replayed(KiranaApi.Response r) {
        return r.http().headers().firstValue("Idempotent-Replayed").map("true"::equalsIgnoreCase).orElse(false);
    }

    private Count all(List<Callable<Count>> tasks, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, KiranaApi.daemon("demo"));
        try {
            List<Future<Count>> futures = pool.invokeAll(tasks);
            int created = 0;
            int existing = 0;
            for (Future<Count> f : futures) {
                Count c = f.get();
                created += c.created();
                existing += c.existing();
            }
            return new Count(created, existing);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException re ? re : new DemoFailure(String.valueOf(c));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted");
        } finally {
            pool.shutdownNow();
        }
    }

    private void done(String step, int created, int existing, String what) {
        steps.put(step, new Count(created, existing));
        out.printf("  %-18s %4d new, %4d already there  %s  (%.0f s)%n", step, created, existing, what, seconds());
    }

    private double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    private String url(String path) {
        return options.gateway() + path;
    }

    private static void put(Map<String, Object> body, String field, Object value) {
        if (value != null) {
            body.put(field, value instanceof BigDecimal b ? b.toPlainString() : value.toString());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode n = node == null ? null : node.get(field);
        return n == null || n.isNull() ? null : n.asString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String rupees(BigDecimal amount) {
        return "₹" + amount.toPlainString();
    }

    private static String rupees(JsonNode amount) {
        return amount == null || amount.isMissingNode() || amount.isNull() ? "-" : "₹" + amount.asString();
    }

    private void close() {
        for (KiranaApi api : staffApis.values()) {
            api.close();
        }
        if (owner != null) {
            owner.close();
        }
    }
}
