package dev.kirana.accounting.khata;

import dev.kirana.accounting.bank.BankAccountChoice;
import dev.kirana.accounting.journal.Journal;
import dev.kirana.accounting.ledger.DayLocks;
import dev.kirana.accounting.party.Parties;
import dev.kirana.accounting.party.Party;
import dev.kirana.accounting.party.PartyNews;
import dev.kirana.events.AccountingEvents;
import dev.kirana.events.EventTypes;
import dev.kirana.web.problem.Problems;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Records collections and supplier payments, and reverses mistaken ones: the row, its entry and its events in one transaction. */
@Service
public class PaymentService {
    static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Kolkata");
    private final Payments payments;
    private final Parties parties;
    private final Journal journal;
    private final PartyNews news;
    private final TransactionalOperator tx;
    private final DayLocks dayLocks;
    private final BankAccountChoice bankAccounts;

    public PaymentService(Payments payments, Parties parties, Journal journal, PartyNews news, TransactionalOperator tx, DayLocks dayLocks,
                          BankAccountChoice bankAccounts) {
        this.payments = payments;
        this.parties = parties;
        this.journal = journal;
        this.news = news;
        this.tx = tx;
        this.dayLocks = dayLocks;
        this.bankAccounts = bankAccounts;
    }

    public Mono<Payment> get(String shopId, UUID id) {
        return payments.find(shopId, id).switchIfEmpty(Mono.error(() -> Problems.notFound("No payment " + id + " in this shop")));
    }

    public Mono<List<Payment>> ofParty(String shopId, UUID partyId) {
        return parties.find(shopId, partyId).switchIfEmpty(Mono.error(() -> Problems.notFound("No party " + partyId + " in this shop")))
                .then(payments.ofParty(shopId, partyId));
    }

    /** Money received from a customer ({@link PaymentDirection#RECEIVED}) or paid to a supplier ({@link PaymentDirection#MADE}). */
    public Mono<Payment> record(String shopId, String by, UUID partyId, PaymentDirection direction, PaymentRequest r) {
        List<Problems.FieldError> errors = check(r);
        if (!errors.isEmpty()) {
            return Mono.error(Problems.invalid(errors));
        }
        LocalDate date = r.date() == null ? LocalDate.now(SHOP_ZONE) : r.date();
        BigDecimal amount = r.amount().setScale(2);
        Mono<Payment> work = parties.lock(shopId, partyId)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No party " + partyId + " in this shop")))
                .flatMap(party -> {
                    if (party.merged()) {
                        return Mono.error(Problems.conflict("This party was merged into " + party.mergedInto() + "; record it there"));
                    }
                    if (party.kind() != direction.partyKind()) {
                        return Mono.error(direction == PaymentDirection.RECEIVED
                                ? Problems.unprocessable("collection-from-supplier", party.name()
                                        + " is a supplier: record money paid to them, or money a customer paid")
                                : Problems.unprocessable("payment-to-customer", party.name()
                                        + " is a customer: record money received from them"));
                    }
                    return account(shopId, r).flatMap(account -> {
                        Payment p = new Payment(UUID.randomUUID(), partyId, direction, amount, r.mode(), blankToNull(r.reference()),
                                date, blankToNull(r.note()), null, null, by, null, null, account);
                        // cash taken or paid at the counter is refused on a day whose drawer was counted and closed
                        return dayLocks.requireDayOpen(shopId, date, List.of(account))
                                .then(payments.insert(shopId, p))
                                .then(journal.post(shopId, PaymentEntries.entry(p.id(), direction, p.mode(), account, amount, date,
                                        party.name(), party.label(), p.reference()), partyId))
                                .then(announce(shopId, p, amount))
                                .then(finish(shopId, p.id(), partyId));
                    });
                });
        return tx.transactional(work);
    }

    /** Undoes a payment recorded by mistake with its counter-entry; the payment itself stays, marked reversed. */
    public Mono<Payment> reverse(String shopId, String by, UUID paymentId, ReversalRequest r) {
        String reason = r == null ? null : blankToNull(r.reason());
        if (reason == null) {
            return Mono.error(Problems.invalid("reason", "say why the payment is reversed"));
        }
        LocalDate today = LocalDate.now(SHOP_ZONE);
        LocalDate date = r.date() == null ? today : r.date();
        if (date.isAfter(today)) {
            return Mono.error(Problems.invalid("date", "must not be in the future"));
        }
        Mono<Payment> work = payments.lock(shopId, paymentId)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No payment " + paymentId + " in this shop")))
                .flatMap(original -> {
                    if (original.reversalOf() != null) {
                        return Mono.error(Problems.unprocessable("reversal-of-reversal",
                                "This is itself a reversal; record the payment again instead"));
                    }
                    if (original.reversedBy() != null) {
                        return Mono.error(Problems.conflict("This payment was already reversed by " + original.reversedBy()));
                    }
                    if (date.isBefore(original.date())) {
                        return Mono.error(Problems.invalid("date", "must not be before the payment's date " + original.date()));
                    }
                    return parties.lock(shopId, original.partyId()).flatMap(party -> {
                        Payment counter = new Payment(UUID.randomUUID(), party.id(), original.direction(), original.amount(),
                                original.mode(), original.reference(), date, reason, original.id(), null, by, null, null, original.account());
                        // the counter-entry goes through the same account as the original, whatever the default is now
                        var entry = PaymentEntries.reversal(PaymentEntries.entry(original.id(), original.direction(), original.mode(),
                                original.account(), original.amount(), original.date(), party.name(), party.label(), original.reference()),
                                original.id(), date, reason);
                        return dayLocks.requireDayOpen(shopId, date, List.of(original.account()))
                                .then(payments.insert(shopId, counter))
                                .then(journal.post(shopId, entry, party.id()))
                                .then(announce(shopId, counter, original.amount().negate()))
                                .then(finish(shopId, counter.id(), party.id()));
                    });
                });
        return tx.transactional(work);
    }

    /** The mode's account; by BANK the bank account named, else the shop's default one (see {@link BankAccountChoice}). */
    private Mono<String> account(String shopId, PaymentRequest r) {
        return r.mode() == PaymentMode.BANK ? bankAccounts.code(shopId, r.bankAccountId()) : Mono.just(r.mode().account().code());
    }

    private Mono<Void> announce(String shopId, Payment p, BigDecimal signedAmount) {
        String reversalOf = p.reversalOf() == null ? null : p.reversalOf().toString();
        Object data = p.direction() == PaymentDirection.RECEIVED
                ? new AccountingEvents.PaymentReceived(p.id().toString(), p.partyId().toString(), signedAmount, p.mode().name(),
                        p.reference(), p.date(), reversalOf, p.recordedBy(), p.account())
                : new AccountingEvents.PaymentMade(p.id().toString(), p.partyId().toString(), signedAmount, p.mode().name(),
                        p.reference(), p.date(), reversalOf, p.recordedBy(), p.account());
        String type = p.direction() == PaymentDirection.RECEIVED ? EventTypes.PAYMENT_RECEIVED : EventTypes.PAYMENT_MADE;
        return news.append(shopId, type, p.partyId(), data).then(news.balanceChanged(shopId, p.partyId()));
    }

    private Mono<Payment> finish(String shopId, UUID paymentId, UUID partyId) {
        return payments.find(shopId, paymentId)
                .zipWith(parties.find(shopId, partyId).map(Party::balance), Payment::withBalanceAfter);
    }

    static List<Problems.FieldError> check(PaymentRequest r) {
        List<Problems.FieldError> errors = new ArrayList<>();
        if (r == null) {
            errors.add(new Problems.FieldError("body", "is required"));
            return errors;
        }
        if (r.amount() == null) {
            errors.add(new Problems.FieldError("amount", "is required"));
        } else if (r.amount().signum() <= 0) {
            errors.add(new Problems.FieldError("amount", "must be more than zero"));
        } else if (r.amount().stripTrailingZeros().scale() > 2) {
            errors.add(new Problems.FieldError("amount", "must be in rupees and paise (at most 2 decimals)"));
        } else if (r.amount().compareTo(new BigDecimal("100000000")) >= 0) {
            errors.add(new Problems.FieldError("amount", "is too large"));
        }
        if (r.mode() == null) {
            errors.add(new Problems.FieldError("mode", "is required: CASH, UPI, CARD or BANK"));
        } else if (r.mode() == PaymentMode.UPI && blankToNull(r.reference()) == null) {
            errors.add(new Problems.FieldError("reference", "the UPI transaction reference is required for a UPI payment"));
        }
        if (r.bankAccountId() != null && r.mode() != null && r.mode() != PaymentMode.BANK) {
            errors.add(new Problems.FieldError("bankAccountId", "only a BANK payment goes through a bank account; "
                    + "UPI and card money waits on its settlement account until the provider settles it"));
        }
        if (r.reference() != null && r.reference().length() > 64) {
            errors.add(new Problems.FieldError("reference", "must be at most 64 characters"));
        }
        if (r.note() != null && r.note().length() > 500) {
            errors.add(new Problems.FieldError("note", "must be at most 500 characters"));
        }
        if (r.date() != null && r.date().isAfter(LocalDate.now(SHOP_ZONE))) {
            errors.add(new Problems.FieldError("date", "must not be in the future"));
        }
        return errors;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
