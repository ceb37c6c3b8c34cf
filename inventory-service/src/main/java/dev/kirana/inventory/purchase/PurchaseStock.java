package dev.kirana.inventory.purchase;

import dev.kirana.events.AccountingEvents;
import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import dev.kirana.events.Topics;
import dev.kirana.inventory.catalogreplica.KnownProducts;
import dev.kirana.inventory.lots.LotPicker;
import dev.kirana.inventory.lots.Lots;
import dev.kirana.inventory.lowstock.LowStockMonitor;
import dev.kirana.inventory.stock.Locations;
import dev.kirana.inventory.stock.Movement;
import dev.kirana.inventory.stock.StockEvents;
import dev.kirana.inventory.stock.StockMoves;
import dev.kirana.inventory.stock.StockService;
import dev.kirana.messaging.OutboxWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stock that follows the suppliers' bills accounting-service records: a bill's lines come in at the bill's unit cost
 * (with batch, expiry and location; the default location when none or an unknown one is named), and a debit note's
 * lines go out. The stock.received of a bill's line names the bill, so the books post its value once, from the bill.
 * Runs in the inbox transaction of the event (each bill and note once).
 * <p>
 * A bill cannot be refused here: it is already in the books. What cannot be done exactly is flagged
 * ({@link PurchaseFlags}): a serial-tracked line is not received (bills carry no serial numbers), the goods of a debit
 * note that are no longer in stock do not leave it ({@link SupplierReturn}).
 */
@Service
public class PurchaseStock {
    private final StockService stock;
    private final StockMoves moves;
    private final Locations locations;
    private final KnownProducts products;
    private final Lots lots;
    private final OutboxWriter outbox;
    private final StockEvents events;
    private final LowStockMonitor lowStock;
    private final PurchaseFlags flags;

    public PurchaseStock(StockService stock, StockMoves moves, Locations locations, KnownProducts products, Lots lots, OutboxWriter outbox,
                         StockEvents events, LowStockMonitor lowStock, PurchaseFlags flags) {
        this.stock = stock;
        this.moves = moves;
        this.locations = locations;
        this.products = products;
        this.lots = lots;
        this.outbox = outbox;
        this.events = events;
        this.lowStock = lowStock;
        this.flags = flags;
    }

    private record Placed(AccountingEvents.PurchaseLine line, UUID locationId, String note) {
    }

    /** Each line's location: the one named if this shop has it, else the default (with a note saying so). */
    private Mono<List<Placed>> place(String shopId, List<AccountingEvents.PurchaseLine> lines) {
        return Flux.fromIterable(lines).concatMap(l -> {
                    UUID named = parse(l.locationId());
                    Mono<Optional<UUID>> found = named == null ? Mono.just(Optional.empty())
                            : locations.find(shopId, named).map(Optional::of).defaultIfEmpty(Optional.empty());
                    return found.flatMap(f -> f.isPresent() ? Mono.just(new Placed(l, f.get(), null))
                            : locations.defaultLocation(shopId).map(d -> new Placed(l, d, named == null ? null
                                    : "no location " + l.locationId() + " in this shop: received at the default location")));
                })
                .collectList()
                // stock levels are locked in (product, location) order
                .map(placed -> placed.stream().sorted(Comparator.comparing((Placed p) -> p.line().productId())
                        .thenComparing(p -> p.locationId().toString()).thenComparingInt(p -> p.line().lineNo())).toList());
    }

    public Mono<Void> billed(String shopId, AccountingEvents.PurchaseBilled bill) {
        String actor = bill.recordedBy() == null ? "accounting-service" : bill.recordedBy();
        String reason = "Bill " + bill.billNumber() + " from " + bill.supplierName();
        List<String> received = new ArrayList<>();
        return place(shopId, bill.lines())
                .flatMapMany(Flux::fromIterable)
                .concatMap(p -> products.find(shopId, p.line().productId()).map(Optional::of).defaultIfEmpty(Optional.empty())
                        .flatMap(product -> {
                            AccountingEvents.PurchaseLine l = p.line();
                            Mono<Void> note = p.note() == null ? Mono.empty()
                                    : flags.flag(shopId, bill.billId(), bill.billNumber(), l.lineNo(), l.productId(), l.quantity(), p.note());
                            if (product.isPresent() && product.get().serialTracked()) {
                                return note.then(flags.flag(shopId, bill.billId(), bill.billNumber(), l.lineNo(), l.productId(), l.quantity(),
                                        "serial-tracked: not received from the bill (it carries no serial numbers)"));
                            }
                            String cause = "purchase-bill:" + bill.billId() + ":" + l.lineNo();
                            String batch = l.batchNo() == null || l.batchNo().isBlank() ? null : l.batchNo().trim();
                            return note.then(stock.context(shopId, actor, cause))
                                    .flatMap(ctx -> moves.lock(shopId, l.productId(), p.locationId())
                                            .flatMap(level -> moves.in(ctx, level, Movement.PURCHASE_RECEIPT, l.quantity(), l.unitCost(), batch,
                                                    l.expiryDate(), List.of(), StockMoves.SerialsIn.NEW, reason)))
                                    .flatMap(moved -> outbox.append(Topics.INVENTORY, EventTypes.STOCK_RECEIVED, l.productId(), shopId,
                                            new InventoryEvents.StockReceived(l.productId(), p.locationId().toString(), l.quantity(),
                                                    l.unitCost(), moved.onHandAfter(), bill.billId(), StockEvents.lotMoves(moved))))
                                    .doOnNext(e -> received.add(l.productId()))
                                    .then();
                        }))
                .then(Mono.defer(() -> received.isEmpty() ? Mono.empty() : lowStock.check(shopId, received, stock.today())));
    }

    public Mono<Void> returned(String shopId, AccountingEvents.PurchaseReturned note) {
        String actor = note.recordedBy() == null ? "accounting-service" : note.recordedBy();
        String reason = "Debit note " + note.debitNoteNumber() + " on bill " + note.billNumber()
                + (note.reason() == null ? "" : ": " + note.reason());
        return place(shopId, note.lines())
                .flatMapMany(Flux::fromIterable)
                .concatMap(p -> products.find(shopId, p.line().productId()).map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(product -> {
                    AccountingEvents.PurchaseLine l = p.line();
                    if (product.isPresent() && product.get().serialTracked()) {
                        return flags.flag(shopId, note.billId(), note.debitNoteNumber(), l.lineNo(), l.productId(), l.quantity(),
                                "serial-tracked: not taken out for the debit note (it names no serial numbers)");
                    }
                    String cause = "purchase-return:" + note.returnId() + ":" + l.lineNo();
                    String batch = l.batchNo() == null || l.batchNo().isBlank() ? null : l.batchNo().trim();
                    return stock.context(shopId, actor, cause).flatMap(ctx -> moves.lock(shopId, l.productId(), p.locationId())
                            .flatMap(level -> lots.open(shopId, l.productId(), p.locationId()).flatMap(open -> {
                                SupplierReturn.Plan plan = SupplierReturn.plan(l.quantity(), level.available(), open, batch);
                                Mono<Void> flag = plan.shortfall().signum() == 0 ? Mono.empty()
                                        : flags.flag(shopId, note.billId(), note.debitNoteNumber(), l.lineNo(), l.productId(), plan.shortfall(),
                                        "only " + plain(plan.out()) + " of " + plain(l.quantity()) + (batch == null ? "" : " of batch " + batch)
                                                + " free in stock here: " + plain(plan.shortfall()) + " could not leave stock");
                                if (plan.out().signum() == 0) {
                                    return flag;
                                }
                                return moves.out(ctx, level, Movement.SUPPLIER_RETURN, plan.out(), LotPicker.Purpose.REMOVAL, batch, List.of(),
                                                false, false, reason)
                                        .flatMap(moved -> events.adjusted(shopId, moved, reason, cause))
                                        .then(flag);
                            })));
                }))
                .then(Mono.defer(() -> lowStock.check(shopId, note.lines().stream().map(AccountingEvents.PurchaseLine::productId).toList(),
                        stock.today())));
    }

    private static UUID parse(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
