package dev.kirana.accounting.khata;

import dev.kirana.accounting.party.Parties;
import dev.kirana.accounting.party.Party;
import dev.kirana.accounting.party.PartyKind;
import dev.kirana.web.problem.Problems;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** A party's statement and the ageing of what it owes, read from its lines on its control account. */
@Service
public class StatementService {
    private final DatabaseClient db;
    private final Parties parties;

    public StatementService(DatabaseClient db, Parties parties) {
        this.db = db;
        this.parties = parties;
    }

    public record PartyStatementView(Party party, PartyStatement.Statement statement, Ageing.Report ageing) {
    }

    public Mono<PartyStatementView> statement(String shopId, UUID partyId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return Mono.error(Problems.invalid("to", "must not be before from"));
        }
        return parties.find(shopId, partyId)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No party " + partyId + " in this shop")))
                .flatMap(party -> postings(shopId, party, to).map(postings -> {
                    boolean customer = party.kind() == PartyKind.CUSTOMER;
                    return new PartyStatementView(party, PartyStatement.of(customer, from, to, postings),
                            Ageing.of(to, movements(customer, postings)));
                }));
    }

    /** A party's balance as at a date, and the part of it that is overdue given {@code creditDays} to pay. */
    public record Standing(UUID partyId, LocalDate asAt, BigDecimal balance, BigDecimal overdue) {
    }

    /**
     * The party's balance at the end of {@code asAt} (its statement's closing balance) and what of it is overdue by
     * {@link Ageing#overdue}: the one ageing rule, read from the same postings as the statement.
     */
    public Mono<Standing> standing(String shopId, UUID partyId, LocalDate asAt, int creditDays) {
        return parties.find(shopId, partyId)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No party " + partyId + " in this shop")))
                .flatMap(party -> postings(shopId, party, asAt).map(postings -> {
                    boolean customer = party.kind() == PartyKind.CUSTOMER;
                    BigDecimal closing = PartyStatement.of(customer, asAt, asAt, postings).closingBalance();
                    return new Standing(partyId, asAt, closing, Ageing.overdue(asAt, movements(customer, postings), creditDays));
                }));
    }

    private Mono<List<PartyStatement.Posting>> postings(String shopId, Party party, LocalDate to) {
        boolean customer = party.kind() == PartyKind.CUSTOMER;
        return db.sql("""
                        SELECT e.entry_date, e.narration, e.source, l.debit, l.credit
                        FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
                        WHERE e.shop_id = :shop AND l.party_id = :party AND l.account = :account AND e.entry_date <= :to
                        ORDER BY e.entry_date, e.created_at, e.id, l.line_no""")
                .bind("shop", shopId).bind("party", party.id()).bind("account", party.kind().controlAccount().code()).bind("to", to)
                .map(r -> {
                    String source = r.get("source", String.class);
                    return new PartyStatement.Posting(r.get("entry_date", LocalDate.class), PartyStatement.LineType.of(source, customer),
                            r.get("narration", String.class), source, r.get("debit", BigDecimal.class), r.get("credit", BigDecimal.class));
                })
                .all().collectList();
    }

    /**
     * The movements to age: a voided sale and its void, and a reversed payment and its reversal, cancel out and are
     * left out (the void must not pay off an older sale, nor a reversal make a new debt).
     */
    static List<Ageing.Movement> movements(boolean customer, List<PartyStatement.Posting> postings) {
        Set<String> sources = new HashSet<>();
        postings.forEach(p -> sources.add(p.source()));
        Set<String> cancelled = new HashSet<>();
        for (String s : sources) {
            if (s.startsWith("order.voided:") && sources.contains("order.confirmed:" + s.substring("order.voided:".length()))) {
                cancelled.add(s);
                cancelled.add("order.confirmed:" + s.substring("order.voided:".length()));
            }
            if (s.startsWith("payment-reversal:") && sources.contains("payment:" + s.substring("payment-reversal:".length()))) {
                cancelled.add(s);
                cancelled.add("payment:" + s.substring("payment-reversal:".length()));
            }
        }
        return postings.stream().filter(p -> !cancelled.contains(p.source()))
                .map(p -> new Ageing.Movement(p.date(), customer ? p.debit().subtract(p.credit()) : p.credit().subtract(p.debit())))
                .toList();
    }
}
