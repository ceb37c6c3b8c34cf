package dev.kirana.reporting.readmodel;

import dev.kirana.events.AccountingEvents;
import dev.kirana.events.CatalogEvents;
import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.OrderEvents;
import dev.kirana.events.ShopEvents;
import dev.kirana.events.StaffEvents;
import dev.kirana.messaging.EventHandler;
import io.cloudevents.CloudEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * How every event the reports use changes the read models. The same handlers serve the live consumer and a rebuild:
 * each takes the {@link DatabaseClient} of the transaction it runs in, whose search path names the schema being
 * written ({@code readmodel}, or the fresh one a rebuild fills). Every handler runs once per event (the inbox), and
 * the figures it adds commute, so events of different topics may arrive in any order: a sale's cost (stock.committed)
 * may come before or after the sale itself. The two meet in {@code sale_lines} and {@code order_costs}: each looks for
 * the other's row, so both take the order's lock ({@link #orderLock}) first — without it, two consumers applying them at
 * the same moment each miss the other's uncommitted row and the sale's cost is never counted.
 */
@Component
public class Projection {
    /** The consumer name of the read models' inbox rows, in the live schema and in a rebuilt one alike. */
    public static final String CONSUMER = "reporting-service.read-models";
    private final ZoneId zone;

    public Projection(@Value("${kirana.reporting.time-zone:Asia/Kolkata}") ZoneId zone) {
        this.zone = zone;
    }

    /** The handlers, per event type, writing through {@code db}. */
    public Map<String, EventHandler> handlers(DatabaseClient db) {
        Map<String, BiFunction<DatabaseClient, CloudEvent, Mono<Void>>> h = new HashMap<>();
        h.put(EventTypes.SHOP_CREATED, this::shopCreated);
        h.put(EventTypes.SHOP_UPDATED, this::shopUpdated);
        h.put(EventTypes.PRODUCT_CREATED, this::productChanged);
        h.put(EventTypes.PRODUCT_UPDATED, this::productChanged);
        h.put(EventTypes.PRODUCT_ARCHIVED, this::productArchived);
        h.put(EventTypes.ORDER_CONFIRMED, this::confirmed);
        h.put(EventTypes.ORDER_VOIDED, this::voided);
        h.put(EventTypes.ORDER_REFUNDED, this::refunded);
        h.put(EventTypes.STOCK_COMMITTED, this::committed);
        h.put(EventTypes.STOCK_RECEIVED, this::received);
        h.put(EventTypes.STOCK_ADJUSTED, this::adjusted);
        h.put(EventTypes.PARTY_CREATED, this::partyCreated);
        h.put(EventTypes.PARTY_UPDATED, this::partyUpdated);
        h.put(EventTypes.PARTY_BALANCE_CHANGED, this::balanceChanged);
        h.put(EventTypes.PAYMENT_RECEIVED, this::paymentReceived);
        h.put(EventTypes.PAYMENT_MADE, this::paymentMade);
        h.put(EventTypes.EXPENSE_RECORDED, this::expenseRecorded);
        h.put(EventTypes.EXPENSE_REVERSED, this::expenseReversed);
        h.put(EventTypes.PURCHASE_BILLED, this::purchaseBilled);
        h.put(EventTypes.BANK_SETTLED, this::bankSettled);
        h.put(EventTypes.DAY_CLOSED, this::dayClosed);
        h.put(EventTypes.EMPLOYEE_UPDATED, this::employeeUpdated);
        h.put(EventTypes.ATTENDANCE_RECORDED, this::attendanceRecorded);
        Map<String, EventHandler> bound = new HashMap<>();
        h.forEach((type, fn) -> bound.put(type, e -> fn.apply(db, e)));
        return Map.copyOf(bound);
    }

    // ---- shops and products

    private Mono<Void> shopCreated(DatabaseClient db, CloudEvent e) {
        var s = KiranaEvents.data(e, ShopEvents.ShopCreated.class);
        return shop(db, KiranaEvents.shopId(e), s.name(), s.stateCode(), s.timeZone());
    }

    private Mono<Void> shopUpdated(DatabaseClient db, CloudEvent e) {
        var s = KiranaEvents.data(e, ShopEvents.ShopUpdated.class);
        return shop(db, KiranaEvents.shopId(e), s.name(), s.stateCode(), s.timeZone());
    }

    /** A shop's zone applies to what it sells from then on: documents already counted keep their day. */
    private Mono<Void> shop(DatabaseClient db, String shop, String name, String state, String timeZone) {
        String zoneId = validZone(timeZone);
        return db.sql("""
                        INSERT INTO shops (shop_id, name, state_code, time_zone) VALUES (:shop, :name, :state, coalesce(:zone, :default))
                        ON CONFLICT (shop_id) DO UPDATE SET name = excluded.name, state_code = excluded.state_code,
                            time_zone = coalesce(:zone, shops.time_zone)""")
                .bind("shop", shop).bind("name", nz(name)).bind("state", nz(state)).bind("zone", nz(zoneId))
                .bind("default", zone.getId()).then();
    }

    private static String validZone(String id) {
        try {
            return id == null ? null : ZoneId.of(id).getId();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The zone whose days are the shop's days: its own, once a shop event named it, else the configured default. */
    private Mono<ZoneId> zoneOf(DatabaseClient db, String shop) {
        return db.sql("SELECT time_zone FROM shops WHERE shop_id = :shop").bind("shop", shop)
                .map(r -> ZoneId.of(r.get("time_zone", String.class))).one()
                .defaultIfEmpty(zone);
    }

    private Mono<Void> productChanged(DatabaseClient db, CloudEvent e) {
        var p = KiranaEvents.data(e, CatalogEvents.ProductChanged.class);
        return db.sql("""
                        INSERT INTO products (shop_id, product_id, sku, name, category_id, category_path, hsn, gst_rate,
                                              selling_price, cost_price, reorder_level, active, version)
                        VALUES (:shop, :id, :sku, :name, :cat, :path, :hsn, :rate, :price, :cost, :reorder, :active, :version)
                        ON CONFLICT (shop_id, product_id) DO UPDATE SET sku = excluded.sku, name = excluded.name,
                            category_id = excluded.category_id, category_path = excluded.category_path, hsn = excluded.hsn,
                            gst_rate = excluded.gst_rate, selling_price = excluded.selling_price, cost_price = excluded.cost_price,
                            reorder_level = excluded.reorder_level, active = excluded.active, version = excluded.version
                        WHERE products.version <= excluded.version""")
                .bind("shop", KiranaEvents.shopId(e)).bind("id", p.productId())
                .bind("sku", nz(p.sku())).bind("name", nz(p.name())).bind("cat", nz(p.categoryId()))
                .bind("path", nz(p.categoryPath())).bind("hsn", nz(p.hsn()))
                .bind("rate", nzd(p.gstRate())).bind("price", nzd(p.sellingPrice())).bind("cost", nzd(p.costPrice()))
                .bind("reorder", nzd(p.reorderLevel())).bind("active", p.active()).bind("version", p.version())
                .then();
    }

    private Mono<Void> productArchived(DatabaseClient db, CloudEvent e) {
        var p = KiranaEvents.data(e, CatalogEvents.ProductArchived.class);
        return db.sql("""
                        INSERT INTO products (shop_id, product_id, sku, name, active, version) VALUES (:shop, :id, :sku, :name, false, :version)
                        ON CONFLICT (shop_id, product_id) DO UPDATE SET active = false, version = excluded.version
                        WHERE products.version <= excluded.version""")
                .bind("shop", KiranaEvents.shopId(e)).bind("id", p.productId()).bind("sku", nz(p.sku()))
                .bind("name", nz(p.name())).bind("version", p.version()).then();
    }

    // ---- sales, voids and refunds: one document row, its lines, its tenders and the money they moved

    private Mono<Void> confirmed(DatabaseClient db, CloudEvent e) {
        var s = KiranaEvents.data(e, OrderEvents.OrderConfirmed.class);
        String shop = KiranaEvents.shopId(e);
        Doc doc = new Doc(shop, s.orderId(), s.orderId(), "SALE", s.invoiceNumber(), s.confirmedAt(), s.cashierId(),
                s.customer(), s.locationId(), s.total(), s.discount(), s.taxableValue(), s.cgst(), s.sgst(), s.igst(),
                s.roundOff(), 1);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < s.lines().size(); i++) {
            OrderEvents.OrderLine l = s.lines().get(i);
            lines.add(line(l, i, 1));
        }
        List<Tender> tenders = new ArrayList<>();
        for (OrderEvents.Tender t : s.tenders() == null ? List.<OrderEvents.Tender>of() : s.tenders()) {
            tenders.add(new Tender(t.type(), t.amount()));
        }
        if (tenders.isEmpty()) {
            tenders.add(new Tender("CASH", s.total()));
        }
        return document(db, doc, lines, tenders, "SALES");
    }

    private Mono<Void> voided(DatabaseClient db, CloudEvent e) {
        var v = KiranaEvents.data(e, OrderEvents.OrderVoided.class);
        String shop = KiranaEvents.shopId(e);
        List<Line> lines = new ArrayList<>();
        BigDecimal discount = BigDecimal.ZERO;
        for (int i = 0; i < v.lines().size(); i++) {
            OrderEvents.OrderLine l = v.lines().get(i);
            lines.add(line(l, i, -1));
            discount = discount.add(nvl(l.discount()));
        }
        List<Tender> tenders = new ArrayList<>();
        for (OrderEvents.Tender t : v.tenders() == null ? List.<OrderEvents.Tender>of() : v.tenders()) {
            tenders.add(new Tender(t.type(), t.amount().negate()));
        }
        if (tenders.isEmpty()) {
            tenders.add(new Tender("CASH", v.total().negate()));
        }
        Doc doc = new Doc(shop, "void:" + v.orderId(), v.orderId(), "VOID", v.invoiceNumber(),
                v.voidedAt() == null ? eventTime(e) : v.voidedAt(), v.voidedBy(), v.customer(), v.locationId(), v.total(),
                discount, v.taxableValue(), v.cgst(), v.sgst(), v.igst(), v.roundOff(), -1);
        return document(db, doc, lines, tenders, "REFUNDS");
    }

    private Mono<Void> refunded(DatabaseClient db, CloudEvent e) {
        var r = KiranaEvents.data(e, OrderEvents.OrderRefunded.class);
        String shop = KiranaEvents.shopId(e);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < r.lines().size(); i++) {
            OrderEvents.RefundLine l = r.lines().get(i);
            lines.add(new Line(l.lineNo() == null ? i + 1 : l.lineNo(), l.productId(), l.name(), l.hsn(), l.gstRate(),
                    l.quantity().negate(), nvl(l.amount()).negate(), BigDecimal.ZERO, nvl(l.taxableValue()).negate(),
                    nvl(l.cgst()).negate(), nvl(l.sgst()).negate(), nvl(l.igst()).negate(),
                    !"WRITE_OFF".equals(l.disposition())));
        }
        List<Tender> tenders = List.of(new Tender(r.tender() == null ? "CASH" : r.tender().type(), r.total().negate()));
        Doc doc = new Doc(shop, "refund:" + r.refundId(), r.orderId(), "REFUND", r.creditNoteNumber(),
                r.refundedAt() == null ? eventTime(e) : r.refundedAt(), r.refundedBy(), r.customer(), r.locationId(),
                r.total(), BigDecimal.ZERO, r.taxableValue(), r.cgst(), r.sgst(), r.igst(), r.roundOff(), -1);
        return document(db, doc, lines, tenders, "REFUNDS");
    }

    private static Line line(OrderEvents.OrderLine l, int index, int sign) {
        BigDecimal s = BigDecimal.valueOf(sign);
        BigDecimal taxable = l.taxableValue() != null ? l.taxableValue() : l.lineTotal();
        return new Line(l.lineNo() == null ? index + 1 : l.lineNo(), l.productId(), l.name(), l.hsn(), l.gstRate(),
                l.quantity().multiply(s), l.lineTotal().multiply(s), nvl(l.discount()).multiply(s), taxable.multiply(s),
                nvl(l.cgst()).multiply(s), nvl(l.sgst()).multiply(s), nvl(l.igst()).multiply(s), true);
    }

    private Mono<Void> document(DatabaseClient db, Doc d, List<Line> lines, List<Tender> tenders, String moneyCategory) {
        return orderLock(db, d.shop(), d.orderId())
                .then(zoneOf(db, d.shop()).flatMap(z -> document(db, d, lines, tenders, moneyCategory, z)));
    }

    /**
     * Holds the order's lock until the transaction ends, so that a sale document and its stock.committed are applied
     * one after the other (the second then sees the first's rows). A deadlock between two batches that lock orders in
     * different orders fails one batch, whose events are then applied one per transaction.
     */
    private static Mono<Void> orderLock(DatabaseClient db, String shop, String order) {
        if (order == null) {
            return Mono.empty();
        }
        return db.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .bind("key", "reporting.order/" + shop + "/" + order)
                .then();
    }

    private Mono<Void> document(DatabaseClient db, Doc d, List<Line> lines, List<Tender> tenders, String moneyCategory, ZoneId zone) {
        ZonedDateTime local = d.at().atZone(zone);
        LocalDate day = local.toLocalDate();
        short hour = (short) local.getHour();
        short weekday = (short) local.getDayOfWeek().getValue();
        BigDecimal sign = BigDecimal.valueOf(d.sign());
        String customerKey = null;
        String customerName = null;
        if (d.customer() != null) {
            customerKey = d.customer().gstin() != null ? d.customer().gstin() : d.customer().phone();
            customerName = d.customer().name();
        }
        Mono<Long> docRow = db.sql("""
                        INSERT INTO sale_docs (shop_id, doc_id, order_id, kind, number, at, day, hour, weekday, cashier_id,
                                               customer_key, customer, location_id, total, discount, taxable, cgst, sgst, igst, round_off)
                        VALUES (:shop, :doc, :order, :kind, :number, :at, :day, :hour, :weekday, :cashier, :ckey, :cname, :loc,
                                :total, :discount, :taxable, :cgst, :sgst, :igst, :roundOff)
                        ON CONFLICT DO NOTHING""")
                .bind("shop", d.shop()).bind("doc", d.docId()).bind("order", d.orderId()).bind("kind", d.kind())
                .bind("number", nz(d.number())).bind("at", d.at()).bind("day", day).bind("hour", hour)
                .bind("weekday", weekday).bind("cashier", nz(d.cashier())).bind("ckey", nz(customerKey))
                .bind("cname", nz(customerName)).bind("loc", nz(d.location()))
                .bind("total", d.total().multiply(sign)).bind("discount", nvl(d.discount()).multiply(sign))
                .bind("taxable", nvl(d.taxable()).multiply(sign)).bind("cgst", nvl(d.cgst()).multiply(sign))
                .bind("sgst", nvl(d.sgst()).multiply(sign)).bind("igst", nvl(d.igst()).multiply(sign))
                .bind("roundOff", nvl(d.roundOff()).multiply(sign))
                .fetch().rowsUpdated();
        int n = lines.size();
        Integer[] lineNo = new Integer[n];
        String[] product = new String[n];
        String[] name = new String[n];
        String[] hsn = new String[n];
        BigDecimal[] rate = new BigDecimal[n];
        BigDecimal[] qty = new BigDecimal[n];
        BigDecimal[] amount = new BigDecimal[n];
        BigDecimal[] discount = new BigDecimal[n];
        BigDecimal[] taxable = new BigDecimal[n];
        BigDecimal[] cgst = new BigDecimal[n];
        BigDecimal[] sgst = new BigDecimal[n];
        BigDecimal[] igst = new BigDecimal[n];
        Boolean[] restocked = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Line l = lines.get(i);
            lineNo[i] = l.lineNo();
            product[i] = l.productId();
            name[i] = l.name();
            hsn[i] = l.hsn();
            rate[i] = l.gstRate();
            qty[i] = l.quantity();
            amount[i] = l.amount();
            discount[i] = l.discount();
            taxable[i] = l.taxable();
            cgst[i] = l.cgst();
            sgst[i] = l.sgst();
            igst[i] = l.igst();
            restocked[i] = l.restocked();
        }
        // the unit cost of the order's goods, when stock.committed came first
        Mono<Void> lineRows = n == 0 ? Mono.empty() : db.sql("""
                        INSERT INTO sale_lines (shop_id, doc_id, line_no, order_id, kind, day, hour, weekday, cashier_id, product_id,
                                                name, hsn, gst_rate, quantity, amount, discount, taxable, cgst, sgst, igst,
                                                restocked, unit_cost)
                        SELECT :shop, :doc, l.line_no, :order, :kind, :day, :hour, :weekday, :cashier, l.product_id, l.name, l.hsn,
                               l.rate, l.qty, l.amount, l.discount, l.taxable, l.cgst, l.sgst, l.igst, l.restocked,
                               (SELECT c.value / c.quantity FROM order_costs c
                                 WHERE c.shop_id = :shop AND c.order_id = :order AND c.product_id = l.product_id AND c.quantity <> 0)
                          FROM unnest(:lineNo::int[], :product::text[], :name::text[], :hsn::text[], :rate::numeric[], :qty::numeric[],
                                      :amount::numeric[], :discount::numeric[], :taxable::numeric[], :cgst::numeric[],
                                      :sgst::numeric[], :igst::numeric[], :restocked::boolean[])
                               AS l(line_no, product_id, name, hsn, rate, qty, amount, discount, taxable, cgst, sgst, igst, restocked)
                        ON CONFLICT DO NOTHING""")
                .bind("shop", d.shop()).bind("doc", d.docId()).bind("order", d.orderId()).bind("kind", d.kind())
                .bind("day", day).bind("hour", hour).bind("weekday", weekday).bind("cashier", nz(d.cashier()))
                .bind("lineNo", lineNo).bind("product", product).bind("name", name).bind("hsn", hsn).bind("rate", rate)
                .bind("qty", qty).bind("amount", amount).bind("discount", discount).bind("taxable", taxable)
                .bind("cgst", cgst).bind("sgst", sgst).bind("igst", igst).bind("restocked", restocked)
                .then();
        int t = tenders.size();
        Integer[] seq = new Integer[t];
        String[] type = new String[t];
        BigDecimal[] tenderAmount = new BigDecimal[t];
        for (int i = 0; i < t; i++) {
            seq[i] = i;
            type[i] = tenders.get(i).type();
            tenderAmount[i] = tenders.get(i).amount();
        }
        Mono<Void> tenderRows = db.sql("""
                        INSERT INTO sale_tenders (shop_id, doc_id, seq, kind, day, cashier_id, type, amount)
                        SELECT :shop, :doc, t.seq, :kind, :day, :cashier, t.type, t.amount
                          FROM unnest(:seq::int[], :type::text[], :amount::numeric[]) AS t(seq, type, amount)
                        ON CONFLICT DO NOTHING""")
                .bind("shop", d.shop()).bind("doc", d.docId()).bind("kind", d.kind()).bind("day", day)
                .bind("cashier", nz(d.cashier())).bind("seq", seq).bind("type", type).bind("amount", tenderAmount)
                .then();
        Mono<Void> money = Flux.range(0, t)
                .filter(i -> channel(type[i]) != null)
                .concatMap(i -> moneyMove(db, d.shop(), d.docId(), i, d.at(), day, channel(type[i]), moneyCategory, tenderAmount[i]))
                .then();
        Mono<Void> rollups = rollups(db, d, day, sign);
        Mono<Void> lastSold = !"SALE".equals(d.kind()) ? Mono.empty() : db.sql("""
                        INSERT INTO stock (shop_id, product_id, last_sold)
                        SELECT DISTINCT :shop, product_id, :day FROM sale_lines WHERE shop_id = :shop AND doc_id = :doc
                        ON CONFLICT (shop_id, product_id) DO UPDATE SET last_sold = greatest(stock.last_sold, excluded.last_sold)""")
                .bind("shop", d.shop()).bind("doc", d.docId()).bind("day", day).then();
        // a document seen before (under another event id) changes nothing
        return docRow.flatMap(inserted -> inserted == 0 ? Mono.<Void>empty()
                : lineRows.then(tenderRows).then(money).then(rollups).then(lastSold));
    }

    /** The document's lines added to their month's rollup, and the document to its day's. */
    private Mono<Void> rollups(DatabaseClient db, Doc d, LocalDate day, BigDecimal sign) {
        Mono<Void> months = db.sql("""
                        INSERT INTO line_months (shop_id, month, product_id, kind, hsn, gst_rate, name, quantity, amount, discount,
                                                 taxable, cgst, sgst, igst, cost)
                        SELECT shop_id, date_trunc('month', day)::date, product_id, kind, coalesce(hsn, ''), coalesce(gst_rate, 0),
                               max(name), sum(quantity), sum(amount), sum(discount), sum(taxable), sum(cgst), sum(sgst), sum(igst),
                               coalesce(sum(cost), 0)
                          FROM sale_lines WHERE shop_id = :shop AND doc_id = :doc GROUP BY 1, 2, 3, 4, 5, 6
                        ON CONFLICT (shop_id, month, product_id, kind, hsn, gst_rate) DO UPDATE SET
                            name = coalesce(excluded.name, line_months.name), quantity = line_months.quantity + excluded.quantity,
                            amount = line_months.amount + excluded.amount, discount = line_months.discount + excluded.discount,
                            taxable = line_months.taxable + excluded.taxable, cgst = line_months.cgst + excluded.cgst,
                            sgst = line_months.sgst + excluded.sgst, igst = line_months.igst + excluded.igst,
                            cost = line_months.cost + excluded.cost""")
                .bind("shop", d.shop()).bind("doc", d.docId()).then();
        Mono<Void> days = db.sql("""
                        INSERT INTO doc_days (shop_id, day, kind, docs, total, discount, taxable, tax, cost)
                        VALUES (:shop, :day, :kind, 1, :total, :discount, :taxable, :tax,
                                (SELECT coalesce(sum(cost), 0) FROM sale_lines WHERE shop_id = :shop AND doc_id = :doc))
                        ON CONFLICT (shop_id, day, kind) DO UPDATE SET docs = doc_days.docs + 1, total = doc_days.total + excluded.total,
                            discount = doc_days.discount + excluded.discount, taxable = doc_days.taxable + excluded.taxable,
                            tax = doc_days.tax + excluded.tax, cost = doc_days.cost + excluded.cost""")
                .bind("shop", d.shop()).bind("day", day).bind("kind", d.kind()).bind("doc", d.docId())
                .bind("total", d.total().multiply(sign)).bind("discount", nvl(d.discount()).multiply(sign))
                .bind("taxable", nvl(d.taxable()).multiply(sign))
                .bind("tax", nvl(d.cgst()).add(nvl(d.sgst())).add(nvl(d.igst())).multiply(sign))
                .then();
        return months.then(days);
    }

    /** The money channel a tender or payment mode moves, or null when no money moves (khata credit, loyalty points). */
    static String channel(String mode) {
        if (mode == null) {
            return null;
        }
        return switch (mode) {
            case "CASH" -> "CASH";
            case "CARD" -> "CARD";
            case "UPI" -> "UPI";
            case "BANK", "NEFT", "RTGS", "IMPS", "CHEQUE" -> "BANK";
            default -> null;
        };
    }

    private Mono<Void> moneyMove(DatabaseClient db, String shop, String source, int seq, Instant at, LocalDate day,
                                 String channel, String category, BigDecimal amount) {
        return db.sql("""
                        INSERT INTO money_moves (shop_id, source_id, seq, at, day, channel, category, amount)
                        VALUES (:shop, :source, :seq, :at, :day, :channel, :category, :amount) ON CONFLICT DO NOTHING""")
                .bind("shop", shop).bind("source", source).bind("seq", seq).bind("at", at).bind("day", day)
                .bind("channel", channel).bind("category", category).bind("amount", amount).then();
    }

    // ---- stock

    private Mono<Void> committed(DatabaseClient db, CloudEvent e) {
        var c = KiranaEvents.data(e, InventoryEvents.StockCommitted.class);
        String shop = KiranaEvents.shopId(e);
        Map<String, BigDecimal[]> perProduct = new LinkedHashMap<>();
        List<InventoryEvents.LotMove> lotMoves = new ArrayList<>();
        List<String> lotProducts = new ArrayList<>();
        for (InventoryEvents.CostedLine l : c.lines()) {
            for (InventoryEvents.LotMove m : l.lots() == null ? List.<InventoryEvents.LotMove>of() : l.lots()) {
                lotMoves.add(m);
                lotProducts.add(l.productId());
            }
            BigDecimal[] qv = perProduct.computeIfAbsent(l.productId(), k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
            qv[0] = qv[0].add(l.quantity());
            qv[1] = qv[1].add(l.quantity().multiply(nvl(l.unitCost())));
        }
        return orderLock(db, shop, c.orderId()).thenMany(Flux.fromIterable(perProduct.entrySet()))
                .concatMap(p -> db.sql("""
                                INSERT INTO order_costs (shop_id, order_id, product_id, quantity, value) VALUES (:shop, :order, :product, :qty, :value)
                                ON CONFLICT DO NOTHING""")
                        .bind("shop", shop).bind("order", c.orderId()).bind("product", p.getKey())
                        .bind("qty", p.getValue()[0]).bind("value", p.getValue()[1]).then()
                        .then(p.getValue()[0].signum() == 0 ? Mono.empty() : db.sql("""
                                        WITH u AS (
                                            UPDATE sale_lines SET unit_cost = :value / :qty
                                             WHERE shop_id = :shop AND order_id = :order AND product_id = :product AND unit_cost IS NULL
                                            RETURNING day, kind, product_id, coalesce(hsn, '') AS hsn, coalesce(gst_rate, 0) AS rate, cost),
                                             m AS (
                                            INSERT INTO line_months (shop_id, month, product_id, kind, hsn, gst_rate, cost)
                                            SELECT :shop, date_trunc('month', day)::date, product_id, kind, hsn, rate, sum(cost)
                                              FROM u GROUP BY 2, 3, 4, 5, 6
                                            ON CONFLICT (shop_id, month, product_id, kind, hsn, gst_rate)
                                            DO UPDATE SET cost = line_months.cost + excluded.cost)
                                        INSERT INTO doc_days (shop_id, day, kind, cost)
                                        SELECT :shop, day, kind, sum(cost) FROM u GROUP BY 2, 3
                                        ON CONFLICT (shop_id, day, kind) DO UPDATE SET cost = doc_days.cost + excluded.cost""")
                                .bind("shop", shop).bind("order", c.orderId()).bind("product", p.getKey())
                                .bind("qty", p.getValue()[0]).bind("value", p.getValue()[1]).then())
                        .then(stock(db, shop, p.getKey(), p.getValue()[0].negate(), p.getValue()[1].negate(), null)))
                .then(Flux.range(0, lotMoves.size()).concatMap(i -> lot(db, shop, lotProducts.get(i), lotMoves.get(i))).then());
    }

    private Mono<Void> received(DatabaseClient db, CloudEvent e) {
        var r = KiranaEvents.data(e, InventoryEvents.StockReceived.class);
        String shop = KiranaEvents.shopId(e);
        return stock(db, shop, r.productId(), r.quantity(), r.quantity().multiply(nvl(r.unitCost())), eventTime(e))
                .then(lots(db, shop, r.productId(), r.lots()));
    }

    private Mono<Void> adjusted(DatabaseClient db, CloudEvent e) {
        var a = KiranaEvents.data(e, InventoryEvents.StockAdjusted.class);
        BigDecimal value = a.value() != null ? a.value() : a.quantity().multiply(nvl(a.unitCost()));
        String shop = KiranaEvents.shopId(e);
        return stock(db, shop, a.productId(), a.quantity(), value, a.quantity().signum() > 0 ? eventTime(e) : null)
                .then(lots(db, shop, a.productId(), a.lots()));
    }

    private Mono<Void> lots(DatabaseClient db, String shop, String product, List<InventoryEvents.LotMove> moves) {
        return moves == null ? Mono.empty() : Flux.fromIterable(moves).concatMap(m -> lot(db, shop, product, m)).then();
    }

    /** A lot's remaining quantity is the sum of its moves, whatever order they arrive in. */
    private Mono<Void> lot(DatabaseClient db, String shop, String product, InventoryEvents.LotMove m) {
        return db.sql("""
                        INSERT INTO lots (shop_id, lot_id, product_id, batch_no, expiry_date, received_at, unit_cost, remaining)
                        VALUES (:shop, :lot, :product, :batch, :expiry, :received, :cost, :qty)
                        ON CONFLICT (shop_id, lot_id) DO UPDATE SET remaining = lots.remaining + excluded.remaining,
                            batch_no = coalesce(lots.batch_no, excluded.batch_no),
                            expiry_date = coalesce(lots.expiry_date, excluded.expiry_date),
                            received_at = coalesce(lots.received_at, excluded.received_at),
                            unit_cost = coalesce(lots.unit_cost, excluded.unit_cost)""")
                .bind("shop", shop).bind("lot", m.lotId()).bind("product", product).bind("batch", nz(m.batchNo()))
                .bind("expiry", org.springframework.r2dbc.core.Parameter.fromOrEmpty(m.expiryDate(), LocalDate.class))
                .bind("received", org.springframework.r2dbc.core.Parameter.fromOrEmpty(m.receivedAt(), Instant.class))
                .bind("cost", nzd(m.unitCost())).bind("qty", m.quantity())
                .then();
    }

    private Mono<Void> stock(DatabaseClient db, String shop, String product, BigDecimal quantity, BigDecimal value, Instant inAt) {
        return db.sql("""
                        INSERT INTO stock (shop_id, product_id, on_hand, value, last_in_at) VALUES (:shop, :product, :qty, :value, :inAt)
                        ON CONFLICT (shop_id, product_id) DO UPDATE SET on_hand = stock.on_hand + excluded.on_hand,
                            value = stock.value + excluded.value,
                            last_in_at = greatest(stock.last_in_at, excluded.last_in_at)""")
                .bind("shop", shop).bind("product", product).bind("qty", quantity).bind("value", value)
                .bind("inAt", inAt == null ? org.springframework.r2dbc.core.Parameter.empty(Instant.class)
                        : org.springframework.r2dbc.core.Parameter.from(inAt))
                .then();
    }

    // ---- khata

    private Mono<Void> partyCreated(DatabaseClient db, CloudEvent e) {
        var p = KiranaEvents.data(e, AccountingEvents.PartyCreated.class);
        String shop = KiranaEvents.shopId(e);
        Mono<Void> party = party(db, shop, p.partyId(), p.kind(), p.name(), p.phone(), p.creditLimit());
        if (p.openingBalance() == null || p.openingBalance().signum() == 0 || p.openingDate() == null) {
            return party;
        }
        // an opening balance is owed since its opening date, not since the day it was entered (when accounting says the
        // balance changed): ageing walks back to this row. Noon UTC is the opening date in every Indian shop's zone.
        return party.then(db.sql("""
                        INSERT INTO party_balances (shop_id, party_id, event_id, changed_at, balance)
                        VALUES (:shop, :id, :event, :at, :balance) ON CONFLICT DO NOTHING""")
                .bind("shop", shop).bind("id", p.partyId()).bind("event", e.getId() + "/opening")
                .bind("at", p.openingDate().atTime(12, 0).toInstant(java.time.ZoneOffset.UTC))
                .bind("balance", p.openingBalance()).then());
    }

    private Mono<Void> partyUpdated(DatabaseClient db, CloudEvent e) {
        var p = KiranaEvents.data(e, AccountingEvents.PartyUpdated.class);
        return party(db, KiranaEvents.shopId(e), p.partyId(), p.kind(), p.name(), p.phone(), p.creditLimit());
    }

    private Mono<Void> party(DatabaseClient db, String shop, String id, String kind, String name, String phone, BigDecimal limit) {
        return db.sql("""
                        INSERT INTO parties (shop_id, party_id, kind, name, phone, credit_limit) VALUES (:shop, :id, :kind, :name, :phone, :limit)
                        ON CONFLICT (shop_id, party_id) DO UPDATE SET kind = excluded.kind, name = excluded.name, phone = excluded.phone""")
                .bind("shop", shop).bind("id", id).bind("kind", kind).bind("name", nz(name)).bind("phone", nz(phone))
                .bind("limit", nzd(limit)).then();
    }

    private Mono<Void> balanceChanged(DatabaseClient db, CloudEvent e) {
        var b = KiranaEvents.data(e, AccountingEvents.PartyBalanceChanged.class);
        String shop = KiranaEvents.shopId(e);
        Instant at = b.changedAt() == null ? eventTime(e) : b.changedAt();
        return db.sql("""
                        INSERT INTO parties (shop_id, party_id, kind, phone, balance, credit_limit, merged_into, changed_at)
                        VALUES (:shop, :id, :kind, :phone, :balance, :limit, :merged, :at)
                        ON CONFLICT (shop_id, party_id) DO UPDATE SET balance = excluded.balance, credit_limit = excluded.credit_limit,
                            merged_into = excluded.merged_into, changed_at = excluded.changed_at,
                            phone = coalesce(excluded.phone, parties.phone)
                        WHERE parties.changed_at IS NULL OR parties.changed_at <= excluded.changed_at""")
                .bind("shop", shop).bind("id", b.partyId()).bind("kind", b.kind()).bind("phone", nz(b.phone()))
                .bind("balance", b.balance()).bind("limit", nzd(b.creditLimit())).bind("merged", nz(b.mergedInto()))
                .bind("at", at).then()
                .then(db.sql("""
                                INSERT INTO party_balances (shop_id, party_id, event_id, changed_at, balance)
                                VALUES (:shop, :id, :event, :at, :balance) ON CONFLICT DO NOTHING""")
                        .bind("shop", shop).bind("id", b.partyId()).bind("event", e.getId()).bind("at", at)
                        .bind("balance", b.balance()).then());
    }

    // ---- money

    private Mono<Void> paymentReceived(DatabaseClient db, CloudEvent e) {
        var p = KiranaEvents.data(e, AccountingEvents.PaymentReceived.class);
        String channel = channel(p.mode());
        return channel == null ? Mono.empty() : moneyMove(db, KiranaEvents.shopId(e), "payment:" + p.paymentId(), 0,
                eventTime(e), p.date(), channel, "COLLECTIONS", p.amount());
    }

    private Mono<Void> paymentMade(DatabaseClient db, CloudEvent e) {
        var p = KiranaEvents.data(e, AccountingEvents.PaymentMade.class);
        String channel = channel(p.mode());
        return channel == null ? Mono.empty() : moneyMove(db, KiranaEvents.shopId(e), "payment:" + p.paymentId(), 0,
                eventTime(e), p.date(), channel, "SUPPLIER_PAYMENTS", p.amount().negate());
    }

    private Mono<Void> expenseRecorded(DatabaseClient db, CloudEvent e) {
        var x = KiranaEvents.data(e, AccountingEvents.ExpenseRecorded.class);
        String shop = KiranaEvents.shopId(e);
        BigDecimal tax = nvl(x.cgst()).add(nvl(x.sgst())).add(nvl(x.igst()));
        String channel = channel(x.mode());
        return db.sql("""
                        INSERT INTO expenses (shop_id, expense_id, category_id, category_name, day, amount, net_amount, tax, mode)
                        VALUES (:shop, :id, :cat, :name, :day, :amount, :net, :tax, :mode) ON CONFLICT DO NOTHING""")
                .bind("shop", shop).bind("id", x.expenseId()).bind("cat", nz(x.categoryId())).bind("name", nz(x.categoryName()))
                .bind("day", x.date()).bind("amount", x.amount()).bind("net", nvl(x.netAmount())).bind("tax", tax)
                .bind("mode", nz(x.mode())).then()
                .then(channel == null ? Mono.empty() : moneyMove(db, shop, "expense:" + x.expenseId(), 0, eventTime(e),
                        x.date(), channel, "EXPENSES", x.amount().negate()));
    }

    private Mono<Void> expenseReversed(DatabaseClient db, CloudEvent e) {
        var x = KiranaEvents.data(e, AccountingEvents.ExpenseReversed.class);
        String shop = KiranaEvents.shopId(e);
        return db.sql("UPDATE expenses SET reversed_on = :day WHERE shop_id = :shop AND expense_id = :id RETURNING mode")
                .bind("shop", shop).bind("id", x.expenseId()).bind("day", x.date())
                .map(r -> Objects.requireNonNullElse(r.get("mode", String.class), "")).all().collectList()
                .flatMap(modes -> {
                    String channel = modes.isEmpty() ? null : channel(modes.get(0));
                    return channel == null ? Mono.empty() : moneyMove(db, shop, "expense:" + x.expenseId(), 1, eventTime(e),
                            x.date(), channel, "EXPENSES", x.amount());
                });
    }

    private Mono<Void> purchaseBilled(DatabaseClient db, CloudEvent e) {
        var b = KiranaEvents.data(e, AccountingEvents.PurchaseBilled.class);
        String shop = KiranaEvents.shopId(e);
        Mono<Void> suppliers = Flux.fromIterable(b.lines())
                .concatMap(l -> db.sql("""
                                INSERT INTO product_suppliers (shop_id, product_id, supplier_id, supplier_name, last_billed, unit_cost)
                                VALUES (:shop, :product, :supplier, :name, :day, :cost)
                                ON CONFLICT (shop_id, product_id) DO UPDATE SET supplier_id = excluded.supplier_id,
                                    supplier_name = excluded.supplier_name, last_billed = excluded.last_billed, unit_cost = excluded.unit_cost
                                WHERE product_suppliers.last_billed <= excluded.last_billed""")
                        .bind("shop", shop).bind("product", l.productId()).bind("supplier", b.supplierId())
                        .bind("name", nz(b.supplierName())).bind("day", b.billDate()).bind("cost", nzd(l.unitCost())).then())
                .then();
        AccountingEvents.PaidNow paid = b.paidNow();
        String channel = paid == null ? null : channel(paid.mode());
        return suppliers.then(channel == null || paid.amount() == null || paid.amount().signum() == 0 ? Mono.empty()
                : moneyMove(db, shop, "bill:" + b.billId(), 0, eventTime(e), b.billDate(), channel, "PURCHASES",
                paid.amount().negate()));
    }

    private Mono<Void> bankSettled(DatabaseClient db, CloudEvent e) {
        var s = KiranaEvents.data(e, AccountingEvents.BankSettled.class);
        String shop = KiranaEvents.shopId(e);
        String clearing = "1010".equals(s.clearingAccount()) || "CARD".equalsIgnoreCase(s.provider()) ? "CARD" : "UPI";
        String source = "settlement:" + s.settlementId();
        Instant at = eventTime(e);
        return moneyMove(db, shop, source, 0, at, s.date(), clearing, "SETTLEMENTS", s.gross().negate())
                .then(moneyMove(db, shop, source, 1, at, s.date(), "BANK", "SETTLEMENTS", s.gross()))
                .then(nvl(s.fee()).signum() == 0 ? Mono.empty()
                        : moneyMove(db, shop, source, 2, at, s.date(), "BANK", "FEES", s.fee().negate()));
    }

    private Mono<Void> dayClosed(DatabaseClient db, CloudEvent e) {
        var d = KiranaEvents.data(e, AccountingEvents.DayClosed.class);
        String shop = KiranaEvents.shopId(e);
        Instant at = d.closedAt() == null ? eventTime(e) : d.closedAt();
        return db.sql("""
                        INSERT INTO day_closes (shop_id, day, counted, expected, variance, closed_at)
                        VALUES (:shop, :day, :counted, :expected, :variance, :at)
                        ON CONFLICT (shop_id, day) DO UPDATE SET counted = excluded.counted, expected = excluded.expected,
                            variance = excluded.variance, closed_at = excluded.closed_at""")
                .bind("shop", shop).bind("day", d.date()).bind("counted", d.counted()).bind("expected", d.expected())
                .bind("variance", d.variance()).bind("at", at).then()
                .then(nvl(d.variance()).signum() == 0 ? Mono.empty()
                        : moneyMove(db, shop, "close:" + d.date(), 0, at, d.date(), "CASH", "CASH_VARIANCE", d.variance()));
    }

    // ---- people: one employee's events share a key (its id), so they arrive in order; the guards keep the newest

    private Mono<Void> employeeUpdated(DatabaseClient db, CloudEvent e) {
        var x = KiranaEvents.data(e, StaffEvents.EmployeeUpdated.class);
        return db.sql("""
                        INSERT INTO employees (shop_id, employee_id, user_id, name, designation, status, changed_at)
                        VALUES (:shop, :id, :user, :name, :designation, :status, :at)
                        ON CONFLICT (shop_id, employee_id) DO UPDATE SET user_id = excluded.user_id, name = excluded.name,
                            designation = excluded.designation, status = excluded.status, changed_at = excluded.changed_at
                        WHERE employees.changed_at <= excluded.changed_at""")
                .bind("shop", KiranaEvents.shopId(e)).bind("id", x.employeeId()).bind("user", nz(x.userId()))
                .bind("name", x.name()).bind("designation", nz(x.designation())).bind("status", x.status())
                .bind("at", eventTime(e)).then();
    }

    /** A day as it now stands; the employee's name and login come with it (an employee added before its events were). */
    private Mono<Void> attendanceRecorded(DatabaseClient db, CloudEvent e) {
        var a = KiranaEvents.data(e, StaffEvents.AttendanceRecorded.class);
        String shop = KiranaEvents.shopId(e);
        return db.sql("""
                        INSERT INTO employees (shop_id, employee_id, user_id, name, changed_at) VALUES (:shop, :id, :user, :name, :at)
                        ON CONFLICT (shop_id, employee_id) DO UPDATE SET user_id = excluded.user_id, name = excluded.name,
                            changed_at = excluded.changed_at
                        WHERE employees.changed_at <= excluded.changed_at""")
                .bind("shop", shop).bind("id", a.employeeId()).bind("user", nz(a.userId())).bind("name", a.name())
                .bind("at", eventTime(e)).then()
                .then(db.sql("""
                                INSERT INTO attendance_days (shop_id, employee_id, day, status, hours_worked, days_worked, version)
                                VALUES (:shop, :id, :day, :status, :hours, :days, :version)
                                ON CONFLICT (shop_id, employee_id, day) DO UPDATE SET status = excluded.status,
                                    hours_worked = excluded.hours_worked, days_worked = excluded.days_worked, version = excluded.version
                                WHERE attendance_days.version < excluded.version""")
                        .bind("shop", shop).bind("id", a.employeeId()).bind("day", a.day()).bind("status", a.status())
                        .bind("hours", nvl(a.hoursWorked())).bind("days", nvl(a.daysWorked())).bind("version", a.version())
                        .then());
    }

    // ---- helpers

    private static Instant eventTime(CloudEvent e) {
        return e.getTime() == null ? Instant.EPOCH : e.getTime().toInstant();
    }

    private static BigDecimal nvl(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static org.springframework.r2dbc.core.Parameter nz(String v) {
        return org.springframework.r2dbc.core.Parameter.fromOrEmpty(v, String.class);
    }

    private static org.springframework.r2dbc.core.Parameter nzd(BigDecimal v) {
        return org.springframework.r2dbc.core.Parameter.fromOrEmpty(v, BigDecimal.class);
    }

    private record Doc(String shop, String docId, String orderId, String kind, String number, Instant at, String cashier,
                       OrderEvents.Customer customer, String location, BigDecimal total, BigDecimal discount,
                       BigDecimal taxable, BigDecimal cgst, BigDecimal sgst, BigDecimal igst, BigDecimal roundOff, int sign) {
    }

    private record Line(int lineNo, String productId, String name, String hsn, BigDecimal gstRate, BigDecimal quantity,
                        BigDecimal amount, BigDecimal discount, BigDecimal taxable, BigDecimal cgst, BigDecimal sgst,
                        BigDecimal igst, boolean restocked) {
    }

    private record Tender(String type, BigDecimal amount) {
    }
}
