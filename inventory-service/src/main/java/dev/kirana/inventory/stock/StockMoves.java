package dev.kirana.inventory.stock;

import dev.kirana.inventory.lots.Lot;
import dev.kirana.inventory.lots.LotChange;
import dev.kirana.inventory.lots.LotPicker;
import dev.kirana.inventory.lots.LotPicker.Purpose;
import dev.kirana.inventory.lots.LotPicker.Take;
import dev.kirana.inventory.lots.Lots;
import dev.kirana.inventory.serial.SerialUnit;
import dev.kirana.inventory.serial.Serials;
import dev.kirana.inventory.valuation.StockValuation;
import dev.kirana.inventory.valuation.ValuationMethod;
import dev.kirana.web.problem.Problems;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one way stock moves: every movement locks the product's stock level at the location, changes its
 * lots (and serial units), the level and its average cost together, and appends the ledger row — all in
 * the caller's transaction. Stock levels therefore always equal the ledger's sum and the lots' sum.
 * <p>
 * Lock order, to avoid deadlocks: stock levels in (product id, location id) order, then low-stock flags.
 */
@Component
public class StockMoves {
    private final DatabaseClient db;
    private final Lots lots;
    private final Serials serials;
    private final StockLedger ledger;

    public StockMoves(DatabaseClient db, Lots lots, Serials serials, StockLedger ledger) {
        this.db = db;
        this.lots = lots;
        this.serials = serials;
        this.ledger = ledger;
    }

    /** Who moves stock, why, under which valuation method, on which day (for expiry). */
    public record Context(String shopId, String actor, String cause, ValuationMethod method, LocalDate today) {
    }

    /** A stock level as locked for a movement. */
    public record Level(String productId, UUID locationId, BigDecimal onHand, BigDecimal reserved, BigDecimal averageCost) {
        public BigDecimal available() {
            return onHand.subtract(reserved);
        }
    }

    /**
     * What a movement did. {@code quantity} and {@code value} are signed: negative when stock left. {@code lots} are the
     * lots taken from (or the one lot created) as unsigned quantities; {@code lotChanges} the same changes signed, with
     * what each lot holds after — every change made to {@code stock_lots}, for the events to carry.
     */
    public record Moved(long ledgerId, Movement movement, String productId, UUID locationId, BigDecimal quantity,
                        BigDecimal unitCost, BigDecimal value, BigDecimal onHandAfter, BigDecimal reservedAfter,
                        BigDecimal averageCostAfter, List<Take> lots, List<String> serials, List<LotChange> lotChanges) {
    }

    /** How serial units coming in must have been before. */
    public enum SerialsIn {
        /** New units (a purchase): none may be known already. */
        NEW,
        /** Sold units a customer brings back. */
        RETURNED,
        /** New units, or written-off units found again (a correction, a count surplus). */
        FOUND,
        /** Units moving between locations (the transfer's out leg already checked them). */
        TRANSFERRED
    }

    /** The product's stock level at the location, created empty if needed, row-locked until the transaction ends. */
    public Mono<Level> lock(String shopId, String productId, UUID locationId) {
        return db.sql("INSERT INTO stock_levels (shop_id, product_id, location_id) VALUES (:shop, :product, :loc) ON CONFLICT DO NOTHING")
                .bind("shop", shopId).bind("product", productId).bind("loc", locationId).then()
                .then(select(shopId, productId, locationId));
    }

    /**
     * The stock level of stock already held there (reserved for an order): such a level exists (reserving updated its
     * row, and stock levels are never deleted), so it is only row-locked, not created first. A missing level is an error.
     */
    public Mono<Level> lockHeld(String shopId, String productId, UUID locationId) {
        return select(shopId, productId, locationId).switchIfEmpty(Mono.error(() -> new IllegalStateException(
                "no stock level of product " + productId + " at location " + locationId + " holds reserved stock")));
    }

    private Mono<Level> select(String shopId, String productId, UUID locationId) {
        return db.sql("""
                        SELECT on_hand, reserved, avg_cost FROM stock_levels
                        WHERE shop_id = :shop AND product_id = :product AND location_id = :loc FOR UPDATE""")
                .bind("shop", shopId).bind("product", productId).bind("loc", locationId)
                .map(r -> new Level(productId, locationId, r.get("on_hand", BigDecimal.class), r.get("reserved", BigDecimal.class),
                        r.get("avg_cost", BigDecimal.class)))
                .one();
    }

    /** Stock comes in as a new lot at {@code unitCost}. */
    public Mono<Moved> in(Context c, Level level, Movement movement, BigDecimal quantity, BigDecimal unitCost, String batchNo,
                          LocalDate expiry, List<String> serialNumbers, SerialsIn serialsIn, String reason) {
        return serials.lock(c.shopId(), level.productId(), serialNumbers)
                .map(known -> serialNumbers.stream().map(s -> arriving(s, known.get(s), serialsIn, level.locationId())).toList())
                .flatMap(arriving -> lots.open(c.shopId(), level.productId(), level.locationId()).flatMap(open -> {
                    BigDecimal lotsValue = Lots.value(open);
                    BigDecimal average = StockValuation.averageAfterReceipt(c.method(), level.onHand(), level.averageCost(), lotsValue,
                            quantity, unitCost);
                    BigDecimal onHand = level.onHand().add(quantity);
                    BigDecimal valueAfter = StockValuation.stockValue(c.method(), onHand, average, lotsValue.add(quantity.multiply(unitCost)));
                    return lots.add(c.shopId(), level.productId(), level.locationId(), batchNo, expiry, unitCost, quantity, c.cause())
                            .flatMap(lot -> update(c.shopId(), level, onHand, level.reserved(), average)
                                    .then(ledger.record(new StockLedger.Entry(c.shopId(), level.productId(), level.locationId(), movement,
                                            quantity, unitCost, onHand, valueAfter, reason, c.actor(), c.cause()),
                                            List.of(new Take(lot, quantity)), serialNumbers))
                                    .flatMap(ledgerId -> Flux.fromIterable(arriving)
                                            .concatMap(a -> serials.save(c.shopId(), level.productId(), a.unit(), lot.id(), false, a.returned()))
                                            .then(Mono.just(new Moved(ledgerId, movement, level.productId(), level.locationId(), quantity,
                                                    unitCost, StockValuation.issueValue(ValuationMethod.FIFO, List.of(new Take(lot, quantity)),
                                                    quantity, unitCost), onHand, level.reserved(), average, List.of(new Take(lot, quantity)),
                                                    serialNumbers, List.of(LotChange.created(lot)))))));
                }));
    }

    /**
     * Stock goes out, from lots picked for {@code purpose} (or from the named serial units' lots).
     *
     * @param fromReserved a sale of reserved stock (an order's commit): reserved goes down with on hand
     */
    public Mono<Moved> out(Context c, Level level, Movement movement, BigDecimal quantity, Purpose purpose, String batchNo,
                           List<String> serialNumbers, boolean serialTracked, boolean fromReserved, String reason) {
        if (!fromReserved && quantity.compareTo(level.available()) > 0) {
            return Mono.error(insufficient(level, quantity));
        }
        return lots.open(c.shopId(), level.productId(), level.locationId()).flatMap(open -> {
            Mono<Issue> issue;
            if (!serialNumbers.isEmpty()) {
                issue = namedUnits(c, level, movement, serialNumbers, open);
            } else if (serialTracked) {
                issue = pickedUnits(c, level, quantity, open);
            } else {
                var picking = LotPicker.pick(open, quantity, purpose, batchNo, c.today(), purpose == Purpose.SALE && fromReserved);
                issue = picking.complete() ? Mono.just(new Issue(picking.takes(), List.of()))
                        : Mono.error(shortOfLots(purpose, batchNo, quantity, picking.shortfall()));
            }
            return issue.flatMap(i -> {
                BigDecimal unitCost = StockValuation.issueUnitCost(c.method(), i.takes(), level.averageCost());
                BigDecimal value = StockValuation.issueValue(c.method(), i.takes(), quantity, level.averageCost());
                BigDecimal onHand = level.onHand().subtract(quantity);
                BigDecimal reserved = fromReserved ? level.reserved().subtract(quantity) : level.reserved();
                BigDecimal lotsValueAfter = Lots.value(open).subtract(i.takes().stream().map(Take::value).reduce(BigDecimal.ZERO, BigDecimal::add));
                BigDecimal average = StockValuation.averageAfterIssue(c.method(), level.averageCost(), onHand, lotsValueAfter);
                BigDecimal valueAfter = StockValuation.stockValue(c.method(), onHand, average, lotsValueAfter);
                return lots.take(i.takes())
                        .then(update(c.shopId(), level, onHand, reserved, average))
                        .then(ledger.record(new StockLedger.Entry(c.shopId(), level.productId(), level.locationId(), movement,
                                quantity.negate(), unitCost, onHand, valueAfter, reason, c.actor(), c.cause()), i.takes(), i.serials()))
                        .flatMap(ledgerId -> Flux.fromIterable(i.serials())
                                .concatMap(s -> leaving(c, level, movement, s))
                                .then(Mono.just(new Moved(ledgerId, movement, level.productId(), level.locationId(), quantity.negate(),
                                        unitCost, value.negate(), onHand, reserved, average, i.takes(), i.serials(),
                                        i.takes().stream().map(LotChange::taken).toList()))));
            });
        });
    }

    private record Issue(List<Take> takes, List<String> serials) {
    }

    private record Arriving(SerialUnit unit, boolean returned) {
    }

    private static Arriving arriving(String serial, Serials.Stored known, SerialsIn mode, UUID location) {
        try {
            return switch (mode) {
                case NEW -> {
                    if (known != null) {
                        throw Problems.conflict("Serial " + serial + " is already known (" + known.unit().status().name().toLowerCase().replace('_', ' ') + ")");
                    }
                    yield new Arriving(new SerialUnit(serial, SerialUnit.Status.IN_STOCK, location), false);
                }
                case RETURNED -> {
                    if (known == null) {
                        throw Problems.unprocessable("serial-state", "Serial " + serial + " was never sold here");
                    }
                    yield new Arriving(known.unit().returnTo(location), true);
                }
                case FOUND -> new Arriving(known == null ? new SerialUnit(serial, SerialUnit.Status.IN_STOCK, location)
                        : known.unit().found(location), false);
                case TRANSFERRED -> new Arriving(known.unit().moveTo(location), false);
            };
        } catch (IllegalStateException e) {
            throw Problems.unprocessable("serial-state", capitalize(e.getMessage()));
        }
    }

    /** Units named by serial: each must be in stock here; the lots taken are theirs (specific identification). */
    private Mono<Issue> namedUnits(Context c, Level level, Movement movement, List<String> serialNumbers, List<Lot> open) {
        return serials.lock(c.shopId(), level.productId(), serialNumbers).flatMap(known -> {
            List<Serials.Stored> units = new ArrayList<>();
            for (String s : serialNumbers) {
                Serials.Stored u = known.get(s);
                if (u == null || u.unit().status() != SerialUnit.Status.IN_STOCK || !level.locationId().equals(u.unit().locationId())) {
                    return Mono.error(Problems.unprocessable("serial-state", "Serial " + s + " is not in stock at this location"));
                }
                units.add(u);
            }
            Map<Long, Lot> byId = open.stream().collect(Collectors.toMap(Lot::id, Function.identity()));
            List<Take> takes = Serials.countByLot(units).entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> new Take(requireLot(byId, e.getKey()), BigDecimal.valueOf(e.getValue()))).toList();
            return Mono.just(new Issue(takes, serialNumbers));
        });
    }

    /** A sale of a serial-tracked product that names no units (orders do not carry serials yet): the first-in units go. */
    private Mono<Issue> pickedUnits(Context c, Level level, BigDecimal quantity, List<Lot> open) {
        var picking = LotPicker.pick(open, quantity, Purpose.SALE, null, c.today(), true);
        if (!picking.complete()) {
            return Mono.error(new IllegalStateException("lots of " + level.productId() + " do not cover its stock level"));
        }
        return Flux.fromIterable(picking.takes())
                .concatMap(t -> serials.inStock(c.shopId(), level.productId(), level.locationId(), t.lot().id(), t.quantity().intValue()))
                .collectList()
                .flatMap(picked -> picked.size() == quantity.intValue() ? Mono.just(new Issue(picking.takes(), picked))
                        : Mono.error(new IllegalStateException("serial units of " + level.productId() + " do not cover its lots")));
    }

    private Mono<Void> leaving(Context c, Level level, Movement movement, String serial) {
        SerialUnit inStock = new SerialUnit(serial, SerialUnit.Status.IN_STOCK, level.locationId());
        return switch (movement) {
            case SALE -> serials.save(c.shopId(), level.productId(), inStock.sell(), null, true, false);
            case TRANSFER_OUT -> Mono.empty();
            default -> serials.save(c.shopId(), level.productId(), inStock.writeOff(), null, false, false);
        };
    }

    private Mono<Void> update(String shopId, Level level, BigDecimal onHand, BigDecimal reserved, BigDecimal average) {
        return db.sql("""
                        UPDATE stock_levels SET on_hand = :onHand, reserved = :reserved, avg_cost = :avg
                        WHERE shop_id = :shop AND product_id = :product AND location_id = :loc""")
                .bind("onHand", onHand).bind("reserved", reserved).bind("avg", average)
                .bind("shop", shopId).bind("product", level.productId()).bind("loc", level.locationId()).then();
    }

    private static Lot requireLot(Map<Long, Lot> open, Long id) {
        Lot lot = id == null ? null : open.get(id);
        if (lot == null) {
            throw new IllegalStateException("serial unit in stock without an open lot " + id);
        }
        return lot;
    }

    static RuntimeException insufficient(Level level, BigDecimal wanted) {
        return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "insufficient-stock", "Not enough stock",
                "Only " + plain(level.available()) + " available here (" + plain(level.onHand()) + " on hand, "
                        + plain(level.reserved()) + " reserved for orders); " + plain(wanted) + " asked",
                Map.of("available", level.available()));
    }

    private static RuntimeException shortOfLots(Purpose purpose, String batchNo, BigDecimal quantity, BigDecimal shortfall) {
        String have = plain(quantity.subtract(shortfall));
        String detail = batchNo != null ? "Batch " + batchNo + " holds only " + have + " here; " + plain(quantity) + " asked"
                : purpose == Purpose.TRANSFER ? "Only " + have + " unexpired here to transfer; expired stock is written off where it is"
                : "Only " + have + " can be taken here; " + plain(quantity) + " asked";
        return Problems.unprocessable("insufficient-stock", detail);
    }

    static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
