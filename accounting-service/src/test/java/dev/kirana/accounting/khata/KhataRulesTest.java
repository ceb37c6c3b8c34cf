package dev.kirana.accounting.khata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.accounting.journal.Account;
import dev.kirana.accounting.journal.JournalEntry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** Collections, payments, statements and ageing on worked rupee examples. */
class KhataRulesTest {
    static final UUID PAYMENT = UUID.fromString("00000000-0000-0000-0000-000000000001");

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static LocalDate day(int month, int dayOfMonth) {
        return LocalDate.of(2026, month, dayOfMonth);
    }

    static List<Tuple> lines(JournalEntry e) {
        return e.lines().stream().map(l -> Tuple.tuple(l.account(), l.debit().toPlainString(), l.credit().toPlainString())).toList();
    }

    @Test
    void aCollectionDebitsTheModesAccountAndCreditsTheKhata() {
        JournalEntry upi = PaymentEntries.entry(PAYMENT, PaymentDirection.RECEIVED, PaymentMode.UPI, d("500.00"), day(4, 20),
                "Asha", "9876500001", "UTR 412345678901");
        assertThat(lines(upi)).containsExactly(Tuple.tuple(Account.UPI_SETTLEMENTS, "500.00", "0.00"),
                Tuple.tuple(Account.CUSTOMERS, "0.00", "500.00"));
        assertThat(upi.lines().get(1).party()).isEqualTo("9876500001");
        assertThat(upi.source()).isEqualTo("payment:" + PAYMENT);
        assertThat(upi.narration()).contains("UTR 412345678901");
        assertThat(lines(PaymentEntries.entry(PAYMENT, PaymentDirection.RECEIVED, PaymentMode.CARD, d("81.00"), day(4, 20), "Asha", null, null)))
                .containsExactly(Tuple.tuple(Account.CARD_SETTLEMENTS, "81.00", "0.00"), Tuple.tuple(Account.CUSTOMERS, "0.00", "81.00"));
    }

    @Test
    void byBankTheMoneyGoesThroughTheBankAccountsOwnCodeAndItsReversalBackThroughIt() {
        JournalEntry neft = PaymentEntries.entry(PAYMENT, PaymentDirection.RECEIVED, PaymentMode.BANK, "1051", d("700.00"), day(4, 20),
                "Asha", "9876500001", "NEFT N2910");
        assertThat(neft.lines()).extracting(l -> l.code() + " " + l.debit() + " " + l.credit()).containsExactly("1051 700.00 0.00", "1100 0.00 700.00");
        assertThat(PaymentEntries.reversal(neft, PAYMENT, day(4, 21), "bounced").lines())
                .extracting(l -> l.code() + " " + l.debit() + " " + l.credit()).containsExactly("1051 0.00 700.00", "1100 700.00 0.00");
        // 1050 itself, or a mode's own account, is no sub-account
        assertThat(PaymentEntries.entry(PAYMENT, PaymentDirection.MADE, PaymentMode.BANK, "1050", d("1.00"), day(4, 20), "Gupta", null, null)
                .lines()).extracting(JournalEntry.Line::subAccount).containsOnlyNulls();
    }

    @Test
    void aSupplierPaymentDebitsTradePayablesAndCreditsCashOrBank() {
        JournalEntry bank = PaymentEntries.entry(PAYMENT, PaymentDirection.MADE, PaymentMode.BANK, d("600.00"), day(4, 25),
                "Gupta Wholesale", null, "NEFT N123");
        assertThat(lines(bank)).containsExactly(Tuple.tuple(Account.SUPPLIERS, "600.00", "0.00"), Tuple.tuple(Account.BANK, "0.00", "600.00"));
        assertThat(lines(PaymentEntries.entry(PAYMENT, PaymentDirection.MADE, PaymentMode.CASH, d("500.00"), day(4, 25), "Gupta", null, null)))
                .containsExactly(Tuple.tuple(Account.SUPPLIERS, "500.00", "0.00"), Tuple.tuple(Account.CASH, "0.00", "500.00"));
    }

    @Test
    void aMistakeIsUndoneByItsCounterEntry() {
        JournalEntry cash = PaymentEntries.entry(PAYMENT, PaymentDirection.RECEIVED, PaymentMode.CASH, d("600.00"), day(4, 20), "Asha", "9876500001", null);
        JournalEntry undo = PaymentEntries.reversal(cash, PAYMENT, day(4, 21), "entered twice");
        assertThat(lines(undo)).containsExactly(Tuple.tuple(Account.CASH, "0.00", "600.00"), Tuple.tuple(Account.CUSTOMERS, "600.00", "0.00"));
        assertThat(undo.date()).isEqualTo(day(4, 21));
        assertThat(undo.source()).isEqualTo("payment-reversal:" + PAYMENT);
        assertThat(undo.narration()).contains("entered twice");
    }

    static PartyStatement.Posting posting(LocalDate date, String source, String debit, String credit) {
        return new PartyStatement.Posting(date, PartyStatement.LineType.of(source, true), source, source, d(debit), d(credit));
    }

    @Test
    void aCustomersStatementCarriesTheBalanceForwardAndRunsIt() {
        List<PartyStatement.Posting> postings = List.of(
                posting(day(1, 1), "party.opening:a", "250.00", "0.00"),
                posting(day(2, 15), "order.confirmed:o1", "581.00", "0.00"),
                posting(day(3, 22), "payment:p1", "0.00", "300.00"),
                posting(day(4, 1), "payment:p2", "0.00", "600.00"),
                posting(day(4, 1), "payment-reversal:p2", "600.00", "0.00"),
                posting(day(4, 10), "order.refunded:r1", "0.00", "81.00"),
                posting(day(5, 2), "order.confirmed:o2", "99.00", "0.00"));   // after the range
        PartyStatement.Statement s = PartyStatement.of(true, day(2, 1), day(4, 30), postings);
        // brought forward: the opening 250.00 of 1 January
        assertThat(s.openingBalance()).isEqualByComparingTo("250.00");
        assertThat(s.lines()).extracting(PartyStatement.Line::type).containsExactly(PartyStatement.LineType.SALE,
                PartyStatement.LineType.COLLECTION, PartyStatement.LineType.COLLECTION, PartyStatement.LineType.REVERSAL,
                PartyStatement.LineType.REFUND);
        // 250 + 581 = 831; − 300 = 531; − 600 = −69 (an advance); + 600 = 531; − 81 = 450
        assertThat(s.lines()).extracting(l -> l.balance().toPlainString()).containsExactly("831.00", "531.00", "-69.00", "531.00", "450.00");
        assertThat(s.totalDebits()).isEqualByComparingTo("1181.00");    // 581 + 600
        assertThat(s.totalCredits()).isEqualByComparingTo("981.00");    // 300 + 600 + 81
        assertThat(s.closingBalance()).isEqualByComparingTo("450.00");  // 250 + 1181 − 981
        // an empty range still has its balances
        PartyStatement.Statement quiet = PartyStatement.of(true, day(4, 11), day(4, 30), postings);
        assertThat(quiet.lines()).isEmpty();
        assertThat(quiet.openingBalance()).isEqualByComparingTo("450.00").isEqualByComparingTo(quiet.closingBalance());
    }

    @Test
    void aSuppliersStatementRisesWithItsBills() {
        List<PartyStatement.Posting> postings = List.of(
                new PartyStatement.Posting(day(4, 1), PartyStatement.LineType.OPENING_BALANCE, "o", "party.opening:s", d("0.00"), d("1000.00")),
                new PartyStatement.Posting(day(4, 5), PartyStatement.LineType.PAYMENT, "p", "payment:p", d("600.00"), d("0.00")),
                new PartyStatement.Posting(day(4, 9), PartyStatement.LineType.PAYMENT, "p", "payment:q", d("500.00"), d("0.00")));
        PartyStatement.Statement s = PartyStatement.of(false, day(4, 1), day(4, 30), postings);
        // 1000 owed; 1000 − 600 = 400; 400 − 500 = −100: the supplier holds an advance of 100
        assertThat(s.lines()).extracting(l -> l.balance().toPlainString()).containsExactly("1000.00", "400.00", "-100.00");
        assertThat(s.closingBalance()).isEqualByComparingTo("-100.00");
    }

    static Ageing.Movement m(LocalDate date, String amount) {
        return new Ageing.Movement(date, d(amount));
    }

    @Test
    void collectionsPayOffTheOldestDuesFirst() {
        LocalDate asOf = day(6, 30);
        Ageing.Report r = Ageing.of(asOf, List.of(
                m(day(3, 1), "250.00"),    // 121 days old: over 90
                m(day(4, 10), "581.00"),   // 81 days: 61–90
                m(day(5, 20), "400.00"),   // 41 days: 31–60
                m(day(6, 15), "120.00"),   // 15 days: 0–30
                m(day(6, 1), "-300.00"),   // a collection
                m(day(6, 25), "-200.00"))); // another
        // 500 collected: 250 pays off 1 March, the other 250 goes to 10 April, leaving 331.00 of it
        assertThat(r.over90Days()).isEqualByComparingTo("0.00");
        assertThat(r.days61To90()).isEqualByComparingTo("331.00");
        assertThat(r.days31To60()).isEqualByComparingTo("400.00");
        assertThat(r.days0To30()).isEqualByComparingTo("120.00");
        assertThat(r.totalDue()).isEqualByComparingTo("851.00");   // 1351 − 500
        assertThat(r.advance()).isEqualByComparingTo("0.00");
    }

    @Test
    void bucketEdgesAndAnAdvance() {
        LocalDate asOf = day(6, 30);
        Ageing.Report r = Ageing.of(asOf, List.of(
                m(asOf.minusDays(30), "10.00"), m(asOf.minusDays(31), "20.00"),
                m(asOf.minusDays(60), "30.00"), m(asOf.minusDays(61), "40.00"),
                m(asOf.minusDays(90), "50.00"), m(asOf.minusDays(91), "60.00"),
                m(asOf.plusDays(1), "999.00")));   // after the date: not yet
        assertThat(r.days0To30()).isEqualByComparingTo("10.00");
        assertThat(r.days31To60()).isEqualByComparingTo("50.00");   // 20 + 30
        assertThat(r.days61To90()).isEqualByComparingTo("90.00");   // 40 + 50
        assertThat(r.over90Days()).isEqualByComparingTo("60.00");
        assertThat(r.totalDue()).isEqualByComparingTo("210.00");
        // 831 raised, 900 received: nothing due, 69.00 paid ahead
        Ageing.Report ahead = Ageing.of(asOf, List.of(m(day(4, 1), "250.00"), m(day(5, 1), "581.00"), m(day(6, 1), "-900.00")));
        assertThat(ahead.totalDue()).isEqualByComparingTo("0.00");
        assertThat(ahead.advance()).isEqualByComparingTo("69.00");
    }

    @Test
    void aVoidedSaleAndAReversedCollectionDropOutOfTheAgeing() {
        List<PartyStatement.Posting> postings = List.of(
                posting(day(3, 1), "order.confirmed:o1", "250.00", "0.00"),
                posting(day(5, 1), "order.confirmed:o2", "581.00", "0.00"),
                posting(day(5, 2), "order.voided:o2", "0.00", "581.00"),
                posting(day(6, 1), "payment:p1", "0.00", "600.00"),
                posting(day(6, 2), "payment-reversal:p1", "600.00", "0.00"),
                posting(day(6, 3), "payment:p2", "0.00", "100.00"));
        Ageing.Report r = Ageing.of(day(6, 30), StatementService.movements(true, postings));
        // left: the sale of 1 March (250) less the collection of 100 → 150.00, 121 days old
        assertThat(r.over90Days()).isEqualByComparingTo("150.00");
        assertThat(r.totalDue()).isEqualByComparingTo("150.00");
        assertThat(r.days31To60()).isEqualByComparingTo("0.00");
    }
}
