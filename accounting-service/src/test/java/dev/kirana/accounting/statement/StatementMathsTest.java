package dev.kirana.accounting.statement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.accounting.chart.ChartAccount;
import dev.kirana.accounting.chart.StandardChart;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * One shop's March and April 2026, worked by hand.
 * <p>
 * March (the financial year 2025-26): capital 10,000.00 into the till; opening stock 2,370.00; a cash sale of 1,180.00
 * (1,000.00 + CGST 90.00 + SGST 90.00) whose goods cost 600.00. So on 1 April: cash 11,180.00 Dr, inventory 1,770.00 Dr,
 * COGS 600.00 Dr; capital 10,000.00 Cr, stock introduced 2,370.00 Cr, sales 1,000.00 Cr, output CGST and SGST 90.00 Cr
 * each (13,550.00 both sides).
 * <p>
 * April: (1) a sale of 581.00, UPI 300.00 + cash 281.00 = sales 543.82 + CGST 18.55 + SGST 18.55 + round off 0.08;
 * (2) its cost 455.50; (3) a biscuit refunded in cash 30.00 = returns 25.40 + CGST 2.29 + SGST 2.29 + round off 0.02,
 * restocked at 18.50; (4) rent 5,000.00 in cash; (5) damaged stock 200.00 written off; (6) a count finds 18.50 more;
 * (7) 4,000.00 of cash paid into the bank; (8) the UPI provider settles 300.00 less a 6.00 fee (294.00 to the bank);
 * (9) electricity 1,345.60 from the bank.
 */
class StatementMathsTest {
    static final LocalDate APRIL_1 = LocalDate.of(2026, 4, 1);
    static final LocalDate APRIL_30 = LocalDate.of(2026, 4, 30);

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static AccountBalance bal(String code, String od, String oc, String pd, String pc) {
        ChartAccount a = StandardChart.find(code).orElseThrow();
        return new AccountBalance(code, a.name(), a.type(), a.group(), d(od), d(oc), d(pd), d(pc));
    }

    /** Opening (before 1 April) and April's debits and credits per account, from the entries above. */
    static List<AccountBalance> april() {
        return List.of(
                bal("1000", "11180.00", "0", "281.00", "9030.00"),      // in 281; out 30 + 5000 + 4000
                bal("1020", "0", "0", "300.00", "300.00"),
                bal("1050", "0", "0", "4294.00", "1345.60"),            // in 4000 + 294
                bal("1200", "2370.00", "600.00", "37.00", "655.50"),    // in 18.50 + 18.50; out 455.50 + 200
                bal("2100", "0", "90.00", "2.29", "18.55"),
                bal("2110", "0", "90.00", "2.29", "18.55"),
                bal("3000", "0", "10000.00", "0", "0"),
                bal("3100", "0", "2370.00", "0", "0"),
                bal("4000", "0", "1000.00", "0", "543.82"),
                bal("4010", "0", "0", "25.40", "0"),
                bal("4800", "0", "0", "0", "18.50"),
                bal("4900", "0", "0", "0.02", "0.08"),
                bal("5000", "600.00", "0", "455.50", "18.50"),
                bal("5100", "0", "0", "200.00", "0"),
                bal("5300", "0", "0", "5000.00", "0"),
                bal("5310", "0", "0", "1345.60", "0"),
                bal("5360", "0", "0", "6.00", "0"),
                bal("5900", "0", "0", "0", "0"));                       // never used: not shown
    }

    @Test
    void aprilsTrialBalanceAgreesInThePeriodAndAtItsEnd() {
        TrialBalance tb = TrialBalance.of(APRIL_1, APRIL_30, april());
        assertThat(tb.rows()).hasSize(17);
        assertThat(tb.rows().get(0)).isEqualTo(new TrialBalance.Row("1000", "Cash in hand", dev.kirana.accounting.chart.AccountType.ASSET,
                "Cash-in-Hand", d("11180.00"), d("281.00"), d("9030.00"), d("2431.00"), d("2431.00"), d("0.00")));
        // 281 + 300 + 4294 + 37 + 2.29 + 2.29 + 25.40 + 0.02 + 455.50 + 200 + 5000 + 1345.60 + 6 = 11,949.10
        assertThat(tb.totalDebit()).isEqualByComparingTo("11949.10");
        // 9030 + 300 + 1345.60 + 655.50 + 18.55 + 18.55 + 543.82 + 18.50 + 0.08 + 18.50 = 11,949.10
        assertThat(tb.totalCredit()).isEqualByComparingTo("11949.10");
        // Dr: 2431 + 2948.40 + 1151.50 + 25.40 + 1037 + 200 + 5000 + 1345.60 + 6 = 14,144.90
        // Cr: 106.26 + 106.26 + 10000 + 2370 + 1543.82 + 18.50 + 0.06 = 14,144.90
        assertThat(tb.totalClosingDebit()).isEqualByComparingTo("14144.90");
        assertThat(tb.totalClosingCredit()).isEqualByComparingTo("14144.90");
        assertThat(tb.balanced()).isTrue();
        assertThat(tb.rows()).filteredOn(r -> r.account().equals("2100")).extracting(TrialBalance.Row::closingCredit)
                .containsExactly(d("106.26"));                          // 90 + 18.55 − 2.29
    }

    @Test
    void aprilsProfitAndLossIsALossOfRent() {
        ProfitAndLoss pl = ProfitAndLoss.of(APRIL_1, APRIL_30, april());
        assertThat(pl.totalSales()).isEqualByComparingTo("543.82");
        assertThat(pl.totalReturns()).isEqualByComparingTo("25.40");
        assertThat(pl.netSales()).isEqualByComparingTo("518.42");     // 543.82 − 25.40
        assertThat(pl.costOfGoodsSold()).extracting(ProfitAndLoss.Line::account, l -> l.amount().toPlainString())
                .containsExactly(Tuple.tuple("4800", "-18.50"), Tuple.tuple("5000", "437.00"), Tuple.tuple("5100", "200.00"));
        assertThat(pl.totalCostOfGoodsSold()).isEqualByComparingTo("618.50");   // 437 + 200 − 18.50
        assertThat(pl.grossProfit()).isEqualByComparingTo("-100.08");           // 518.42 − 618.50
        assertThat(pl.otherIncome()).extracting(ProfitAndLoss.Line::name).containsExactly("Round off");
        assertThat(pl.totalOtherIncome()).isEqualByComparingTo("0.06");         // 0.08 − 0.02
        assertThat(pl.expenses()).extracting(ProfitAndLoss.Line::name, l -> l.amount().toPlainString()).containsExactly(
                Tuple.tuple("Rent", "5000.00"), Tuple.tuple("Electricity", "1345.60"), Tuple.tuple("Card and UPI fees", "6.00"));
        assertThat(pl.totalExpenses()).isEqualByComparingTo("6351.60");
        // −100.08 + 0.06 − 6351.60; also all income 536.98 less all expenses 6988.60
        assertThat(pl.netProfit()).isEqualByComparingTo("-6451.62");
    }

    @Test
    void theBalanceSheetOn30AprilBalancesWithMarchsProfitAndAprilsLossInEquity() {
        BalanceSheet bs = BalanceSheet.of(APRIL_30, april());
        assertThat(bs.financialYearFrom()).isEqualTo(APRIL_1);
        assertThat(bs.assets()).extracting(BalanceSheet.Section::groupName, s -> s.total().toPlainString()).containsExactly(
                Tuple.tuple("Stock-in-Hand", "1151.50"), Tuple.tuple("Cash-in-Hand", "2431.00"), Tuple.tuple("Bank Accounts", "2948.40"));
        assertThat(bs.totalAssets()).isEqualByComparingTo("6530.90");        // 1151.50 + 2431 + 2948.40
        assertThat(bs.liabilities()).extracting(BalanceSheet.Section::groupName, s -> s.total().toPlainString())
                .containsExactly(Tuple.tuple("Duties & Taxes", "212.52"));      // 106.26 × 2
        assertThat(bs.profitOfEarlierYears()).isEqualByComparingTo("400.00");   // March: 1000 − 600
        assertThat(bs.currentPeriodProfit()).isEqualByComparingTo("-6451.62");
        assertThat(bs.totalEquity()).isEqualByComparingTo("6318.38");          // 10000 + 2370 + 400 − 6451.62
        assertThat(bs.liabilitiesAndEquity()).isEqualByComparingTo("6530.90");
        assertThat(bs.balanced()).isTrue();
        assertThat(bs.check()).isEqualTo("assets 6530.90 = liabilities 212.52 + equity 6318.38");
    }

    @Test
    void anUnbalancedBookSaysByHowMuch() {
        List<AccountBalance> broken = new ArrayList<>(april());
        broken.add(bal("1400", "0", "0", "10.00", "0"));   // a debit with no credit
        BalanceSheet bs = BalanceSheet.of(APRIL_30, broken);
        assertThat(bs.balanced()).isFalse();
        assertThat(bs.check()).isEqualTo("assets 6540.90 ≠ liabilities 212.52 + equity 6318.38 (difference 10.00)");
        assertThat(TrialBalance.of(APRIL_1, APRIL_30, broken).balanced()).isFalse();
    }

    @Test
    void theFinancialYearStartsOnTheFirstOfApril() {
        assertThat(BalanceSheet.financialYearStart(LocalDate.of(2026, 3, 31))).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(BalanceSheet.financialYearStart(LocalDate.of(2026, 4, 1))).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(BalanceSheet.financialYearStart(LocalDate.of(2027, 1, 15))).isEqualTo(LocalDate.of(2026, 4, 1));
    }

    static CashFlow.EntryLine line(UUID entry, String source, String account, String debit, String credit) {
        return new CashFlow.EntryLine(entry, source, account, StandardChart.find(account).orElseThrow().name(), d(debit), d(credit));
    }

    @Test
    void aprilsCashFlowFromTheTillAndTheBank() {
        UUID sale = UUID.randomUUID(), refund = UUID.randomUUID(), rent = UUID.randomUUID(), deposit = UUID.randomUUID(),
                settlement = UUID.randomUUID(), power = UUID.randomUUID();
        List<CashFlow.EntryLine> lines = List.of(
                line(sale, "order.confirmed:o1", "1020", "300.00", "0"), line(sale, "order.confirmed:o1", "1000", "281.00", "0"),
                line(sale, "order.confirmed:o1", "4000", "0", "543.82"), line(sale, "order.confirmed:o1", "2100", "0", "18.55"),
                line(sale, "order.confirmed:o1", "2110", "0", "18.55"), line(sale, "order.confirmed:o1", "4900", "0", "0.08"),
                line(refund, "order.refunded:r1", "4010", "25.40", "0"), line(refund, "order.refunded:r1", "2100", "2.29", "0"),
                line(refund, "order.refunded:r1", "2110", "2.29", "0"), line(refund, "order.refunded:r1", "4900", "0.02", "0"),
                line(refund, "order.refunded:r1", "1000", "0", "30.00"),
                line(rent, "manual:m1", "5300", "5000.00", "0"), line(rent, "manual:m1", "1000", "0", "5000.00"),
                line(deposit, "manual:m2", "1050", "4000.00", "0"), line(deposit, "manual:m2", "1000", "0", "4000.00"),
                line(settlement, "manual:m3", "1050", "294.00", "0"), line(settlement, "manual:m3", "5360", "6.00", "0"),
                line(settlement, "manual:m3", "1020", "0", "300.00"),
                line(power, "manual:m4", "5310", "1345.60", "0"), line(power, "manual:m4", "1050", "0", "1345.60"));
        CashFlow cf = CashFlow.of(APRIL_1, APRIL_30, List.of(new CashFlow.CashAccount("1000", "Cash in hand", d("11180.00")),
                new CashFlow.CashAccount("1050", "Bank accounts", d("0"))), lines);
        assertThat(cf.opening()).isEqualByComparingTo("11180.00");
        assertThat(cf.inflows()).containsExactly(new CashFlow.Flow("Sales", d("281.00"), 1),
                new CashFlow.Flow("UPI settlements receivable", d("294.00"), 1));
        assertThat(cf.outflows()).containsExactly(new CashFlow.Flow("Refunds", d("30.00"), 1), new CashFlow.Flow("Rent", d("5000.00"), 1),
                new CashFlow.Flow("Electricity", d("1345.60"), 1));
        assertThat(cf.totalIn()).isEqualByComparingTo("575.00");
        assertThat(cf.totalOut()).isEqualByComparingTo("6375.60");
        assertThat(cf.netChange()).isEqualByComparingTo("-5800.60");
        assertThat(cf.closing()).isEqualByComparingTo("5379.40");             // 11180 − 5800.60 = 2431.00 + 2948.40
        assertThat(cf.accounts()).containsExactly(
                new CashFlow.AccountMovement("1000", "Cash in hand", d("11180.00"), d("281.00"), d("9030.00"), d("2431.00")),
                new CashFlow.AccountMovement("1050", "Bank accounts", d("0.00"), d("4294.00"), d("1345.60"), d("2948.40")));
    }

    @Test
    void monthByMonthMarchThenApril() {
        List<AccountBalance> march = List.of(bal("1000", "0", "0", "11180.00", "0"), bal("4000", "0", "0", "0", "1000.00"),
                bal("5000", "0", "0", "600.00", "0"));
        List<AccountBalance> aprilMoves = april().stream().map(b -> new AccountBalance(b.code(), b.name(), b.type(), b.group(),
                d("0"), d("0"), b.debit(), b.credit())).toList();
        MonthlySummary s = MonthlySummary.of(LocalDate.of(2026, 3, 1), APRIL_30,
                Map.of(YearMonth.of(2026, 3), march, YearMonth.of(2026, 4), aprilMoves), d("0"),
                Map.of(YearMonth.of(2026, 3), d("11180.00"), YearMonth.of(2026, 4), d("-5800.60")));
        assertThat(s.months()).containsExactly(
                new MonthlySummary.Month(YearMonth.of(2026, 3), d("1000.00"), d("600.00"), d("400.00"), d("0.00"), d("0.00"), d("400.00"), d("11180.00")),
                new MonthlySummary.Month(YearMonth.of(2026, 4), d("518.42"), d("618.50"), d("-100.08"), d("0.06"), d("6351.60"), d("-6451.62"),
                        d("5379.40")));
        assertThat(s.totalNetSales()).isEqualByComparingTo("1518.42");
        assertThat(s.totalNetProfit()).isEqualByComparingTo("-6051.62");
    }

    @Test
    void aLedgerRunsItsBalanceOnTheAccountsNormalSide() {
        // output CGST: 90.00 brought forward (credit); the sale adds 18.55, the refund takes back 2.29
        var ledger = AccountLedger.of("2100", "Output CGST", dev.kirana.accounting.chart.AccountType.LIABILITY, APRIL_1, APRIL_30,
                d("0"), d("90.00"), List.of(
                        new AccountLedger.Posting(LocalDate.of(2026, 4, 3), UUID.randomUUID(), "Sale INV/2627/00001", "order.confirmed:o1", d("0"), d("18.55")),
                        new AccountLedger.Posting(LocalDate.of(2026, 4, 4), UUID.randomUUID(), "Credit note", "order.refunded:r1", d("2.29"), d("0"))));
        assertThat(ledger.opening()).isEqualByComparingTo("90.00");
        assertThat(ledger.lines()).extracting(l -> l.balance().toPlainString()).containsExactly("108.55", "106.26");
        assertThat(ledger.totalDebit()).isEqualByComparingTo("2.29");
        assertThat(ledger.totalCredit()).isEqualByComparingTo("18.55");
        assertThat(ledger.closing()).isEqualByComparingTo("106.26");
    }

    @Test
    void exportsCarryTheFigures() {
        StatementTable t = TrialBalance.of(APRIL_1, APRIL_30, april()).table();
        String csv = new String(StatementFiles.csv(t), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFTrial balance\r\n2026-04-01 to 2026-04-30\r\nCode,Account,Type,Group,Opening (Dr-Cr),")
                .contains("\r\n1000,Cash in hand,ASSET,Cash-in-Hand,11180.00,281.00,9030.00,2431.00,0.00\r\n")
                .endsWith("\r\n,Total,,,,11949.10,11949.10,14144.90,14144.90\r\n");
        assertThat(StatementFiles.pdf(ProfitAndLoss.of(APRIL_1, APRIL_30, april()).table())).startsWith("%PDF".getBytes());
        byte[] xlsx = StatementFiles.xlsx(BalanceSheet.of(APRIL_30, april()).table());
        assertThat(xlsx).startsWith(new byte[]{'P', 'K'});
    }

    @Test
    void theTrialBalanceTotalsAreTheSheetsBoldLastRowAndTheMonthlySummaryPdfHasItsChart() throws Exception {
        byte[] xlsx = StatementFiles.xlsx(TrialBalance.of(APRIL_1, APRIL_30, april()).table());
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            var totals = sheet.getRow(sheet.getLastRowNum());
            assertThat(totals.getCell(1).getStringCellValue()).isEqualTo("Total");
            assertThat(totals.getCell(1).getCellStyle().getFont().getBold()).isTrue();
            assertThat(totals.getCell(5).getNumericCellValue()).isEqualTo(11949.10);
            assertThat(totals.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(totals.getCell(4)).isNull();
            // the filter covers the accounts, not the totals line
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A4:I" + sheet.getLastRowNum());
        }
        MonthlySummary s = MonthlySummary.of(LocalDate.of(2026, 3, 1), APRIL_30,
                Map.of(YearMonth.of(2026, 3), List.of(bal("4000", "0", "0", "0", "1000.00")), YearMonth.of(2026, 4), List.of()), d("0"),
                Map.of(YearMonth.of(2026, 3), d("1000.00"), YearMonth.of(2026, 4), d("1000.00")));
        var reader = new com.lowagie.text.pdf.PdfReader(StatementFiles.pdf(s.table()));
        try {
            var resources = reader.getPageN(1).getAsDict(com.lowagie.text.pdf.PdfName.RESOURCES);
            assertThat(resources.getAsDict(com.lowagie.text.pdf.PdfName.XOBJECT)).isNotNull();   // the drawn chart
            assertThat(new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1))
                    .contains("Monthly summary", "2026-03-01 to 2026-04-30   (amounts in Rs.)", "1,000.00");
        } finally {
            reader.close();
        }
    }
}
