package dev.kirana.accounting.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BankRulesTest {
    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static LocalDate day(int d) {
        return LocalDate.of(2026, 10, d);
    }

    @Test
    void aUpiSettlementOfTenThousandWithAnEighteenRupeeFeePutsNineThousandNineHundredEightyTwoInTheBank() {
        // Dr bank 10,000.00 − 18.00 = 9,982.00; Dr fees 5360 18.00; Cr UPI clearing 1020 10,000.00 (9,982 + 18 = 10,000)
        var e = BankEntries.settlement(UUID.randomUUID(), day(21), "PhonePe", "1020", "1051", "HDFC", d("10000.00"), d("18.00"), "PP-1");
        assertThat(e.lines()).extracting(l -> l.account() + " " + l.debit() + " " + l.credit())
                .containsExactly("1051 9982.00 0.00", "5360 18.00 0.00", "1020 0.00 10000.00");
        var deposit = BankEntries.deposit(UUID.randomUUID(), day(20), "1051", "HDFC", d("5000"), null);
        assertThat(deposit.lines()).extracting(l -> l.account() + " " + l.debit() + " " + l.credit())
                .containsExactly("1051 5000.00 0.00", "1000 0.00 5000.00");
    }

    @Test
    void statementHeadersAreMatchedLooselyAndBadRowsAreNamed() {
        String csv = """
                Account No,XXXXXX4411
                Txn Date,Value Dt,Narration,Chq./Ref.No.,Withdrawal Amt.,Deposit Amt.,Closing Balance
                22/10/2026,22/10/2026,CASH DEP BRANCH,DEP-118,,"5,000.00","5,000.00"
                21-Oct-2026,21-Oct-2026,PHONEPE SETTL,PP-SETL-1021,,9982.00,14982.00
                2026-10-24,,SMS CHARGES,,17.70,,14964.30
                32/13/2026,,BAD DATE,,1.00,,
                24/10/2026,,BOTH,,1.00,2.00,
                """;
        var parsed = StatementCsv.parse(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.lines()).extracting(l -> l.date() + " " + l.reference() + " " + l.debit() + " " + l.credit())
                .containsExactly("2026-10-22 DEP-118 0.00 5000.00", "2026-10-21 PP-SETL-1021 0.00 9982.00", "2026-10-24 null 17.70 0.00");
        assertThat(parsed.lines().get(0).description()).isEqualTo("CASH DEP BRANCH");
        assertThat(parsed.rejected()).extracting(StatementCsv.Rejected::lineNo).containsExactly(6, 7);

        var plain = StatementCsv.parse("date,description,reference,debit,credit\n2026-10-01,Rent,,15000,\n".getBytes(StandardCharsets.UTF_8));
        assertThat(plain.lines()).hasSize(1);
        assertThat(plain.lines().get(0).debit()).isEqualByComparingTo("15000.00");
        assertThatThrownBy(() -> StatementCsv.parse("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8))).isInstanceOf(StatementCsv.BadStatement.class);
    }

    @Test
    void oneMatchedAndOneUnmatchedOnEachSide() {
        var s1 = new Reconciler.StatementLine("s1", day(22), "DEP-118", "CASH DEP", d("0.00"), d("5000.00"));
        var s2 = new Reconciler.StatementLine("s2", day(24), null, "SMS CHARGES", d("17.70"), d("0.00"));
        var b1 = new Reconciler.BookLine("e1#1", day(20), "DEP-118", "Cash deposited", d("5000.00"), d("0.00"));
        var b2 = new Reconciler.BookLine("e2#1", day(23), null, "Transfer to SBI", d("0.00"), d("500.00"));
        var matches = Reconciler.match(List.of(s1, s2), List.of(b1, b2));
        // s1 ↔ b1: 5,000.00 in on both sides, 2 days apart (≤ 3), the same reference; s2 (17.70 out) has no book line; b2 (500.00 out) no statement line
        assertThat(matches).extracting(m -> m.statement().id() + "=" + m.book().key()).containsExactly("s1=e1#1");
    }

    @Test
    void amountSideDateWindowAndReferenceDecide() {
        var in = new Reconciler.StatementLine("s", day(10), null, null, d("0"), d("100.00"));
        // a book credit of 100.00 is money out, not in
        assertThat(Reconciler.match(List.of(in), List.of(new Reconciler.BookLine("x#1", day(10), null, null, d("0"), d("100.00"))))).isEmpty();
        // four days apart is too far, three is not
        assertThat(Reconciler.match(List.of(in), List.of(new Reconciler.BookLine("x#1", day(14), null, null, d("100.00"), d("0"))))).isEmpty();
        assertThat(Reconciler.match(List.of(in), List.of(new Reconciler.BookLine("x#1", day(13), null, null, d("100.00"), d("0"))))).hasSize(1);
        // two references that differ do not match; of two candidates the one naming the reference wins over a nearer one
        var withRef = new Reconciler.StatementLine("s", day(10), "UTR-77", null, d("0"), d("100.00"));
        assertThat(Reconciler.match(List.of(withRef), List.of(new Reconciler.BookLine("x#1", day(10), "UTR-78", null, d("100.00"), d("0"))))).isEmpty();
        var near = new Reconciler.BookLine("near#1", day(10), null, "cash", d("100.00"), d("0"));
        var named = new Reconciler.BookLine("named#1", day(12), null, "Received by UPI (utr-77)", d("100.00"), d("0"));
        assertThat(Reconciler.match(List.of(withRef), List.of(near, named))).extracting(m -> m.book().key()).containsExactly("named#1");
    }

    @Test
    void theShopsOnlyBankAccountIsTheDefaultAndWithNoneOrSeveralItIs1050() {
        assertThat(BankAccountChoice.defaultOf(List.of("1051"))).isEqualTo("1051");
        assertThat(BankAccountChoice.defaultOf(List.of())).isEqualTo("1050");
        assertThat(BankAccountChoice.defaultOf(List.of("1051", "1052"))).isEqualTo("1050");
    }
}
