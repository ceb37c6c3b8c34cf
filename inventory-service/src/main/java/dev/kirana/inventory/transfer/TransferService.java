package dev.kirana.inventory.transfer;

import dev.kirana.web.audit.AuditLog;
import dev.kirana.inventory.catalogreplica.KnownProducts;
import dev.kirana.inventory.catalogreplica.KnownProducts.KnownProduct;
import dev.kirana.inventory.lots.LotPicker.Purpose;
import dev.kirana.inventory.lots.LotPicker.Take;
import dev.kirana.inventory.serial.SerialNumbers;
import dev.kirana.inventory.stock.Locations;
import dev.kirana.inventory.stock.Movement;
import dev.kirana.inventory.stock.StockEvents;
import dev.kirana.inventory.stock.StockMovement;
import dev.kirana.inventory.stock.StockMoves;
import dev.kirana.inventory.stock.StockService;
import dev.kirana.inventory.valuation.ValuationMethod;
import dev.kirana.web.problem.Problems;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Transfers between locations. Both legs of every line, for every line, commit together; each leg is a
 * ledger movement and a {@code stock.adjusted}. Lots keep their batch, expiry and (under FIFO) cost.
 */
@Service
public class TransferService {
    private final TransactionalOperator tx;
    private final KnownProducts products;
    private final Locations locations;
    private final StockService stock;
    private final StockMoves moves;
    private final StockEvents events;
    private final AuditLog audit;

    public TransferService(TransactionalOperator tx, KnownProducts products, Locations locations, StockService stock, StockMoves moves,
                           StockEvents events, AuditLog audit) {
        this.audit = audit;
        this.tx = tx;
        this.products = products;
        this.locations = locations;
        this.stock = stock;
        this.moves = moves;
        this.events = events;
    }

    public Mono<Transfer> transfer(String shopId, String actor, TransferRequest r, String cause) {
        if (r.fromLocationId().equals(r.toLocationId())) {
            return Mono.error(Problems.invalid("toLocationId", "must differ from fromLocationId: stock cannot be transferred to where it is"));
        }
        Set<String> seen = new HashSet<>();
        for (var line : r.lines()) {
            if (line == null) {
                return Mono.error(Problems.invalid("lines", "must not contain null; send one object per line"));
            }
            if (!seen.add(line.productId())) {
                return Mono.error(Problems.invalid("lines", "product " + line.productId() + " appears twice; send one line per product"));
            }
        }
        List<TransferRequest.Line> lines = r.lines().stream().sorted(Comparator.comparing(TransferRequest.Line::productId)).toList();
        String reason = r.note() == null || r.note().isBlank() ? "transfer" : "transfer: " + r.note();
        Mono<Transfer> work = Flux.fromIterable(lines).concatMap(l -> products.require(shopId, l.productId())).collectList()
                .flatMap(known -> {
                    Map<String, KnownProduct> byId = new HashMap<>();
                    known.forEach(p -> byId.put(p.productId(), p));
                    for (var l : lines) {
                        var problem = SerialNumbers.problem(byId.get(l.productId()).serialTracked(), l.quantity(), SerialNumbers.normalize(l.serials()));
                        if (problem.isPresent()) {
                            return Mono.error(Problems.invalid("lines", byId.get(l.productId()).sku() + ": " + problem.get()));
                        }
                    }
                    return locations.usable(shopId, r.fromLocationId())
                            .then(locations.usable(shopId, r.toLocationId()))
                            .then(stock.context(shopId, actor, cause))
                            .flatMap(ctx -> Flux.fromIterable(lines)
                                    .concatMap(l -> line(ctx, r, l, byId.get(l.productId()), reason))
                                    .flatMapIterable(list -> list)
                                    .collectList())
                            .map(movements -> new Transfer(r.fromLocationId(), r.toLocationId(), movements))
                            .flatMap(t -> audit.record(shopId, AuditLog.Entry.of("stock.transferred", "stock-transfer",
                                            r.fromLocationId() + "->" + r.toLocationId())
                                    .change(null, transferred(t, byId, r.note()))).thenReturn(t));
                });
        return tx.transactional(work);
    }

    /** What a transfer moved, per product, as its audit record shows it. */
    private static Map<String, Object> transferred(Transfer t, Map<String, KnownProduct> byId, String note) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("fromLocationId", t.fromLocationId().toString());
        m.put("toLocationId", t.toLocationId().toString());
        m.put("note", note);
        m.put("lines", t.movements().stream().filter(mv -> mv.locationId().equals(t.fromLocationId())).map(mv -> {
            Map<String, Object> line = new java.util.LinkedHashMap<>();
            line.put("productId", mv.productId());
            line.put("sku", byId.get(mv.productId()) == null ? null : byId.get(mv.productId()).sku());
            line.put("quantity", mv.quantity().abs());
            line.put("onHandAtSource", mv.onHand());
            return line;
        }).toList());
        return m;
    }

    /** Locks both levels in location-id order (all locks are taken in product, then location order), then moves out and in. */
    private Mono<List<StockMovement>> line(StockMoves.Context ctx, TransferRequest r, TransferRequest.Line l, KnownProduct product, String reason) {
        // the text form orders like PostgreSQL orders uuids (UUID.compareTo compares signed halves)
        UUID first = r.fromLocationId().toString().compareTo(r.toLocationId().toString()) < 0 ? r.fromLocationId() : r.toLocationId();
        UUID second = first.equals(r.fromLocationId()) ? r.toLocationId() : r.fromLocationId();
        List<String> serials = SerialNumbers.normalize(l.serials());
        String batch = l.batchNo() == null || l.batchNo().isBlank() ? null : l.batchNo().trim();
        return moves.lock(ctx.shopId(), l.productId(), first)
                .flatMap(a -> moves.lock(ctx.shopId(), l.productId(), second).map(b -> reactor.util.function.Tuples.of(a, b)))
                .flatMap(levels -> {
                    StockMoves.Level source = levels.getT1().locationId().equals(r.fromLocationId()) ? levels.getT1() : levels.getT2();
                    StockMoves.Level target = source == levels.getT1() ? levels.getT2() : levels.getT1();
                    return moves.out(ctx, source, Movement.TRANSFER_OUT, l.quantity(), Purpose.TRANSFER, batch, serials,
                                    product.serialTracked(), false, reason)
                            .flatMap(out -> arrive(ctx, target, out, serials, reason)
                                    .flatMap(ins -> {
                                        List<StockMoves.Moved> all = new ArrayList<>();
                                        all.add(out);
                                        all.addAll(ins);
                                        return Flux.fromIterable(all).concatMap(m -> events.adjusted(ctx.shopId(), m, reason, ctx.cause()))
                                                .then(Mono.just(all.stream().map(StockMovement::of).toList()));
                                    }));
                });
    }

    /**
     * The in leg: lot by lot, so batches and expiry dates arrive as they left (and, under FIFO, their costs);
     * serial units arrive together at the cost they left at.
     */
    private Mono<List<StockMoves.Moved>> arrive(StockMoves.Context ctx, StockMoves.Level target, StockMoves.Moved out, List<String> serials,
                                                String reason) {
        if (!serials.isEmpty()) {
            return moves.in(ctx, target, Movement.TRANSFER_IN, out.quantity().negate(), out.unitCost(), null, null, serials,
                    StockMoves.SerialsIn.TRANSFERRED, reason).map(List::of);
        }
        List<StockMoves.Moved> arrived = new ArrayList<>();
        Mono<StockMoves.Level> level = Mono.just(target);
        for (Take take : out.lots()) {
            level = level.flatMap(current -> moves.in(ctx, current, Movement.TRANSFER_IN, take.quantity(),
                            ctx.method() == ValuationMethod.FIFO ? take.lot().unitCost() : out.unitCost(),
                            take.lot().batchNo(), take.lot().expiryDate(), List.of(), StockMoves.SerialsIn.TRANSFERRED, reason)
                    .map(m -> {
                        arrived.add(m);
                        return new StockMoves.Level(current.productId(), current.locationId(), m.onHandAfter(), m.reservedAfter(),
                                m.averageCostAfter());
                    }));
        }
        return level.thenReturn(arrived);
    }
}
