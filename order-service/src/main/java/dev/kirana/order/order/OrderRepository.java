package dev.kirana.order.order;

import dev.kirana.order.gst.DocumentType;
import dev.kirana.order.gst.SupplyType;
import dev.kirana.order.pricing.TenderType;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Orders, their lines and tenders in SQL; every query is scoped by shop. */
@Repository
public class OrderRepository {
    static final String HEADER = """
            id, status, invoice_number, invoice_date, document_type, cashier_id, location_id, currency, customer_name,
            customer_phone, customer_gstin, supplier_state, place_of_supply, supply_type, gross, discount, taxable_value,
            cgst, sgst, igst, round_off, total, received, change_due, refunded_total, loyalty_points_earned,
            loyalty_points_redeemed, reason, placed_at, deadline, confirmed_at, updated_at, voided_at, voided_by,
            credit_override_by, credit_override_role, credit_override_limit, credit_override_balance, credit_override_amount""";
    /** The state an {@link Order} carries beyond what the API record shows. */
    private static final String STATE = ", loyalty_points_reversed, loyalty_point_value, void_reason";
    private static final String LINE = """
            line_no, product_id, sku, barcode, name, hsn, unit, quantity, unit_price, tax_inclusive, gst_rate, gross,
            line_discount + order_discount AS discount, taxable_value, cgst, sgst, igst, line_total, refunded_quantity""";
    private final DatabaseClient db;

    public OrderRepository(DatabaseClient db) {
        this.db = db;
    }

    public DatabaseClient db() {
        return db;
    }

    /**
     * A newly placed order with its lines and tenders.
     * @param orderDiscountShares each line's share of the order discount (its {@code discount} includes it)
     */
    public Mono<Void> insert(String shopId, Order placed, List<BigDecimal> orderDiscountShares) {
        Sale o = placed.sale();
        Totals totals = o.totals();
        // the order, its lines and its tenders in one statement (one round trip): data-modifying CTEs, whose foreign keys
        // are checked at the end of the statement, when the order row is there
        boolean tendered = !o.tenders().isEmpty();
        String sql = "WITH placed AS (" + """
                        INSERT INTO orders (id, shop_id, status, cashier_id, location_id, currency, total, placed_at, deadline, updated_at,
                            document_type, supplier_state, place_of_supply, supply_type, customer_name, customer_phone, customer_gstin,
                            gross, discount, taxable_value, cgst, sgst, igst, round_off, received, change_due, loyalty_points_redeemed,
                            credit_override_by, credit_override_role, credit_override_limit, credit_override_balance, credit_override_amount)
                        VALUES (:id, :shop, :status, :cashier, :loc, :currency, :total, :placed, :deadline, :placed,
                            :doc, :supplier, :pos, :supply, :cname, :cphone, :cgstin,
                            :gross, :discount, :taxable, :cgst, :sgst, :igst, :roundOff, :received, :change, :redeemed,
                            :overrideBy, :overrideRole, :overrideLimit, :overrideBalance, :overrideAmount)""" + ")"
                + (tendered ? ", lines AS (" + linesSql(o) + ") " + tendersSql(o) : " " + linesSql(o));
        var spec = db.sql(sql)
                .bind("id", o.id()).bind("shop", shopId).bind("status", placed.status().name()).bind("cashier", o.cashierId())
                .bind("currency", o.currency())
                .bind("total", o.total()).bind("placed", utc(o.placedAt())).bind("deadline", utc(o.deadline()))
                .bind("doc", o.documentType().name()).bind("supplier", o.supplierStateCode()).bind("pos", o.placeOfSupply())
                .bind("supply", o.supplyType().name()).bind("gross", totals.gross()).bind("discount", totals.discount())
                .bind("taxable", totals.taxableValue()).bind("cgst", totals.cgst()).bind("sgst", totals.sgst())
                .bind("igst", totals.igst()).bind("roundOff", totals.roundOff()).bind("received", o.received()).bind("change", o.change())
                .bind("redeemed", o.loyaltyPointsRedeemed());
        spec = nullable(spec, "loc", o.locationId());
        Customer c = o.customer();
        spec = nullable(spec, "cname", c == null ? null : c.name());
        spec = nullable(spec, "cphone", c == null ? null : c.phone());
        spec = nullable(spec, "cgstin", c == null ? null : c.gstin());
        CreditOverride co = o.creditOverride();
        spec = nullable(spec, "overrideBy", co == null ? null : co.by());
        spec = nullable(spec, "overrideRole", co == null ? null : co.role());
        spec = amount(spec, "overrideLimit", co == null ? null : co.creditLimit());
        spec = amount(spec, "overrideBalance", co == null ? null : co.balance());
        spec = amount(spec, "overrideAmount", co == null ? null : co.amount());
        return bindTenders(bindLines(spec, o, orderDiscountShares), o).then();
    }

    /** All lines in one statement: the hot path of a sale. */
    private static String linesSql(Sale o) {
        StringBuilder sql = new StringBuilder("""
                INSERT INTO order_lines (order_id, line_no, product_id, sku, barcode, name, hsn, unit, quantity, unit_price,
                    tax_inclusive, gst_rate, gross, line_discount, order_discount, taxable_value, cgst, sgst, igst, line_total) VALUES """);
        for (int i = 0; i < o.lines().size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(("(:id, :no_, :product_, :sku_, :barcode_, :name_, :hsn_, :unit_, :qty_, :price_, "
                    + ":incl_, :rate_, :gross_, :ld_, :od_, :taxable_, :cgst_, :sgst_, :igst_, :total_)").replace("_", "_" + i));
        }
        return sql.toString();
    }

    private static DatabaseClient.GenericExecuteSpec bindLines(DatabaseClient.GenericExecuteSpec spec, Sale o, List<BigDecimal> shares) {
        for (int i = 0; i < o.lines().size(); i++) {
            OrderLine l = o.lines().get(i);
            String s = "_" + i;
            BigDecimal orderShare = shares.get(i);
            spec = spec.bind("no" + s, l.lineNo()).bind("product" + s, l.productId()).bind("sku" + s, l.sku())
                    .bind("name" + s, l.name()).bind("qty" + s, l.quantity()).bind("price" + s, l.unitPrice())
                    .bind("incl" + s, l.taxInclusive()).bind("rate" + s, l.gstRate()).bind("gross" + s, l.gross())
                    .bind("ld" + s, l.discount().subtract(orderShare)).bind("od" + s, orderShare).bind("taxable" + s, l.taxableValue())
                    .bind("cgst" + s, l.cgst()).bind("sgst" + s, l.sgst()).bind("igst" + s, l.igst()).bind("total" + s, l.lineTotal());
            spec = nullable(spec, "barcode" + s, l.barcode());
            spec = nullable(spec, "hsn" + s, l.hsn());
            spec = nullable(spec, "unit" + s, l.unit());
        }
        return spec;
    }

    /** All tenders in one statement, numbered from 1. */
    private static String tendersSql(Sale o) {
        StringBuilder sql = new StringBuilder(
                "INSERT INTO order_tenders (order_id, tender_no, type, tendered, amount, change, reference, points) VALUES ");
        for (int i = 0; i < o.tenders().size(); i++) {
            sql.append(i == 0 ? "" : ", ")
                    .append("(:id, :tno_, :ttype_, :ttendered_, :tamount_, :tchange_, :tref_, :tpoints_)".replace("_", "_" + i));
        }
        return sql.toString();
    }

    private static DatabaseClient.GenericExecuteSpec bindTenders(DatabaseClient.GenericExecuteSpec spec, Sale o) {
        for (int i = 0; i < o.tenders().size(); i++) {
            Tender t = o.tenders().get(i);
            String s = "_" + i;
            spec = spec.bind("tno" + s, i + 1).bind("ttype" + s, t.type().name()).bind("ttendered" + s, t.tendered())
                    .bind("tamount" + s, t.amount()).bind("tchange" + s, t.change());
            spec = nullable(spec, "tref" + s, t.reference());
            spec = t.points() == null ? spec.bindNull("tpoints" + s, Long.class) : spec.bind("tpoints" + s, t.points());
        }
        return spec;
    }

    /** The whole order, or empty when the shop has no such order. */
    public Mono<Order> find(String shopId, UUID id) {
        return db.sql("SELECT " + HEADER + STATE + " FROM orders WHERE shop_id = :shop AND id = :id")
                .bind("shop", shopId).bind("id", id).map(OrderRepository::mapOrder).one()
                .flatMap(this::complete);
    }


    /** The order, its row locked for the rest of the transaction: read once, changed through its moves, then {@link #save}d. */
    public Mono<Order> lockOrder(String shopId, UUID id) {
        return db.sql("SELECT " + HEADER + STATE + " FROM orders WHERE shop_id = :shop AND id = :id FOR UPDATE")
                .bind("shop", shopId).bind("id", id).map(OrderRepository::mapOrder).one()
                .flatMap(this::complete);
    }

    /** A stored order and its shop (the overdue sweep works across shops). */
    public record InShop(String shopId, Order order) {
    }

    /**
     * Up to {@code batch} PENDING orders past their deadline, oldest deadline first, locked; rows another transaction
     * holds are skipped (a sale being confirmed right now is not overdue). One query: each order is its row, without
     * its lines and tenders, which cancelling neither reads nor writes (its move, held points and event need only the row).
     */
    public Flux<InShop> lockOverdue(int batch) {
        return db.sql("SELECT shop_id, " + HEADER + STATE + """
                         FROM orders WHERE status = :pending AND deadline < now()
                        ORDER BY deadline LIMIT :batch FOR UPDATE SKIP LOCKED""")
                .bind("pending", OrderStatus.PENDING.name()).bind("batch", batch)
                .map(r -> new InShop(r.get("shop_id", String.class), mapOrder(r))).all()
                // read every row before the next statement: one connection cannot stream a result and run another query
                .collectList().flatMapIterable(rows -> rows);
    }

    /**
     * The one write of an order's state after it is placed: what its moves changed, and the line returns of a refund.
     * Nothing else updates orders.
     */
    public Mono<Void> save(String shopId, Order o) {
        var spec = db.sql("""
                        UPDATE orders SET status = :status, invoice_number = :number, invoice_date = :day, confirmed_at = :confirmed,
                            updated_at = :updated, reason = :reason, loyalty_points_earned = :earned, loyalty_point_value = :pointValue,
                            loyalty_points_reversed = :reversed, refunded_total = :refunded, voided_at = :voided, voided_by = :voidedBy,
                            void_reason = :voidReason
                        WHERE shop_id = :shop AND id = :id""")
                .bind("status", o.status().name()).bind("updated", utc(o.updatedAt())).bind("earned", o.pointsEarned())
                .bind("reversed", o.pointsReversed()).bind("refunded", o.refundedTotal()).bind("shop", shopId).bind("id", o.id());
        spec = nullable(spec, "number", o.invoiceNumber());
        spec = o.invoiceDate() == null ? spec.bindNull("day", LocalDate.class) : spec.bind("day", o.invoiceDate());
        spec = o.confirmedAt() == null ? spec.bindNull("confirmed", OffsetDateTime.class) : spec.bind("confirmed", utc(o.confirmedAt()));
        spec = nullable(spec, "reason", o.reason());
        spec = amount(spec, "pointValue", o.pointValue());
        spec = o.voidedAt() == null ? spec.bindNull("voided", OffsetDateTime.class) : spec.bind("voided", utc(o.voidedAt()));
        spec = nullable(spec, "voidedBy", o.voidedBy());
        spec = nullable(spec, "voidReason", o.voidReason());
        return spec.then().thenMany(Flux.fromIterable(o.takeUnsavedReturns()).concatMap(l -> db.sql("""
                                UPDATE order_lines SET refunded_quantity = refunded_quantity + :qty,
                                    refunded_taxable = refunded_taxable + :taxable, refunded_cgst = refunded_cgst + :cgst,
                                    refunded_sgst = refunded_sgst + :sgst, refunded_igst = refunded_igst + :igst
                                WHERE order_id = :order AND line_no = :no""")
                        .bind("qty", l.quantity()).bind("taxable", l.taxableValue()).bind("cgst", l.cgst())
                        .bind("sgst", l.sgst()).bind("igst", l.igst()).bind("order", o.id()).bind("no", l.lineNo())
                        .then()))
                .then();
    }

    private Mono<Order> complete(Order header) {
        return lines(header.id()).collectList()
                .zipWith(tenders(header.id()).collectList())
                .map(t -> header.withLinesAndTenders(t.getT1(), t.getT2()));
    }

    public Mono<OrderStatus> status(String shopId, UUID id) {
        return db.sql("SELECT status FROM orders WHERE shop_id = :shop AND id = :id").bind("shop", shopId).bind("id", id)
                .map(r -> OrderStatus.valueOf(r.get("status", String.class))).one();
    }

    private Flux<OrderLine> lines(UUID orderId) {
        return db.sql("SELECT " + LINE + " FROM order_lines WHERE order_id = :id ORDER BY line_no").bind("id", orderId)
                .map(r -> new OrderLine(r.get("line_no", Integer.class), r.get("product_id", String.class),
                        r.get("sku", String.class), r.get("barcode", String.class), r.get("name", String.class),
                        r.get("hsn", String.class), r.get("unit", String.class), r.get("quantity", BigDecimal.class),
                        r.get("unit_price", BigDecimal.class), Boolean.TRUE.equals(r.get("tax_inclusive", Boolean.class)),
                        r.get("gst_rate", BigDecimal.class), r.get("gross", BigDecimal.class),
                        r.get("discount", BigDecimal.class), r.get("taxable_value", BigDecimal.class),
                        r.get("cgst", BigDecimal.class), r.get("sgst", BigDecimal.class), r.get("igst", BigDecimal.class),
                        r.get("line_total", BigDecimal.class), r.get("refunded_quantity", BigDecimal.class)))
                .all();
    }

    private Flux<Tender> tenders(UUID orderId) {
        return db.sql("SELECT type, tendered, amount, change, reference, points FROM order_tenders WHERE order_id = :id ORDER BY tender_no")
                .bind("id", orderId)
                .map(r -> new Tender(TenderType.valueOf(r.get("type", String.class)), r.get("tendered", BigDecimal.class),
                        r.get("amount", BigDecimal.class), r.get("change", BigDecimal.class), r.get("reference", String.class),
                        r.get("points", Long.class)))
                .all();
    }

    /**
     * Credit sold to a customer (by any of their phones or GSTINs) that the khata balance announced at {@code booksAsOf} may not
     * include yet: CREDIT tenders of PENDING sales (accounting posts a sale only once it is confirmed), and of sales
     * confirmed after {@code booksAsOf} that still stand (all of them when the replica has no balance time yet).
     * Voided and fully refunded sales are left out: their credit is, or is about to be, reversed. The cut-off is by
     * time, so a collection announced between a sale's confirmation and its posting makes that sale look posted until
     * the next balance arrives (seconds, and in the customer's favour); counting per sale would need accounting to
     * name the last sale in its balance.
     */
    public Mono<BigDecimal> creditNotInBooks(String shopId, List<String> phones, List<String> gstins, Instant booksAsOf) {
        var spec = db.sql("""
                        SELECT COALESCE(SUM(t.amount), 0) AS credit
                          FROM orders o JOIN order_tenders t ON t.order_id = o.id AND t.type = :credit
                         WHERE o.shop_id = :shop AND (o.customer_phone = ANY(:phones) OR o.customer_gstin = ANY(:gstins))
                           AND (o.status = :pending
                                OR (o.status = ANY(:standing) AND o.confirmed_at > :since))""")
                .bind("credit", TenderType.CREDIT.name()).bind("shop", shopId).bind("pending", OrderStatus.PENDING.name())
                .bind("standing", Arrays.stream(OrderStatus.values()).filter(OrderStatus::isRefundable)
                        .map(Enum::name).toArray(String[]::new));
        spec = spec.bind("phones", phones.toArray(String[]::new)).bind("gstins", gstins.toArray(String[]::new));
        spec = spec.bind("since", utc(booksAsOf == null ? Instant.EPOCH : booksAsOf));
        return spec.map(r -> r.get("credit", BigDecimal.class)).one().defaultIfEmpty(BigDecimal.ZERO);
    }

    /** Orders matching {@code f}, newest first (placed time, then id: a stable order for paging). */
    public Flux<Order> list(String shopId, OrderFilter f, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE shop_id = :shop");
        List<Object[]> binds = new ArrayList<>();
        if (f.status() != null) {
            where.append(" AND status = :status");
            binds.add(new Object[]{"status", f.status().name()});
        }
        if (f.from() != null) {
            where.append(" AND placed_at >= :from");
            binds.add(new Object[]{"from", utc(f.from())});
        }
        if (f.to() != null) {
            where.append(" AND placed_at < :to");
            binds.add(new Object[]{"to", utc(f.to())});
        }
        if (f.cashierId() != null) {
            where.append(" AND cashier_id = :cashier");
            binds.add(new Object[]{"cashier", f.cashierId()});
        }
        if (f.customer() != null) {
            where.append(" AND (customer_phone = :customer OR customer_gstin = upper(:customer) OR customer_name ILIKE :customerName)");
            binds.add(new Object[]{"customer", f.customer()});
            binds.add(new Object[]{"customerName", f.customer().replace("%", "\\%").replace("_", "\\_") + "%"});
        }
        if (f.tender() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM order_tenders t WHERE t.order_id = orders.id AND t.type = :tender)");
            binds.add(new Object[]{"tender", f.tender().name()});
        }
        if (f.invoiceNumber() != null) {
            where.append(" AND invoice_number = :invoice");
            binds.add(new Object[]{"invoice", f.invoiceNumber()});
        }
        var spec = db.sql("SELECT " + HEADER + STATE + " FROM orders" + where + " ORDER BY placed_at DESC, id LIMIT :limit OFFSET :offset")
                .bind("shop", shopId).bind("limit", size).bind("offset", (long) page * size);
        for (Object[] b : binds) {
            spec = spec.bind((String) b[0], b[1]);
        }
        // the page is read in full before its lines are: one connection cannot stream a result and run another query
        return spec.map(OrderRepository::mapOrder).all().collectList().flatMapIterable(rows -> rows).concatMap(this::complete);
    }

    static Order mapOrder(Readable r) {
        return new Order(mapSale(r), OrderStatus.valueOf(r.get("status", String.class)), r.get("invoice_number", String.class),
                r.get("invoice_date", LocalDate.class), instant(r, "confirmed_at"), instant(r, "updated_at"),
                r.get("reason", String.class), r.get("loyalty_points_earned", Long.class),
                r.get("loyalty_point_value", BigDecimal.class), r.get("loyalty_points_reversed", Long.class),
                r.get("refunded_total", BigDecimal.class), instant(r, "voided_at"), r.get("voided_by", String.class),
                r.get("void_reason", String.class));
    }

    /** What was sold, as the order's row holds it; its lines and tenders are read after. */
    private static Sale mapSale(Readable r) {
        String phone = r.get("customer_phone", String.class);
        String name = r.get("customer_name", String.class);
        String gstin = r.get("customer_gstin", String.class);
        Customer customer = phone == null && name == null && gstin == null ? null : new Customer(name, phone, gstin);
        String supply = r.get("supply_type", String.class);
        Totals totals = new Totals(r.get("gross", BigDecimal.class), r.get("discount", BigDecimal.class),
                r.get("taxable_value", BigDecimal.class), r.get("cgst", BigDecimal.class), r.get("sgst", BigDecimal.class),
                r.get("igst", BigDecimal.class), r.get("round_off", BigDecimal.class), r.get("total", BigDecimal.class));
        return new Sale(r.get("id", UUID.class), DocumentType.valueOf(r.get("document_type", String.class)),
                r.get("cashier_id", String.class), r.get("location_id", String.class), r.get("currency", String.class),
                customer, r.get("supplier_state", String.class), r.get("place_of_supply", String.class),
                supply == null ? SupplyType.INTRA_STATE : SupplyType.valueOf(supply), List.of(), totals, List.of(),
                r.get("received", BigDecimal.class), r.get("change_due", BigDecimal.class),
                r.get("loyalty_points_redeemed", Long.class), instant(r, "placed_at"), instant(r, "deadline"),
                r.get("credit_override_by", String.class) == null ? null : new CreditOverride(
                        r.get("credit_override_by", String.class), r.get("credit_override_role", String.class),
                        r.get("credit_override_limit", BigDecimal.class), r.get("credit_override_balance", BigDecimal.class),
                        r.get("credit_override_amount", BigDecimal.class)));
    }

    private static Instant instant(Readable r, String column) {
        OffsetDateTime t = r.get(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    static DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, String name, String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    private static DatabaseClient.GenericExecuteSpec amount(DatabaseClient.GenericExecuteSpec spec, String name, BigDecimal value) {
        return value == null ? spec.bindNull(name, BigDecimal.class) : spec.bind(name, value);
    }
}
