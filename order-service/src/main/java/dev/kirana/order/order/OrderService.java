package dev.kirana.order.order;

import dev.kirana.events.EventTypes;
import dev.kirana.events.OrderEvents;
import dev.kirana.events.Topics;
import dev.kirana.india.Gstin;
import dev.kirana.india.StateCodes;
import dev.kirana.messaging.OutboxWriter;
import dev.kirana.web.audit.AuditLog;
import dev.kirana.order.catalogreplica.CatalogReplica;
import dev.kirana.order.catalogreplica.ReplicaProduct;
import dev.kirana.order.creditlimit.CreditLimit;
import dev.kirana.order.creditlimit.CreditLimitExceeded;
import dev.kirana.order.creditlimit.OwnerApproval;
import dev.kirana.order.creditlimit.PartyBalanceReplica;
import dev.kirana.order.loyalty.LoyaltyPoints;
import dev.kirana.order.pricing.PricingException;
import dev.kirana.order.pricing.SaleCalculator;
import dev.kirana.order.pricing.TenderType;
import dev.kirana.order.pricing.Tendering;
import dev.kirana.order.shop.ShopDirectory;
import dev.kirana.order.shop.ShopProfile;
import dev.kirana.order.settings.OrderProperties;
import dev.kirana.web.idempotency.IdempotencyKeys;
import dev.kirana.web.problem.Problems;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sales at the counter: pricing, quoting, placing, cancelling and voiding. Each writing method is one unit of work:
 * the order's move (see {@link Order}), its outbox event and any loyalty effect commit together. What inventory's
 * answers and the clock do to an order is the saga's ({@code saga.OrderSaga}).
 */
@Service
public class OrderService {
    private final TransactionalOperator tx;
    private final OutboxWriter outbox;
    private final CatalogReplica catalog;
    private final ShopDirectory shops;
    private final OrderRepository orders;
    private final LoyaltyPoints loyalty;
    private final OrderProperties props;
    private final OrderStatusWatch watch;
    private final PartyBalanceReplica parties;
    private final IdempotencyKeys idempotency;

    private final AuditLog audit;

    public OrderService(TransactionalOperator tx, OutboxWriter outbox, CatalogReplica catalog, ShopDirectory shops,
                        OrderRepository orders, LoyaltyPoints loyalty, OrderProperties props, OrderStatusWatch watch,
                        PartyBalanceReplica parties, IdempotencyKeys idempotency, AuditLog audit) {
        this.audit = audit;
        this.tx = tx;
        this.outbox = outbox;
        this.catalog = catalog;
        this.shops = shops;
        this.orders = orders;
        this.loyalty = loyalty;
        this.props = props;
        this.watch = watch;
        this.parties = parties;
        this.idempotency = idempotency;
    }

    /**
     * Prices the sale from the local catalog replica (GST on the date of supply), checks its tenders, holds any
     * loyalty points it redeems, and writes the PENDING order and {@code order.placed} in one transaction.
     * A CREDIT tender is held against the customer's credit limit ({@link #checkCredit}); {@code approval}, when an
     * owner or manager gave it, lets a sale beyond the limit through and is recorded on the order.
     * Once per {@code idempotencyKey}: the key, the sale, its points and its event commit in one transaction, and a
     * retry with the same key and request finds the order placed the first time ({@link Placement#replayed}).
     */
    public Mono<Placement> place(String shopId, String idempotencyKey, String cashierId, PlaceOrderRequest request,
                                 OwnerApproval approval) {
        return idempotency.once(shopId, idempotencyKey, "POST /api/v1/orders", request, UUID.class,
                        () -> placeNew(shopId, cashierId, request, approval).map(Order::id))
                .map(o -> new Placement(o.value(), o.replayed()));
    }

    /** The order a sale placed; {@code replayed} when an earlier request with the same Idempotency-Key placed it. */
    public record Placement(UUID orderId, boolean replayed) {
    }

    /** Runs in the transaction of {@link #place}'s idempotency key. */
    private Mono<Order> placeNew(String shopId, String cashierId, PlaceOrderRequest request, OwnerApproval approval) {
        Instant placedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return price(shopId, cashierId, request, placedAt)
                .flatMap(priced -> checkCredit(shopId, priced, approval, true))
                .flatMap(sale -> {
                    Order.Placed placed = Order.place(sale.order());
                    return holdPoints(shopId, sale.order())
                            .then(orders.insert(shopId, placed.order(), sale.orderDiscountShares()))
                            .then(outbox.append(Topics.ORDER, EventTypes.ORDER_PLACED, placed.order().id().toString(), shopId,
                                    placed.event()))
                            .thenReturn(placed.order());
                })
                .onErrorMap(PricingException.class, e -> Problems.invalid(e.field(), e.getMessage()));
    }

    /**
     * Prices the sale exactly as {@link #place} would now, and writes nothing: no order, no event, no points held, no
     * invoice number. Its tenders are checked as placing checks them, the customer's loyalty balance against the points
     * a LOYALTY tender redeems, and a CREDIT tender against the credit limit (read without the lock placing takes, so a
     * sale placed meanwhile may still tip placing over the limit); {@code approval} lets a sale beyond it through.
     */
    public Mono<SaleQuote> quote(String shopId, String cashierId, PlaceOrderRequest request, OwnerApproval approval) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        boolean tendersGiven = request.tenders() != null && !request.tenders().isEmpty();
        return price(shopId, cashierId, request, now)
                .flatMap(priced -> checkCredit(shopId, priced, approval, false))
                .flatMap(sale -> pointsAvailable(shopId, sale.order()).thenReturn(SaleQuote.of(sale.order(), tendersGiven)))
                .onErrorMap(PricingException.class, e -> Problems.invalid(e.field(), e.getMessage()));
    }

    /**
     * The one pricing of a sale, for placing and quoting: resolves the lines' products in the local catalog replica,
     * reads their GST rates on the date of supply (the shop's day at {@code at}) and {@link #build}s the order.
     */
    private Mono<NewSale> price(String shopId, String cashierId, PlaceOrderRequest request, Instant at) {
        LocalDate dateOfSupply = at.atZone(props.shopZone()).toLocalDate();
        return Mono.zip(shops.profile(shopId),
                        Flux.fromIterable(request.lines()).index()
                                .concatMap(t -> resolve(shopId, t.getT1().intValue(), t.getT2())).collectList())
                .flatMap(t -> catalog.ratesOn(shopId, t.getT2().stream().map(ReplicaProduct::productId).distinct().toList(), dateOfSupply)
                        .map(rates -> build(t.getT1(), cashierId, request, t.getT2(), rates, at)));
    }

    private record NewSale(Sale order, List<BigDecimal> orderDiscountShares) {
    }

    /**
     * A sale with a CREDIT tender may take the customer's balance up to their credit limit. The balance is the
     * replica's (from accounting's balance-changed events) plus the credit sold here that the books may not show yet,
     * so two quick credit sales cannot both slip under the limit; concurrent credit sales to one customer take turns
     * (a transaction lock on the party). Beyond the limit the sale is refused with a 422, unless an owner or manager
     * approved it: then the override is recorded on the order and carried on its events. A quote ({@code lock} false)
     * reads the same figures without taking the lock: it writes nothing, so there is nothing to serialise.
     */
    private Mono<NewSale> checkCredit(String shopId, NewSale sale, OwnerApproval approval, boolean lock) {
        Sale o = sale.order();
        BigDecimal credit = o.paidBy(TenderType.CREDIT);
        if (credit.signum() <= 0 || o.customer() == null) {
            return Mono.just(sale);
        }
        String phone = o.customer().phone();
        String gstin = o.customer().gstin();
        // no replica row: a customer accounting has not told us of is new; their first credit sale creates their
        // party, which has no credit limit until the shop sets one, so there is no limit to hold the sale against
        return parties.customer(shopId, phone, gstin)
                .flatMap(party -> {
                    if (!CreditLimit.of(party.creditLimit(), party.balance(), credit).configured()) {
                        return Mono.just(sale);
                    }
                    return (lock ? parties.lockForCreditSale(shopId, party.partyId()) : Mono.<Void>empty())
                            // the party's own phone and GSTIN and the ones on this sale (a merged record's, say)
                            .then(orders.creditNotInBooks(shopId, present(party.phone(), phone), present(party.gstin(), gstin),
                                    party.balanceChangedAt()))
                            .flatMap(notInBooks -> {
                                CreditLimit check = CreditLimit.of(party.creditLimit(), party.balance().add(notInBooks), credit);
                                if (!check.exceeded()) {
                                    return Mono.just(sale);
                                }
                                if (approval == null) {
                                    return Mono.error(CreditLimitExceeded.of(party, check, notInBooks));
                                }
                                return Mono.just(new NewSale(o.withCreditOverride(new CreditOverride(approval.by(),
                                        approval.role(), check.limit(), check.balance(), check.amount())),
                                        sale.orderDiscountShares()));
                            });
                })
                .switchIfEmpty(Mono.just(sale));
    }

    private NewSale build(ShopProfile shop, String cashierId, PlaceOrderRequest request, List<ReplicaProduct> products,
                          Map<String, BigDecimal> ratesOnDate, Instant placedAt) {
        Customer customer = customer(request.customer());
        String placeOfSupply = placeOfSupply(shop, request, customer);
        List<SaleCalculator.Line> lines = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
            ReplicaProduct p = products.get(i);
            PlaceOrderRequest.Line l = request.lines().get(i);
            lines.add(new SaleCalculator.Line(p.sellingPrice(), l.quantity(), ratesOnDate.getOrDefault(p.productId(), p.gstRate()),
                    p.taxInclusive(), l.discount(), l.discountPercent()));
        }
        SaleCalculator.PricedSale priced = SaleCalculator.price(new SaleCalculator.Sale(shop.registration(), shop.stateCode(),
                placeOfSupply, lines, request.discount(), request.discountPercent()));
        boolean customerKnown = customer != null && customer.phone() != null;
        Tendering.Settlement paid = Tendering.settle(priced.payable(), request.tenders() == null ? List.of()
                : request.tenders().stream().map(t -> new Tendering.Tender(t.type(), t.amount(), t.reference())).toList(),
                customerKnown, shop.loyaltyPointValue(), shop.acceptedTenders());

        List<OrderLine> soldLines = new ArrayList<>();
        List<BigDecimal> shares = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
            ReplicaProduct p = products.get(i);
            SaleCalculator.PricedLine pl = priced.lines().get(i);
            soldLines.add(new OrderLine(i + 1, p.productId(), p.sku(), p.barcode(), p.name(), p.hsn(), p.unit(),
                    request.lines().get(i).quantity(), p.sellingPrice(), p.taxInclusive(), pl.gstRate(), pl.gross(),
                    pl.discount(), pl.tax().taxableValue(), pl.tax().cgst(), pl.tax().sgst(), pl.tax().igst(), pl.total(),
                    BigDecimal.ZERO));
            shares.add(pl.orderDiscount());
        }
        List<Tender> tenders = paid.tenders().stream()
                .map(t -> new Tender(t.type(), t.tendered(), t.applied(), t.change(), t.reference(), t.points()))
                .toList();
        Totals totals = new Totals(priced.gross(), priced.discount(), priced.taxableValue(), priced.cgst(), priced.sgst(),
                priced.igst(), priced.roundOff(), priced.payable());
        Sale order = new Sale(UUID.randomUUID(), priced.document(), cashierId, request.locationId(), shop.currency(),
                customer, shop.stateCode(), placeOfSupply, priced.supply(), soldLines, totals, tenders, paid.received(),
                paid.change(), paid.pointsRedeemed(), placedAt, placedAt.plus(props.reservationTimeout()), null);
        return new NewSale(order, shares);
    }

    private static List<String> present(String... values) {
        return Arrays.stream(values).filter(Objects::nonNull).distinct().toList();
    }

    private static Customer customer(PlaceOrderRequest.Customer c) {
        if (c == null) {
            return null;
        }
        String gstin = null;
        if (c.gstin() != null && !c.gstin().isBlank()) {
            try {
                gstin = Gstin.parse(c.gstin()).value();
            } catch (IllegalArgumentException e) {
                throw new PricingException("customer.gstin", e.getMessage());
            }
        }
        String name = c.name() == null || c.name().isBlank() ? null : c.name().trim();
        String phone = c.phone() == null || c.phone().isBlank() ? null : c.phone().trim();
        if (name == null && phone == null && gstin == null) {
            return null;
        }
        return new Customer(name, phone, gstin);
    }

    /** A registered buyer's GSTIN fixes the place of supply; otherwise the one given, else the shop's own state. */
    private static String placeOfSupply(ShopProfile shop, PlaceOrderRequest request, Customer customer) {
        String given = request.placeOfSupply();
        if (given != null && !StateCodes.isValid(given)) {
            throw new PricingException("placeOfSupply", given + " is not a GST state code");
        }
        if (customer != null && customer.gstin() != null) {
            String buyerState = customer.gstin().substring(0, 2);
            if (given != null && !given.equals(buyerState)) {
                throw new PricingException("placeOfSupply", "the customer's GSTIN is registered in state " + buyerState
                        + ", which is the place of supply of a B2B sale, not " + given);
            }
            return buyerState;
        }
        return given != null ? given : shop.stateCode();
    }

    private Mono<Void> holdPoints(String shopId, Sale o) {
        if (o.loyaltyPointsRedeemed() <= 0) {
            return Mono.empty();
        }
        return loyalty.redeem(shopId, o.customer().phone(), o.loyaltyPointsRedeemed(), o.id());
    }

    /** What {@link #holdPoints} would refuse, without holding anything. */
    private Mono<Void> pointsAvailable(String shopId, Sale o) {
        if (o.loyaltyPointsRedeemed() <= 0) {
            return Mono.empty();
        }
        return loyalty.available(shopId, o.customer().phone(), o.loyaltyPointsRedeemed());
    }

    private Mono<ReplicaProduct> resolve(String shopId, int index, PlaceOrderRequest.Line line) {
        String field = "lines[" + index + "]";
        Mono<ReplicaProduct> product;
        if (line.productId() != null && !line.productId().isBlank()) {
            product = catalog.byId(shopId, line.productId())
                    .switchIfEmpty(Mono.error(() -> Problems.invalid(field + ".productId", "no such product in this shop")));
        } else if (line.barcode() != null && !line.barcode().isBlank()) {
            product = catalog.byBarcode(shopId, line.barcode())
                    .switchIfEmpty(Mono.error(() -> Problems.invalid(field + ".barcode", "no product with this barcode in this shop")));
        } else {
            return Mono.error(Problems.invalid(field, "give a productId or a barcode"));
        }
        return product.flatMap(p -> p.active() ? Mono.just(p)
                : Mono.error(Problems.invalid(field, "product " + p.sku() + " is archived and cannot be sold")));
    }

    public Mono<Order> get(String shopId, UUID id) {
        return orders.find(shopId, id).switchIfEmpty(Mono.error(() -> Problems.notFound("No order " + id + " in this shop")));
    }

    public Flux<Order> list(String shopId, OrderFilter filter, int page, int size) {
        return orders.list(shopId, filter, page, size);
    }

    /** Waits up to {@code wait} for the order to reach a final state, then returns it as it is. */
    public Mono<Order> awaitFinal(String shopId, UUID id, Duration wait) {
        Duration capped = wait.compareTo(props.maxWait()) > 0 ? props.maxWait() : wait;
        return watch.awaitFinal(id, capped, () -> orders.status(shopId, id), () -> get(shopId, id));
    }

    /** The cashier gives up on a PENDING order: CANCELLED and {@code order.cancelled} (inventory releases what it reserved). */
    public Mono<Order> cancel(String shopId, UUID id, String by, String reason) {
        String why = reason == null || reason.isBlank() ? "cancelled at the counter" : reason.trim();
        Mono<Order> work = lockOrder(shopId, id).flatMap(order -> {
            OrderEvents.OrderCancelled cancelled = order.cancel(why, by, now());
            Mono<Void> points = order.pointsHeld() > 0 && order.customerPhone() != null
                    ? loyalty.returnRedemption(shopId, order.customerPhone(), order.pointsHeld(), id) : Mono.empty();
            return points.then(orders.save(shopId, order))
                    .then(outbox.append(Topics.ORDER, EventTypes.ORDER_CANCELLED, id.toString(), shopId, cancelled))
                    .thenReturn(order);
        });
        return tx.transactional(work).onErrorMap(Order.Refused.class, e -> Problems.conflict(e.getMessage()))
                .doOnNext(o -> watch.changed(id));
    }

    /**
     * A confirmed sale is voided (manager or owner): VOIDED, points earned taken back and points spent given back,
     * and {@code order.voided} so that inventory restocks every line and accounting reverses the sale.
     */
    public Mono<Order> voidSale(String shopId, UUID id, String by, String reason) {
        Mono<Order> work = lockOrder(shopId, id).flatMap(order -> {
            OrderStatus was = order.status();
            Order.Voided voided = order.voidSale(by, reason, now());
            String phone = order.customerPhone();
            Mono<Long> taken = phone == null ? Mono.just(0L)
                    : loyalty.reverseEarning(shopId, phone, voided.pointsToReverse(), id)
                    .flatMap(t -> loyalty.returnRedemption(shopId, phone, order.pointsHeld(), id).thenReturn(t));
            return taken.flatMap(t -> orders.save(shopId, order)
                            .then(outbox.append(Topics.ORDER, EventTypes.ORDER_VOIDED, id.toString(), shopId, voided.event(t))))
                    .then(audit.record(shopId, AuditLog.Entry.of("order.voided", "order", id)
                            .change(voidState(order, was, null), voidState(order, order.status(), reason))))
                    .thenReturn(order);
        });
        return tx.transactional(work).onErrorMap(Order.Refused.class, e -> Problems.conflict(e.getMessage()));
    }

    private static java.util.Map<String, Object> voidState(Order order, OrderStatus status, String reason) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("status", status.name());
        m.put("invoiceNumber", order.invoiceNumber());
        m.put("total", order.sale().total());
        if (reason != null) {
            m.put("reason", reason);
        }
        return m;
    }

    private Mono<Order> lockOrder(String shopId, UUID id) {
        return orders.lockOrder(shopId, id).switchIfEmpty(Mono.error(() -> Problems.notFound("No order " + id + " in this shop")));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
