package dev.kirana.accounting.payroll;

import dev.kirana.accounting.bank.BankAccountChoice;
import dev.kirana.accounting.journal.Account;
import dev.kirana.accounting.journal.Journal;
import dev.kirana.accounting.journal.JournalEntry;
import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.PayrollEvents;
import dev.kirana.events.Topics;
import dev.kirana.messaging.EventHandler;
import dev.kirana.messaging.InboxProcessor;
import java.math.BigDecimal;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Posts the payroll that auth-service (which owns a shop's people) pays: a month's salaries are wages (5320) of their
 * gross, staff advances (1420) recovered, and the net paid from cash or the shop's bank; an advance moves money from
 * cash or bank to staff advances. Each event posts once (inbox, and one entry per source).
 */
@Component
public class PayrollPosting {
    static final String CONSUMER = "accounting-service.payroll";
    private final InboxProcessor inbox;
    private final Journal journal;
    private final BankAccountChoice banks;
    private final Map<String, EventHandler> handlers;

    public PayrollPosting(InboxProcessor inbox, Journal journal, BankAccountChoice banks) {
        this.inbox = inbox;
        this.journal = journal;
        this.banks = banks;
        this.handlers = Map.of(EventTypes.SALARY_PAID, e -> salaries(KiranaEvents.shopId(e), KiranaEvents.data(e, PayrollEvents.SalaryPaid.class)),
                EventTypes.SALARY_ADVANCE_PAID, e -> advance(KiranaEvents.shopId(e), KiranaEvents.data(e, PayrollEvents.AdvancePaid.class)));
    }

    @KafkaListener(topics = Topics.SHOP, groupId = CONSUMER)
    public void onShop(ConsumerRecord<String, byte[]> record) {
        inbox.handle(CONSUMER, record, handlers);
    }

    private Mono<Void> salaries(String shop, PayrollEvents.SalaryPaid s) {
        return paidFrom(shop, s.paidFrom()).flatMap(code -> journal.postOnce(shop, entry(s, code), null)).then();
    }

    private Mono<Void> advance(String shop, PayrollEvents.AdvancePaid a) {
        return paidFrom(shop, a.paidFrom()).flatMap(code -> journal.postOnce(shop, entry(a, code), null)).then();
    }

    /** Cash in hand, or the shop's bank account (its only one, else 1050 until the shop says which). */
    private Mono<String> paidFrom(String shop, String paidFrom) {
        return "BANK".equals(paidFrom) ? banks.defaultCode(shop) : Mono.just(Account.CASH.code());
    }

    static JournalEntry entry(PayrollEvents.SalaryPaid s, String paidFromCode) {
        Account from = paidFromCode.equals(Account.CASH.code()) ? Account.CASH : Account.BANK;
        return JournalEntry.builder(s.paidOn(), "Salaries for " + s.month() + " (" + s.lines().size() + " employees)", "salary.paid:" + s.runId())
                .debit(Account.WAGES, s.gross())
                .credit(Account.STAFF_ADVANCES, s.advances())
                .credit(from, paidFromCode, s.net())
                .build();
    }

    static JournalEntry entry(PayrollEvents.AdvancePaid a, String paidFromCode) {
        Account from = paidFromCode.equals(Account.CASH.code()) ? Account.CASH : Account.BANK;
        BigDecimal amount = a.amount();
        return JournalEntry.builder(a.paidOn(), "Salary advance to " + a.name(), "salary.advance-paid:" + a.advanceId())
                .debit(Account.STAFF_ADVANCES, amount)
                .credit(from, paidFromCode, amount)
                .build();
    }
}
