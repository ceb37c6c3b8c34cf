package dev.kirana.accounting.itc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.accounting.itc.ItcMatcher.MatchDifference;
import dev.kirana.accounting.itc.ItcMatcher.Match;
import dev.kirana.accounting.itc.ItcMatcher.Status;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The matching rules with documents made by hand: every status, the tolerance at its edge, numbers written differently. */
class ItcMatcherTest {
    static final String SHARMA = "27AABCS1429B1ZU";
    static final String BANGALORE = "29AAGCB7383J1Z4";
    static final BigDecimal ONE = new BigDecimal("1.00");
    static final LocalDate NOV_3 = LocalDate.of(2026, 11, 3);

    static ItcAmounts intra(String taxable, String cgst, String sgst) {
        return new ItcAmounts(new BigDecimal(taxable), BigDecimal.ZERO, new BigDecimal(cgst), new BigDecimal(sgst), BigDecimal.ZERO);
    }

    static ItcAmounts inter(String taxable, String igst) {
        return new ItcAmounts(new BigDecimal(taxable), new BigDecimal(igst), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    static BookDocument bill(String gstin, String number, LocalDate date, ItcAmounts tax) {
        return new BookDocument(UUID.randomUUID(), DocumentType.INVOICE, UUID.randomUUID(), gstin, "Supplier", number, date, tax);
    }

    static BookDocument returned(String gstin, String number, LocalDate date, ItcAmounts tax) {
        return new BookDocument(UUID.randomUUID(), DocumentType.CREDIT_NOTE, UUID.randomUUID(), gstin, "Supplier", number, date, tax);
    }

    static Gstr2b.Document doc(DocumentType type, String gstin, String number, LocalDate date, ItcAmounts tax, String itc, boolean rev) {
        return new Gstr2b.Document(type, gstin, "SUPPLIER", "112026", LocalDate.of(2026, 12, 11), number, date, "R",
                tax.taxableValue().add(tax.tax()), "27", rev, itc, null, tax);
    }

    static Gstr2b.Document invoice(String gstin, String number, LocalDate date, ItcAmounts tax) {
        return doc(DocumentType.INVOICE, gstin, number, date, tax, "Y", false);
    }

    static Match only(List<Match> matches) {
        assertThat(matches).hasSize(1);
        return matches.get(0);
    }

    @Test
    void numbersAreComparedWithoutCaseSpacesSeparatorsAndLeadingZeros() {
        assertThat(InvoiceNumbers.normalise("inv/0012")).isEqualTo("INV0012");
        assertThat(InvoiceNumbers.normalise("0012")).isEqualTo(InvoiceNumbers.normalise("12")).isEqualTo("12");
        assertThat(InvoiceNumbers.normalise("ST-0412")).isEqualTo(InvoiceNumbers.normalise(" st/0412 ")).isEqualTo("ST0412");
        assertThat(InvoiceNumbers.normalise("/0-12")).isEqualTo("12");          // separators go first, then the leading zeros
        assertThat(InvoiceNumbers.normalise("a b-1")).isEqualTo("AB1");
        assertThat(InvoiceNumbers.normalise("000")).isEqualTo("0");
        // zeros after a prefix are part of the number; other characters are kept
        assertThat(InvoiceNumbers.normalise("ST/412")).isNotEqualTo(InvoiceNumbers.normalise("ST/0412"));
        assertThat(InvoiceNumbers.normalise("A.1")).isNotEqualTo(InvoiceNumbers.normalise("A1"));
        assertThat(InvoiceNumbers.key("27aabcs1429b1zu", "st-1")).isEqualTo(InvoiceNumbers.key(SHARMA, "ST/1"));
    }

    @Test
    void theSameInvoiceWrittenDifferentlyIsMatched() {
        // 1,000.00 at 5 % within the state: CGST 25.00 + SGST 25.00 on both sides; "st/0412" and "ST-0412" are one number
        Match m = only(ItcMatcher.match(List.of(bill(SHARMA, "st/0412", NOV_3, intra("1000.00", "25.00", "25.00"))),
                List.of(invoice(SHARMA, "ST-0412", NOV_3, intra("1000.00", "25.00", "25.00"))), ONE));
        assertThat(m.status()).isEqualTo(Status.MATCHED);
        assertThat(m.differences()).isEmpty();
        assertThat(m.books().number()).isEqualTo("st/0412");
        assertThat(m.twoB().number()).isEqualTo("ST-0412");
    }

    @Test
    void aDifferenceOfExactlyTheToleranceAgreesAndAPaisaMoreDoesNot() {
        // books 1,000.00 / 25.00 / 25.00; 2B 1,001.00 (1.00 more: within ₹1) and 26.01 / 25.00 (CGST 1.01 more: beyond)
        BookDocument b = bill(SHARMA, "S-1", NOV_3, intra("1000.00", "25.00", "25.00"));
        Match m = only(ItcMatcher.match(List.of(b), List.of(invoice(SHARMA, "S-1", NOV_3, intra("1001.00", "26.01", "25.00"))), ONE));
        assertThat(m.status()).isEqualTo(Status.MISMATCHED);
        assertThat(m.differences()).containsExactly(new MatchDifference("cgst", "25.00", "26.01"));
        // the same pair at a tolerance of 1.01: every amount agrees
        assertThat(only(ItcMatcher.match(List.of(b), List.of(invoice(SHARMA, "S-1", NOV_3, intra("1001.00", "26.01", "25.00"))),
                new BigDecimal("1.01"))).status()).isEqualTo(Status.MATCHED);
        // and at a tolerance of 0 a paisa apart is a mismatch: 1,000.00 against 1,000.01
        Match strict = only(ItcMatcher.match(List.of(b), List.of(invoice(SHARMA, "S-1", NOV_3, intra("1000.01", "25.00", "25.00"))),
                BigDecimal.ZERO));
        assertThat(strict.differences()).containsExactly(new MatchDifference("taxableValue", "1000.00", "1000.01"));
    }

    @Test
    void aMismatchNamesEveryFieldWithBothValues() {
        // books 10-11: 1,000.00 at 18 % = CGST 90.00 + SGST 90.00; the supplier reported 11-11 and 1,100.00 = 99.00 + 99.00
        Match m = only(ItcMatcher.match(List.of(bill(SHARMA, "ST/0419", LocalDate.of(2026, 11, 10), intra("1000.00", "90.00", "90.00"))),
                List.of(invoice(SHARMA, "ST/0419", LocalDate.of(2026, 11, 11), intra("1100.00", "99.00", "99.00"))), ONE));
        assertThat(m.status()).isEqualTo(Status.MISMATCHED);
        assertThat(m.differences()).containsExactly(
                new MatchDifference("date", "2026-11-10", "2026-11-11"),
                new MatchDifference("taxableValue", "1000.00", "1100.00"),
                new MatchDifference("cgst", "90.00", "99.00"),
                new MatchDifference("sgst", "90.00", "99.00"));
    }

    @Test
    void cessReportedByTheSupplierIsADifferenceTheBooksDoNotCarry() {
        ItcAmounts withCess = new ItcAmounts(new BigDecimal("1000.00"), new BigDecimal("280.00"), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("50.00"));
        Match m = only(ItcMatcher.match(List.of(bill(BANGALORE, "T-9", NOV_3, inter("1000.00", "280.00"))),
                List.of(invoice(BANGALORE, "T-9", NOV_3, withCess)), ONE));
        assertThat(m.differences()).containsExactly(new MatchDifference("cess", "0.00", "50.00"));
    }

    @Test
    void whatOneSideAloneHasIsInBooksOnlyOrIn2bOnly() {
        List<Match> matches = ItcMatcher.match(
                List.of(bill(SHARMA, "ST/0425", LocalDate.of(2026, 11, 20), intra("1000.00", "25.00", "25.00"))),
                List.of(invoice(BANGALORE, "BT-2211", LocalDate.of(2026, 11, 15), inter("2000.00", "360.00"))), ONE);
        assertThat(matches).extracting(Match::status).containsExactly(Status.IN_BOOKS_ONLY, Status.IN_2B_ONLY);
        assertThat(matches.get(0).twoB()).isNull();
        assertThat(matches.get(1).books()).isNull();
        assertThat(matches.get(1).supplierGstin()).isEqualTo(BANGALORE);
    }

    @Test
    void anotherNumberWithTheSameSupplierDateAndAmountsIsProbable() {
        LocalDate nov25 = LocalDate.of(2026, 11, 25);
        Match m = only(ItcMatcher.match(List.of(bill(BANGALORE, "KT/118", nov25, inter("500.00", "90.00"))),
                List.of(invoice(BANGALORE, "KT/181", nov25, inter("500.00", "90.00"))), ONE));
        assertThat(m.status()).isEqualTo(Status.PROBABLE);
        assertThat(m.differences()).containsExactly(new MatchDifference("number", "KT/118", "KT/181"));
        // amounts within the tolerance still make it probable: 500.50 / 90.40 against 500.00 / 90.00
        assertThat(only(ItcMatcher.match(List.of(bill(BANGALORE, "KT/118", nov25, inter("500.00", "90.00"))),
                List.of(invoice(BANGALORE, "KT/181", nov25, inter("500.50", "90.40"))), ONE)).status()).isEqualTo(Status.PROBABLE);
    }

    @Test
    void notProbableOnAnotherDateAnotherSupplierOrAmountsBeyondTheTolerance() {
        LocalDate nov25 = LocalDate.of(2026, 11, 25);
        BookDocument b = bill(BANGALORE, "KT/118", nov25, inter("500.00", "90.00"));
        assertThat(ItcMatcher.match(List.of(b), List.of(invoice(BANGALORE, "KT/181", nov25.plusDays(1), inter("500.00", "90.00"))), ONE))
                .extracting(Match::status).containsExactly(Status.IN_BOOKS_ONLY, Status.IN_2B_ONLY);
        assertThat(ItcMatcher.match(List.of(b), List.of(invoice(SHARMA, "KT/181", nov25, inter("500.00", "90.00"))), ONE))
                .extracting(Match::status).containsExactly(Status.IN_BOOKS_ONLY, Status.IN_2B_ONLY);
        // IGST 91.01 is 1.01 more than the books' 90.00
        assertThat(ItcMatcher.match(List.of(b), List.of(invoice(BANGALORE, "KT/181", nov25, inter("500.00", "91.01"))), ONE))
                .extracting(Match::status).containsExactly(Status.IN_BOOKS_ONLY, Status.IN_2B_ONLY);
    }

    @Test
    void aSuppliersCreditNotePairsWithAReturnAndNeverWithABill() {
        LocalDate nov12 = LocalDate.of(2026, 11, 12);
        // 2 of 10 returned at 100.00 at 5 %: 200.00, CGST 5.00, SGST 5.00, under the shop's debit note DN/26-27/0001
        BookDocument ret = returned(SHARMA, "DN/26-27/0001", nov12, intra("200.00", "5.00", "5.00"));
        BookDocument sameNumberBill = bill(SHARMA, "CN/88", nov12, intra("200.00", "5.00", "5.00"));
        Gstr2b.Document credit = doc(DocumentType.CREDIT_NOTE, SHARMA, "CN/88", nov12, intra("200.00", "5.00", "5.00"), "Y", false);
        List<Match> matches = ItcMatcher.match(List.of(ret, sameNumberBill), List.of(credit), ONE);
        // the note's number is the supplier's, the return's the shop's: paired as probable, by supplier, date and amounts
        assertThat(matches).extracting(Match::status).containsExactly(Status.PROBABLE, Status.IN_BOOKS_ONLY);
        assertThat(matches.get(0).books()).isSameAs(ret);
        assertThat(matches.get(1).books()).isSameAs(sameNumberBill);
        // a return under the number the supplier's note carries is matched by its key
        BookDocument numbered = returned(SHARMA, "cn-88", nov12, intra("200.00", "5.00", "5.00"));
        assertThat(only(ItcMatcher.match(List.of(numbered), List.of(credit), ONE)).status()).isEqualTo(Status.MATCHED);
    }

    @Test
    void aSuppliersDebitNoteHasNothingToPairWith() {
        Gstr2b.Document debit = doc(DocumentType.DEBIT_NOTE, SHARMA, "DN-5", NOV_3, intra("100.00", "2.50", "2.50"), "Y", false);
        Match m = only(ItcMatcher.match(List.of(), List.of(debit), ONE));
        assertThat(m.status()).isEqualTo(Status.IN_2B_ONLY);
        assertThat(m.type()).isEqualTo(DocumentType.DEBIT_NOTE);
    }

    @Test
    void documentsUnderOneKeyPairInDateOrder() {
        // "S-1" and "S/1" are one key; the books' two bills of it pair with the 2B's two in date order
        LocalDate nov1 = LocalDate.of(2026, 11, 1);
        BookDocument early = bill(SHARMA, "S-1", nov1, intra("100.00", "2.50", "2.50"));
        BookDocument late = bill(SHARMA, "S/1", nov1.plusDays(5), intra("300.00", "7.50", "7.50"));
        List<Match> matches = ItcMatcher.match(List.of(late, early),
                List.of(invoice(SHARMA, "s1", nov1.plusDays(5), intra("300.00", "7.50", "7.50")), invoice(SHARMA, "S1", nov1, intra("100.00", "2.50", "2.50"))),
                ONE);
        assertThat(matches).extracting(Match::status).containsExactly(Status.MATCHED, Status.MATCHED);
        assertThat(matches).extracting(m -> m.books().date()).containsExactly(nov1, nov1.plusDays(5));
    }

    @Test
    void anEarlierBillIsTakenOnlyWhenTheStatementNamesItAndALaterOneNever() {
        YearMonth nov = YearMonth.of(2026, 11);
        BookDocument october = bill(SHARMA, "ST/0398", LocalDate.of(2026, 10, 28), intra("400.00", "10.00", "10.00"));
        BookDocument otherOctober = bill(SHARMA, "ST/0399", LocalDate.of(2026, 10, 29), intra("400.00", "10.00", "10.00"));
        BookDocument november = bill(SHARMA, "ST/0412", NOV_3, intra("1000.00", "25.00", "25.00"));
        BookDocument december = bill(SHARMA, "ST/0440", LocalDate.of(2026, 12, 1), intra("1000.00", "25.00", "25.00"));
        List<Gstr2b.Document> twoB = List.of(invoice(SHARMA, "ST-398", LocalDate.of(2026, 10, 28), intra("400.00", "10.00", "10.00")),
                invoice(SHARMA, "ST/0440", LocalDate.of(2026, 12, 1), intra("1000.00", "25.00", "25.00")));
        // "ST-398" is not "ST/0398" (zeros after the prefix count), so October's bill is left out; "ST/0440" is dated after November
        assertThat(ItcMatcher.inScope(List.of(october, otherOctober, november, december), nov, twoB)).containsExactly(november);
        List<Gstr2b.Document> named = List.of(invoice(SHARMA, "st/0398", LocalDate.of(2026, 10, 28), intra("400.00", "10.00", "10.00")));
        assertThat(ItcMatcher.inScope(List.of(october, otherOctober, november, december), nov, named)).containsExactly(october, november);
    }

    @Test
    void theCreditSummaryPerHead() {
        YearMonth nov = YearMonth.of(2026, 11);
        List<BookDocument> books = List.of(
                bill(SHARMA, "A", NOV_3, intra("1000.00", "25.00", "25.00")),
                bill(BANGALORE, "B", NOV_3, inter("1000.00", "180.00")),
                returned(SHARMA, "DN/1", NOV_3, intra("200.00", "5.00", "5.00")),
                bill(SHARMA, "OLD", LocalDate.of(2026, 10, 30), intra("400.00", "10.00", "10.00")));   // October's: not November's credit
        List<Gstr2b.Document> twoB = List.of(
                invoice(SHARMA, "A", NOV_3, intra("1000.00", "25.00", "25.00")),
                invoice(BANGALORE, "B", NOV_3, inter("1000.00", "180.00")),
                doc(DocumentType.CREDIT_NOTE, SHARMA, "CN/1", NOV_3, intra("200.00", "5.00", "5.00"), "Y", false),
                doc(DocumentType.DEBIT_NOTE, SHARMA, "DB/1", NOV_3, intra("40.00", "1.00", "1.00"), "Y", false),
                doc(DocumentType.INVOICE, BANGALORE, "RC", NOV_3, inter("100.00", "18.00"), "Y", true),
                doc(DocumentType.INVOICE, BANGALORE, "NA", NOV_3, inter("300.00", "54.00"), "N", false),
                doc(DocumentType.INVOICE, BANGALORE, "TMP", NOV_3, inter("50.00", "9.00"), "T", false));
        ItcMatcher.ItcSummary s = ItcMatcher.summary(books, twoB, nov);
        // available: 1,000 + 1,000 - 200 + 40 = 1,840.00 taxable; IGST 180.00; CGST 25 - 5 + 1 = 21.00; SGST 21.00
        assertThat(s.available()).isEqualTo(new ItcAmounts(new BigDecimal("1840"), new BigDecimal("180"), new BigDecimal("21"), new BigDecimal("21"), BigDecimal.ZERO));
        assertThat(s.reverseCharge()).isEqualTo(inter("100.00", "18.00"));
        // not available: itcavl N 300.00 / 54.00 and T 50.00 / 9.00 = 350.00 / 63.00
        assertThat(s.notAvailable()).isEqualTo(inter("350.00", "63.00"));
        // books: 1,000 + 1,000 - 200 = 1,800.00; IGST 180.00; CGST 25 - 5 = 20.00; SGST 20.00 (October's bill left out)
        assertThat(s.books()).isEqualTo(new ItcAmounts(new BigDecimal("1800"), new BigDecimal("180"), new BigDecimal("20"), new BigDecimal("20"), BigDecimal.ZERO));
        // books less available: 1,800 - 1,840 = -40.00; IGST 0.00; CGST 20 - 21 = -1.00; SGST -1.00
        assertThat(s.difference()).isEqualTo(new ItcAmounts(new BigDecimal("-40"), BigDecimal.ZERO, new BigDecimal("-1"), new BigDecimal("-1"), BigDecimal.ZERO));
        assertThat(ItcMatcher.counts(List.of())).containsEntry(Status.MATCHED, 0).hasSize(5);
    }
}
