package dev.kirana.accounting.bank;

import dev.kirana.accounting.ledger.DayLocks;
import dev.kirana.accounting.ledger.LedgerEntry;
import dev.kirana.accounting.ledger.LedgerPosting;
import dev.kirana.events.AccountingEvents;
import dev.kirana.events.EventTypes;
import dev.kirana.events.Topics;
import dev.kirana.messaging.OutboxWriter;
import dev.kirana.web.problem.Problems;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Deposits, withdrawals, transfers and card/UPI settlements: the movement, its journal entry (and for a settlement
 * its {@code bank.settled} event) in one transaction. Cash moving on a closed day, or anything in a locked month, is 409.
 */
@Service
public class BankMovements {
    static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Kolkata");
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final BankAccounts accounts;
    private final LedgerPosting ledger;
    private final OutboxWriter outbox;
    private final Clock clock;

    public BankMovements(DatabaseClient db, TransactionalOperator tx, BankAccounts accounts, LedgerPosting ledger, OutboxWriter outbox, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.accounts = accounts;
        this.ledger = ledger;
        this.outbox = outbox;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(SHOP_ZONE));
    }

    public Mono<BankMovement> deposit(String shopId, String by, UUID accountId, BankRequests.Movement r) {
        return simple(shopId, by, accountId, r, "DEPOSIT");
    }

    public Mono<BankMovement> withdraw(String shopId, String by, UUID accountId, BankRequests.Movement r) {
        return simple(shopId, by, accountId, r, "WITHDRAWAL");
    }

    public Mono<BankMovement> transfer(String shopId, String by, UUID accountId, BankRequests.Movement r) {
        return simple(shopId, by, accountId, r, "TRANSFER");
    }

    private Mono<BankMovement> simple(String shopId, String by, UUID accountId, BankRequests.Movement r, String kind) {
        List<Problems.FieldError> errors = new ArrayList<>();
        if (r == null) {
            return Mono.error(Problems.invalid("body", "is required"));
        }
        amount("amount", r.amount(), false, errors);
        date(r.date(), errors);
        reference(r.reference(), errors);
        if ("TRANSFER".equals(kind) && r.toAccountId() == null) {
            errors.add(new Problems.FieldError("toAccountId", "the bank account the money goes to"));
        }
        if ("TRANSFER".equals(kind) && accountId.equals(r.toAccountId())) {
            errors.add(new Problems.FieldError("toAccountId", "a transfer goes to another account"));
        }
        if (!errors.isEmpty()) {
            return Mono.error(Problems.invalid(errors));
        }
        UUID id = UUID.randomUUID();
        LocalDate date = r.date() == null ? today() : r.date();
        BigDecimal amount = r.amount().setScale(2);
        String reference = blankToNull(r.reference());
        Mono<BankMovement> work = accounts.get(shopId, accountId).flatMap(bank -> {
            Mono<LedgerEntry> entry;
            String from;
            String to;
            switch (kind) {
                case "DEPOSIT" -> {
                    from = DayLocks.CASH_IN_HAND;
                    to = bank.accountCode();
                    entry = Mono.just(BankEntries.deposit(id, date, bank.accountCode(), bank.label(), amount, reference));
                }
                case "WITHDRAWAL" -> {
                    from = bank.accountCode();
                    to = DayLocks.CASH_IN_HAND;
                    entry = Mono.just(BankEntries.withdrawal(id, date, bank.accountCode(), bank.label(), amount, reference));
                }
                default -> {
                    from = bank.accountCode();
                    to = null;
                    entry = accounts.find(shopId, r.toAccountId())
                            .switchIfEmpty(Mono.error(() -> Problems.invalid("toAccountId", "no bank account " + r.toAccountId() + " in this shop")))
                            .map(other -> BankEntries.transfer(id, date, bank.accountCode(), bank.label(), other.accountCode(), other.label(),
                                    amount, reference));
                }
            }
            return entry.flatMap(e -> ledger.post(shopId, by, e).flatMap(entryId -> {
                String toCode = to != null ? to : e.lines().stream().filter(l -> l.debit().signum() > 0).findFirst().orElseThrow().account();
                return insert(shopId, new BankMovement(id, kind, date, from, toCode, amount, BigDecimal.ZERO.setScale(2), amount, null, reference,
                        entryId, by));
            }));
        });
        return tx.transactional(work);
    }

    public Mono<BankMovement> settle(String shopId, String by, BankRequests.Settlement r) {
        List<Problems.FieldError> errors = new ArrayList<>();
        if (r == null) {
            return Mono.error(Problems.invalid("body", "is required"));
        }
        if (r.provider() == null || r.provider().isBlank() || r.provider().length() > 60) {
            errors.add(new Problems.FieldError("provider", "is required (PhonePe, Paytm, Pine Labs …), at most 60 characters"));
        }
        if (!BankEntries.CARD_CLEARING.equals(r.clearingAccount()) && !BankEntries.UPI_CLEARING.equals(r.clearingAccount())) {
            errors.add(new Problems.FieldError("clearingAccount", "1010 (card settlements) or 1020 (UPI settlements)"));
        }
        if (r.bankAccountId() == null) {
            errors.add(new Problems.FieldError("bankAccountId", "is required"));
        }
        amount("gross", r.gross(), false, errors);
        amount("fee", r.fee() == null ? BigDecimal.ZERO : r.fee(), true, errors);
        if (errors.isEmpty() && r.fee() != null && r.fee().compareTo(r.gross()) >= 0) {
            errors.add(new Problems.FieldError("fee", "must be less than the gross amount"));
        }
        date(r.date(), errors);
        reference(r.reference(), errors);
        if (!errors.isEmpty()) {
            return Mono.error(Problems.invalid(errors));
        }
        UUID id = UUID.randomUUID();
        LocalDate date = r.date() == null ? today() : r.date();
        BigDecimal gross = r.gross().setScale(2);
        BigDecimal fee = (r.fee() == null ? BigDecimal.ZERO : r.fee()).setScale(2);
        String reference = blankToNull(r.reference());
        String provider = r.provider().trim();
        Mono<BankMovement> work = accounts.find(shopId, r.bankAccountId())
                .switchIfEmpty(Mono.error(() -> Problems.invalid("bankAccountId", "no bank account " + r.bankAccountId() + " in this shop")))
                .flatMap(bank -> ledger.post(shopId, by, BankEntries.settlement(id, date, provider, r.clearingAccount(), bank.accountCode(),
                                bank.label(), gross, fee, reference))
                        .flatMap(entryId -> insert(shopId, new BankMovement(id, "SETTLEMENT", date, r.clearingAccount(), bank.accountCode(), gross, fee,
                                gross.subtract(fee), provider, reference, entryId, by)))
                        .flatMap(m -> outbox.append(Topics.ACCOUNTING, EventTypes.BANK_SETTLED, id.toString(), shopId,
                                new AccountingEvents.BankSettled(id.toString(), provider, r.clearingAccount(), bank.id().toString(), bank.accountCode(),
                                        gross, fee, m.net(), date, reference, m.entryId().toString(), by)).thenReturn(m)));
        return tx.transactional(work);
    }

    /** What went into or out of the bank account between two dates, oldest first. */
    public Mono<List<BankMovement>> list(String shopId, UUID accountId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return Mono.error(Problems.invalid("to", "must not be before from"));
        }
        return accounts.get(shopId, accountId).flatMap(bank -> db.sql("""
                        SELECT id, kind, movement_date, from_account, to_account, amount, fee, provider, reference, entry_id, recorded_by
                        FROM bank_movements WHERE shop_id = :shop AND (from_account = :code OR to_account = :code)
                          AND movement_date BETWEEN :from AND :to ORDER BY movement_date, recorded_at, id""")
                .bind("shop", shopId).bind("code", bank.accountCode()).bind("from", from).bind("to", to)
                .map(r -> {
                    BigDecimal amount = r.get("amount", BigDecimal.class);
                    BigDecimal fee = r.get("fee", BigDecimal.class);
                    return new BankMovement(r.get("id", UUID.class), r.get("kind", String.class), r.get("movement_date", LocalDate.class),
                            r.get("from_account", String.class), r.get("to_account", String.class), amount, fee, amount.subtract(fee),
                            r.get("provider", String.class), r.get("reference", String.class), r.get("entry_id", UUID.class),
                            r.get("recorded_by", String.class));
                })
                .all().collectList());
    }

    private Mono<BankMovement> insert(String shopId, BankMovement m) {
        var spec = db.sql("""
                        INSERT INTO bank_movements (id, shop_id, kind, movement_date, from_account, to_account, amount, fee, provider, reference,
                                                    entry_id, recorded_by)
                        VALUES (:id, :shop, :kind, :date, :from, :to, :amount, :fee, :provider, :reference, :entry, :by)""")
                .bind("id", m.id()).bind("shop", shopId).bind("kind", m.kind()).bind("date", m.date()).bind("from", m.fromAccount())
                .bind("to", m.toAccount()).bind("amount", m.amount()).bind("fee", m.fee()).bind("entry", m.entryId()).bind("by", m.recordedBy());
        spec = m.provider() == null ? spec.bindNull("provider", String.class) : spec.bind("provider", m.provider());
        spec = m.reference() == null ? spec.bindNull("reference", String.class) : spec.bind("reference", m.reference());
        return spec.then().thenReturn(m);
    }

    private void amount(String field, BigDecimal amount, boolean zeroAllowed, List<Problems.FieldError> errors) {
        if (amount == null) {
            errors.add(new Problems.FieldError(field, "is required"));
        } else if (zeroAllowed ? amount.signum() < 0 : amount.signum() <= 0) {
            errors.add(new Problems.FieldError(field, zeroAllowed ? "must not be negative" : "must be more than zero"));
        } else if (amount.stripTrailingZeros().scale() > 2) {
            errors.add(new Problems.FieldError(field, "must be in rupees and paise (at most 2 decimals)"));
        } else if (amount.compareTo(new BigDecimal("100000000")) >= 0) {
            errors.add(new Problems.FieldError(field, "is too large"));
        }
    }

    private void date(LocalDate date, List<Problems.FieldError> errors) {
        if (date != null && date.isAfter(today())) {
            errors.add(new Problems.FieldError("date", "must not be in the future"));
        }
    }

    private static void reference(String reference, List<Problems.FieldError> errors) {
        if (reference != null && reference.length() > 64) {
            errors.add(new Problems.FieldError("reference", "must be at most 64 characters"));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
