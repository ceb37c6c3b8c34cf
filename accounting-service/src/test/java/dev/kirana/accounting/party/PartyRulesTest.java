package dev.kirana.accounting.party;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.accounting.journal.Account;
import dev.kirana.accounting.journal.JournalEntry;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class PartyRulesTest {
    static final LocalDate DAY = LocalDate.of(2026, 4, 1);

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static PartyDetails.Checked check(String name, String phone, String gstin, String state, String limit, String opening) {
        return PartyDetails.check(name, phone, gstin, state, null, limit == null ? null : d(limit), opening == null ? null : d(opening),
                DAY, null);
    }

    @Test
    void aPhoneIsKeptAsItsDigitsAndAnIndianMobileWithoutItsPrefix() {
        assertThat(PartyDetails.normalizePhone("98765 00001")).isEqualTo("9876500001");
        assertThat(PartyDetails.normalizePhone("+91 98765-00001")).isEqualTo("9876500001");
        assertThat(PartyDetails.normalizePhone("919876500001")).isEqualTo("9876500001");
        assertThat(PartyDetails.normalizePhone("080 2656 1234")).isEqualTo("08026561234"); // a Bengaluru landline keeps its 0
        assertThat(PartyDetails.normalizePhone("  ")).isNull();
        assertThat(check("Asha", "98-76", null, null, null, null).errors()).containsKey("phone");
    }

    @Test
    void aGstinIsCheckedAndGivesTheStateWhenNoneIsGiven() {
        PartyDetails ok = check("Patil Traders", null, "27aapfu0939f1zv", null, null, null).details();
        assertThat(ok.gstin()).isEqualTo("27AAPFU0939F1ZV");
        assertThat(ok.stateCode()).isEqualTo("27");
        assertThat(check("Patil Traders", null, "27AAPFU0939F1ZV", "27", null, null).valid()).isTrue();
        // the check character of 27AAPFU0939F1Z is V (see GstinTest): W is a typo
        assertThat(check("Patil Traders", null, "27AAPFU0939F1ZW", null, null, null).errors().get("gstin")).contains("check character");
        // a Maharashtra GSTIN for a party said to be in Karnataka
        assertThat(check("Patil Traders", null, "27AAPFU0939F1ZV", "29", null, null).errors().get("gstin"))
                .contains("Maharashtra").contains("29");
        assertThat(check("X", null, null, "39", null, null).errors()).containsKey("stateCode");
    }

    @Test
    void nameLimitAndOpeningBalanceAreChecked() {
        assertThat(check(" ", null, null, null, null, null).errors()).containsKey("name");
        assertThat(check("Asha", null, null, null, "-1", null).errors()).containsKey("creditLimit");
        assertThat(check("Asha", null, null, null, "10.005", null).errors()).containsKey("creditLimit");
        assertThat(check("Asha", null, null, null, null, "99.999").errors()).containsKey("openingBalance");
        PartyDetails d = check("Asha", null, null, null, "5000", "-150.5").details();
        assertThat(d.creditLimit()).isEqualTo(d("5000.00"));
        assertThat(d.openingBalance()).isEqualTo(d("-150.50"));
        assertThat(check("Asha", null, null, null, null, null).details().openingBalance()).isEqualTo(d("0.00"));
    }

    @Test
    void balancesAreInTheCustomersAndTheSuppliersOwnSense() {
        // a customer who bought 581.00 on credit and paid 500.00 owes 81.00
        assertThat(PartyKind.CUSTOMER.balance(d("581.00"), d("500.00"))).isEqualByComparingTo("81.00");
        // a supplier who billed 1000.00 (credit) and was paid 1100.00 (debit) holds an advance of 100.00
        assertThat(PartyKind.SUPPLIER.balance(d("1100.00"), d("1000.00"))).isEqualByComparingTo("-100.00");
        assertThat(PartyKind.SUPPLIER.controlAccount()).isEqualTo(Account.SUPPLIERS);
    }

    static java.util.List<Tuple> lines(JournalEntry e) {
        return e.lines().stream().map(l -> Tuple.tuple(l.account(), l.debit().toPlainString(), l.credit().toPlainString())).toList();
    }

    @Test
    void openingBalancesPostAgainstOpeningBalancesEquity() {
        assertThat(lines(OpeningBalance.entry(PartyKind.CUSTOMER, "Asha", "9876500001", d("250.00"), DAY, "party.opening:a")))
                .containsExactly(Tuple.tuple(Account.CUSTOMERS, "250.00", "0.00"), Tuple.tuple(Account.OPENING_BALANCES, "0.00", "250.00"));
        // a customer who had paid 75.00 ahead
        assertThat(lines(OpeningBalance.entry(PartyKind.CUSTOMER, "Asha", null, d("-75.00"), DAY, "party.opening:a")))
                .containsExactly(Tuple.tuple(Account.OPENING_BALANCES, "75.00", "0.00"), Tuple.tuple(Account.CUSTOMERS, "0.00", "75.00"));
        JournalEntry supplier = OpeningBalance.entry(PartyKind.SUPPLIER, "Gupta Wholesale", "29AAGCB7383J1Z4", d("1000.00"), DAY, "party.opening:s");
        assertThat(lines(supplier)).containsExactly(Tuple.tuple(Account.OPENING_BALANCES, "1000.00", "0.00"),
                Tuple.tuple(Account.SUPPLIERS, "0.00", "1000.00"));
        assertThat(supplier.lines().get(1).party()).isEqualTo("29AAGCB7383J1Z4");
        assertThat(supplier.totalDebits()).isEqualByComparingTo(supplier.totalCredits());
    }
}
