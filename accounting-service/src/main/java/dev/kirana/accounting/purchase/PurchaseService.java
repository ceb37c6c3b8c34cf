package dev.kirana.accounting.purchase;

import dev.kirana.accounting.journal.Journal;
import dev.kirana.accounting.khata.PaymentDirection;
import dev.kirana.accounting.khata.PaymentRequest;
import dev.kirana.accounting.khata.PaymentService;
import dev.kirana.accounting.party.Parties;
import dev.kirana.accounting.party.Party;
import dev.kirana.accounting.party.PartyKind;
import dev.kirana.accounting.party.PartyNews;
import dev.kirana.events.AccountingEvents;
import dev.kirana.events.EventTypes;
import dev.kirana.events.Topics;
import dev.kirana.messaging.OutboxWriter;
import dev.kirana.web.problem.Problems;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Records suppliers' bills and their returns. Each is one transaction: the bill (or debit note), its journal entry, a
 * payment made at once, and its events in the outbox; inventory-service receives (or returns) the stock by following
 * {@code purchase.billed} / {@code purchase.returned}, so the bill is written in one place only.
 */
@Service
public class PurchaseService {
    static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Kolkata");
    private final PurchaseBills bills;
    private final Parties parties;
    private final Journal journal;
    private final PaymentService payments;
    private final PartyNews news;
    private final OutboxWriter outbox;
    private final TransactionalOperator tx;

    public PurchaseService(PurchaseBills bills, Parties parties, Journal journal, PaymentService payments, PartyNews news,
                           OutboxWriter outbox, TransactionalOperator tx) {
        this.bills = bills;
        this.parties = parties;
        this.journal = journal;
        this.payments = payments;
        this.news = news;
        this.outbox = outbox;
        this.tx = tx;
    }

    private static LocalDate today() {
        return LocalDate.now(Clock.system(SHOP_ZONE));
    }

    public Mono<PurchaseBill> get(String shopId, UUID id) {
        return bills.bill(shopId, id).switchIfEmpty(Mono.error(() -> Problems.notFound("No purchase bill " + id + " in this shop")));
    }

    public Mono<List<PurchaseBill>> list(String shopId, UUID supplierId, int page, int size) {
        return bills.list(shopId, supplierId, page, size);
    }

    public Mono<PurchaseReturn> getReturn(String shopId, UUID billId, UUID returnId) {
        return bills.findReturn(shopId, billId, returnId)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No return " + returnId + " of bill " + billId + " in this shop")));
    }

    public Mono<PurchaseBill> record(String shopId, String by, PurchaseBillRequest r) {
        List<Problems.FieldError> errors = PurchaseRules.check(r, today());
        if (!errors.isEmpty()) {
            return Mono.error(Problems.invalid(errors));
        }
        UUID billId = UUID.randomUUID();
        Mono<PurchaseBill> work = parties.lock(shopId, r.supplierId())
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No party " + r.supplierId() + " in this shop")))
                .flatMap(supplier -> {
                    if (supplier.merged()) {
                        return Mono.error(Problems.conflict(supplier.name() + " was merged into " + supplier.mergedInto() + "; record the bill there"));
                    }
                    if (supplier.kind() != PartyKind.SUPPLIER) {
                        return Mono.error(Problems.unprocessable("not-a-supplier", supplier.name()
                                + " is a customer: a purchase bill comes from a supplier"));
                    }
                    return bills.shopState(shopId).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                            .flatMap(shopState -> supply(supplier, shopState.orElse(null), r.supplyType()))
                            .flatMap(supply -> record(shopId, by, billId, supplier, supply, r));
                });
        return tx.transactional(work);
    }

    /** Within the state or across, from the supplier's and the shop's states; the request's supplyType when one is unknown. */
    private static Mono<SupplyType> supply(Party supplier, String shopState, SupplyType requested) {
        String supplierState = supplier.gstin() != null ? supplier.gstin().substring(0, 2) : supplier.stateCode();
        SupplyType known = SupplyType.between(supplierState, shopState);
        if (known == null && requested == null) {
            return Mono.error(Problems.unprocessable("supply-type-unknown", "The " + (shopState == null ? "shop's" : "supplier's")
                    + " state is not known: say whether the purchase is INTRA_STATE or INTER_STATE in supplyType"));
        }
        if (known != null && requested != null && known != requested) {
            return Mono.error(Problems.unprocessable("supply-type-mismatch", "The supplier is in state " + supplierState
                    + " and the shop in state " + shopState + ": the purchase is " + known + ", not " + requested));
        }
        return Mono.just(known != null ? known : requested);
    }

    private Mono<PurchaseBill> record(String shopId, String by, UUID billId, Party supplier, SupplyType supply, PurchaseBillRequest r) {
        List<PurchaseBill.Line> lines = new ArrayList<>();
        for (int i = 0; i < r.lines().size(); i++) {
            PurchaseBillRequest.Line l = r.lines().get(i);
            BigDecimal qty = l.quantity().setScale(3, RoundingMode.UNNECESSARY);
            BigDecimal cost = l.unitCost().setScale(4, RoundingMode.UNNECESSARY);
            BigDecimal rate = l.gstRate().setScale(2, RoundingMode.UNNECESSARY);
            PurchaseTax.Amounts a = PurchaseTax.line(qty, cost, rate, supply);
            String batch = l.batchNo() == null || l.batchNo().isBlank() ? null : l.batchNo().trim();
            lines.add(new PurchaseBill.Line(i + 1, l.productId().trim(), qty, cost, rate, a.taxable(), a.cgst(), a.sgst(), a.igst(),
                    a.total(), batch, l.expiryDate(), l.locationId(), BigDecimal.ZERO.setScale(3)));
        }
        PurchaseTax.Amounts total = PurchaseTax.sum(lines.stream().map(PurchaseBill.Line::amounts).toList());
        BigDecimal roundOff;
        try {
            roundOff = PurchaseTax.roundOff(total.total(), r.billTotal());
        } catch (IllegalArgumentException e) {
            return Mono.error(Problems.unprocessable("bill-total-mismatch", "The bill's lines add up to " + total.total().toPlainString()
                    + " (taxable " + total.taxable().toPlainString() + " + tax " + total.tax().toPlainString() + "), not "
                    + r.billTotal().toPlainString() + ": check its quantities, costs and rates"));
        }
        BigDecimal payable = total.total().add(roundOff);
        if (r.paidNow() != null && r.paidNow().amount().compareTo(payable) > 0) {
            return Mono.error(Problems.invalid("paidNow.amount", "is more than the bill total " + payable.toPlainString()
                    + "; record an advance as a supplier payment"));
        }
        String notes = r.notes() == null || r.notes().isBlank() ? null : r.notes().trim();
        return bills.insert(shopId, billId, supplier.id(), r.billNumber(), r.billDate(), supply, total, roundOff, notes, by)
                .flatMap(inserted -> {
                    if (!inserted) {
                        return Mono.error(Problems.conflict(supplier.name() + " already has a bill numbered " + r.billNumber().trim()
                                + "; a bill is recorded once"));
                    }
                    return reactor.core.publisher.Flux.fromIterable(lines).concatMap(l -> bills.insertLine(billId, l)).then()
                            .then(journal.post(shopId, PurchaseEntries.bill(billId, r.billDate(), supplier.name(), supplier.label(),
                                    r.billNumber().trim(), total, roundOff), supplier.id()))
                            .then(news.balanceChanged(shopId, supplier.id()))
                            .then(paidNow(shopId, by, billId, supplier, r))
                            .flatMap(paid -> announceBill(shopId, by, billId, supplier, supply, r, lines, total, roundOff, paid.orElse(null)))
                            .then(bills.bill(shopId, billId));
                });
    }

    private Mono<java.util.Optional<AccountingEvents.PaidNow>> paidNow(String shopId, String by, UUID billId, Party supplier,
                                                                       PurchaseBillRequest r) {
        PurchaseBillRequest.PaidNow p = r.paidNow();
        if (p == null) {
            return Mono.just(java.util.Optional.empty());
        }
        String reference = p.reference() == null || p.reference().isBlank() ? null : p.reference().trim();
        return payments.record(shopId, by, supplier.id(), PaymentDirection.MADE,
                        new PaymentRequest(p.amount(), p.mode(), reference, r.billDate(), "Paid against bill " + r.billNumber().trim()))
                .flatMap(payment -> bills.paidBy(billId, payment.id())
                        .thenReturn(java.util.Optional.of(new AccountingEvents.PaidNow(payment.amount(), p.mode().name(), reference,
                                payment.id().toString()))));
    }

    private Mono<Void> announceBill(String shopId, String by, UUID billId, Party supplier, SupplyType supply, PurchaseBillRequest r,
                                    List<PurchaseBill.Line> lines, PurchaseTax.Amounts total, BigDecimal roundOff,
                                    AccountingEvents.PaidNow paid) {
        var data = new AccountingEvents.PurchaseBilled(billId.toString(), supplier.id().toString(), supplier.name(), supplier.gstin(),
                r.billNumber().trim(), r.billDate(), supply.name(), lines.stream().map(PurchaseService::eventLine).toList(),
                total.taxable(), total.cgst(), total.sgst(), total.igst(), roundOff, total.total().add(roundOff), paid, by);
        return outbox.append(Topics.ACCOUNTING, EventTypes.PURCHASE_BILLED, billId.toString(), shopId, data).then();
    }

    private static AccountingEvents.PurchaseLine eventLine(PurchaseBill.Line l) {
        return new AccountingEvents.PurchaseLine(l.lineNo(), l.productId(), l.quantity(), l.unitCost(), l.gstRate(),
                l.taxableValue(), l.cgst(), l.sgst(), l.igst(), l.batchNo(), l.expiryDate(),
                l.locationId() == null ? null : l.locationId().toString());
    }

    /** Goods of a bill back to the supplier under a new debit note. */
    public Mono<PurchaseReturn> returnGoods(String shopId, String by, UUID billId, PurchaseReturnRequest r) {
        LocalDate today = today();
        List<Problems.FieldError> errors = PurchaseRules.check(r, today);
        if (!errors.isEmpty()) {
            return Mono.error(Problems.invalid(errors));
        }
        LocalDate date = r.date() == null ? today : r.date();
        String reason = r.reason() == null || r.reason().isBlank() ? null : r.reason().trim();
        Mono<PurchaseReturn> work = bills.lock(shopId, billId)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No purchase bill " + billId + " in this shop")))
                .flatMap(bill -> {
                    if (date.isBefore(bill.billDate())) {
                        return Mono.error(Problems.invalid("date", "must not be before the bill's date " + bill.billDate()));
                    }
                    return Mono.zip(bills.lines(billId), bills.reversed(billId))
                            .flatMap(t -> returnLines(bill, t.getT1(), t.getT2(), r))
                            .flatMap(lines -> parties.holdForPosting(shopId, bill.supplierId())
                                    .flatMap(partyId -> parties.find(shopId, partyId))
                                    .flatMap(supplier -> bills.nextDebitNote(shopId, DebitNoteNumber.financialYear(date))
                                            .flatMap(n -> {
                                                PurchaseTax.Amounts total = PurchaseTax.sum(lines.stream().map(l -> new PurchaseTax.Amounts(
                                                        l.taxableValue(), l.cgst(), l.sgst(), l.igst())).toList());
                                                PurchaseReturn ret = new PurchaseReturn(UUID.randomUUID(), billId,
                                                        DebitNoteNumber.format(DebitNoteNumber.financialYear(date), n), date, lines,
                                                        total.taxable(), total.cgst(), total.sgst(), total.igst(), total.total(), reason);
                                                return bills.insertReturn(shopId, ret, by)
                                                        .then(journal.post(shopId, PurchaseEntries.debitNote(ret.id(), date, supplier.name(),
                                                                supplier.label(), ret.debitNoteNumber(), bill.billNumber(), total), supplier.id()))
                                                        .then(news.balanceChanged(shopId, supplier.id()))
                                                        .then(bills.lines(billId))
                                                        .flatMap(billLines -> announceReturn(shopId, by, bill, ret, billLines))
                                                        .then(bills.findReturn(shopId, billId, ret.id()));
                                            })));
                });
        return tx.transactional(work);
    }

    private static Mono<List<PurchaseReturn.Line>> returnLines(PurchaseBills.Header bill, List<PurchaseBill.Line> billLines,
                                                               Map<Integer, PurchaseTax.Amounts> reversed, PurchaseReturnRequest r) {
        Map<Integer, PurchaseBill.Line> byNo = PurchaseBills.byLineNo(billLines);
        List<Problems.FieldError> errors = new ArrayList<>();
        List<PurchaseReturn.Line> out = new ArrayList<>();
        for (int i = 0; i < r.lines().size(); i++) {
            PurchaseReturnRequest.Line want = r.lines().get(i);
            PurchaseBill.Line line = byNo.get(want.lineNo());
            if (line == null) {
                errors.add(new Problems.FieldError("lines[" + i + "].lineNo", "the bill has no line " + want.lineNo()));
                continue;
            }
            BigDecimal qty = want.quantity().setScale(3, RoundingMode.UNNECESSARY);
            try {
                PurchaseTax.Amounts a = PurchaseTax.returned(line.quantity(), line.unitCost(), line.gstRate(), bill.supplyType(),
                        line.amounts(), line.returnedQuantity(), reversed.getOrDefault(line.lineNo(), PurchaseTax.Amounts.NONE), qty);
                out.add(new PurchaseReturn.Line(line.lineNo(), line.productId(), qty, a.taxable(), a.cgst(), a.sgst(), a.igst()));
            } catch (IllegalArgumentException e) {
                errors.add(new Problems.FieldError("lines[" + i + "].quantity", "line " + line.lineNo() + " (" + line.productId() + "): "
                        + e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            return Mono.error(Problems.of(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT, "return-exceeds-bill",
                    "Unprocessable request", errors.size() == 1 ? errors.get(0).message() : errors.size() + " lines cannot be returned",
                    Map.of("errors", errors)));
        }
        out.sort(java.util.Comparator.comparingInt(PurchaseReturn.Line::lineNo));
        return Mono.just(out);
    }

    private Mono<Void> announceReturn(String shopId, String by, PurchaseBills.Header bill, PurchaseReturn ret,
                                      List<PurchaseBill.Line> billLines) {
        Map<Integer, PurchaseBill.Line> byNo = PurchaseBills.byLineNo(billLines);
        var lines = ret.lines().stream().map(l -> {
            PurchaseBill.Line b = byNo.get(l.lineNo());
            return new AccountingEvents.PurchaseLine(l.lineNo(), b.productId(), l.quantity(), b.unitCost(), b.gstRate(),
                    l.taxableValue(), l.cgst(), l.sgst(), l.igst(), b.batchNo(), b.expiryDate(),
                    b.locationId() == null ? null : b.locationId().toString());
        }).toList();
        var data = new AccountingEvents.PurchaseReturned(ret.id().toString(), bill.id().toString(), ret.debitNoteNumber(),
                bill.supplierId().toString(), bill.billNumber(), ret.date(), lines, ret.taxableValue(), ret.cgst(), ret.sgst(), ret.igst(),
                ret.total(), ret.reason(), by);
        return outbox.append(Topics.ACCOUNTING, EventTypes.PURCHASE_RETURNED, bill.id().toString(), shopId, data).then();
    }
}
