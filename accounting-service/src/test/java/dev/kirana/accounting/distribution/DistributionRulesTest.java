package dev.kirana.accounting.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kirana.accounting.khata.Ageing;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The distribution rules with figures worked by hand: IMEI check digits, reading PRM rows, planning an import, OD. */
class DistributionRulesTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    static final List<String> HEADERS = List.of("Retailer Code", "Retailer Name", "Model", "Model Name", "IMEI/Serial", "Status",
            "Activation Date", "Price");
    static final Map<PrmField, Integer> COLUMNS = PrmField.locate(HEADERS);

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static PrmRow.Parsed parse(Object... cells) {
        return PrmRow.parse(new PrmRow.Raw(7, new ArrayList<>(Arrays.asList(cells))), COLUMNS, TODAY);
    }

    // ---- IMEI ----

    @Test
    void theLuhnCheckDigitOfAnImei() {
        // 4 9 0 1 5 4 2 0 3 2 3 7 5 1, from the right: doubled 1→2, 7→14→5, 2→4, 0→0, 4→8, 1→2, 9→18→9 = 30;
        // kept 5, 3, 3, 2, 5, 0, 4 = 22; 30 + 22 = 52, and 8 brings it to 60
        assertThat(Imei.checkDigit("49015420323751")).isEqualTo(8);
        assertThat(Imei.luhnValid("490154203237518")).isTrue();
        assertThat(Imei.luhnValid("490154203237519")).isFalse();
        assertThat(Imei.problem("490154203237519")).contains("IMEI 490154203237519 fails its check digit (should end in 8)");
        assertThat(Imei.problem("35693803564380")).contains("IMEI 35693803564380 has 14 digits, not 15");
        assertThat(Imei.problem("356938035643809")).isEmpty();
        assertThat(Imei.problem(null)).contains("no IMEI or serial number");
        // a serial number of goods without an IMEI
        assertThat(Imei.problem("R58N12ABCDE")).isEmpty();
        assertThat(Imei.problem("AB#12")).isPresent();
        assertThat(Imei.normalize(" 3569 3803 5643 809 ")).isEqualTo("356938035643809");
    }

    // ---- reading rows ----

    @Test
    void aValidRowInEverySpelling() {
        // an IMEI as an Excel number cell, the date as dd-mm-yyyy text, a price with a thousands separator
        PrmRow.Parsed p = parse(" rt-pune-014 ", "Shree  Mobiles", "sm-a155", "Galaxy A15 5G", new BigDecimal("356938035643809"),
                "ACTIVATED", "05-11-2026", "13,999.00");
        assertThat(p.rejection()).isNull();
        PrmRow r = p.row();
        assertThat(r.rowNumber()).isEqualTo(7);
        assertThat(r.retailerCode()).isEqualTo("RT-PUNE-014");
        assertThat(r.retailerName()).isEqualTo("Shree Mobiles");
        assertThat(r.model()).isEqualTo("SM-A155");
        assertThat(r.imei()).isEqualTo("356938035643809");
        assertThat(r.status()).isEqualTo(SerialStatus.ACTIVATED);
        assertThat(r.activationDate()).isEqualTo(LocalDate.of(2026, 11, 5));
        assertThat(r.price()).isEqualByComparingTo("13999.00");

        // an Excel date cell; an Excel day number (46,331 days after 30-12-1899 is 05-11-2026); a blank status with a date
        assertThat(parse("R1", null, "M1", null, "356938035643809", "Activated", LocalDate.of(2026, 11, 5), null).row().activationDate())
                .isEqualTo(LocalDate.of(2026, 11, 5));
        assertThat(parse("R1", null, "M1", null, "356938035643809", "activated", new BigDecimal("46331"), null).row().activationDate())
                .isEqualTo(LocalDate.of(2026, 11, 5));
        assertThat(parse("R1", null, "M1", null, "356938035643809", "", "5/11/2026", null).row().status()).isEqualTo(SerialStatus.ACTIVATED);
        // no status and no date: at the retailer; "In Stock" is the same
        assertThat(parse("R1", null, "M1", null, "356938035643809", null, null, null).row().status()).isEqualTo(SerialStatus.AT_RETAILER);
        assertThat(parse("R1", null, "M1", null, "356938035643809", "In Stock", null, null).row().status()).isEqualTo(SerialStatus.AT_RETAILER);
        assertThat(parse("R1", null, "M1", null, "356938035643809", "sales-return", null, null).row().status()).isEqualTo(SerialStatus.RETURNED);
    }

    @Test
    void rowsThatAreRejectedAndWhy() {
        assertThat(parse("R1", null, "M1", null, "", "In Stock", null, null).rejection().reason()).isEqualTo("no IMEI or serial number");
        assertThat(parse("R1", null, "M1", null, "356938035643808", "In Stock", null, null).rejection().reason())
                .isEqualTo("IMEI 356938035643808 fails its check digit (should end in 9)");
        assertThat(parse("R1", null, "M1", null, "356938035643809", "Lost", null, null).rejection().reason())
                .startsWith("unknown status Lost");
        assertThat(parse("R1", null, "M1", null, "356938035643809", "Activated", "31-11-2026", null).rejection().reason())
                .isEqualTo("activation date 31-11-2026 is not a date (dd-mm-yyyy)");
        assertThat(parse("R1", null, "M1", null, "356938035643809", "Activated", "01-12-2026", null).rejection().reason())
                .isEqualTo("activation date 2026-12-01 is after today");
        assertThat(parse("R1", null, "M1", null, "356938035643809", "Activated", null, null).rejection().reason())
                .isEqualTo("activated without an activation date");
        assertThat(parse("R1", null, "M1", null, "356938035643809", "In Stock", "01-11-2026", null).rejection().reason())
                .isEqualTo("at the retailer but with an activation date");
        assertThat(parse("R1", null, "M1", null, "356938035643809", "In Stock", null, "-5").rejection().reason()).startsWith("price -5");
        assertThat(parse("R1", null, "M1", null, "356938035643809", "In Stock", null, "12.345").rejection().reason()).startsWith("price 12.345");
        // several problems are all named, and the cells are kept for the rejections file
        PrmRow.Rejection two = parse("", null, "M1", null, "123", "Lost", null, null).rejection();
        assertThat(two.reason()).isEqualTo("IMEI 123 has 3 digits, not 15; no retailer code; unknown status Lost (in stock / at retailer, activated, returned)");
        assertThat(two.cells()).containsEntry(PrmField.IMEI, "123").containsEntry(PrmField.STATUS, "Lost");
    }

    @Test
    void headersAreFoundInAnyCaseAndSpelling() {
        Map<PrmField, Integer> c = PrmField.locate(List.of("Sr No", "IMEI 1", "RETAILER ID", "Outlet Name", "Product", "imei status",
                "Activated On", "Dealer Price"));
        assertThat(c).containsEntry(PrmField.IMEI, 1).containsEntry(PrmField.RETAILER_CODE, 2).containsEntry(PrmField.RETAILER_NAME, 3)
                .containsEntry(PrmField.MODEL, 4).containsEntry(PrmField.STATUS, 5).containsEntry(PrmField.ACTIVATION_DATE, 6)
                .containsEntry(PrmField.PRICE, 7).doesNotContainKey(PrmField.PRODUCT_NAME);
        assertThatThrownBy(() -> PrmField.locate(List.of("Retailer Code", "Status")))
                .isInstanceOf(PrmFileException.class).hasMessageStartingWith("The header row has no Model, no IMEI/Serial column");
    }

    // ---- planning an import ----

    static PrmRow row(int n, String retailer, String name, String model, String imei, SerialStatus status, LocalDate date, String price) {
        return new PrmRow(n, retailer, name, model, null, imei, status, date, price == null ? null : d(price));
    }

    @Test
    void anImportPlanCreatesUpdatesAndLeavesAloneAndRejectsDuplicates() {
        LocalDate nov5 = LocalDate.of(2026, 11, 5);
        List<PrmRow> rows = List.of(
                row(2, "R1", null, "M1", "358754050000017", SerialStatus.AT_RETAILER, null, null),          // as stored: unchanged
                row(3, "R1", null, "M1", "358754050000025", SerialStatus.ACTIVATED, nov5, null),            // activated: updated
                row(4, "R2", "New Shop", "M2", "358754050000033", SerialStatus.AT_RETAILER, null, "9999.00"), // new retailer, model, serial
                row(5, "R1", null, "M1", "358754050000017", SerialStatus.ACTIVATED, nov5, null),            // the IMEI of row 2 again
                row(6, "R9", null, "M1", "358754050000041", SerialStatus.AT_RETAILER, null, null));         // unknown retailer, no name
        Map<String, ImportPlan.StoredSerial> stored = Map.of(
                "358754050000017", new ImportPlan.StoredSerial("R1", "M1", SerialStatus.AT_RETAILER, null, null),
                "358754050000025", new ImportPlan.StoredSerial("R1", "M1", SerialStatus.AT_RETAILER, null, null));
        ImportPlan.Plan plan = ImportPlan.of(rows, List.of(), Set.of("R1"),
                Map.of("M1", new ImportPlan.StoredProduct("Galaxy M1", d("12000.00"))), stored);
        assertThat(plan.steps()).extracting(s -> s.row().rowNumber() + ":" + s.action())
                .containsExactly("2:UNCHANGED", "3:UPDATE", "4:CREATE");
        assertThat(plan.rejections()).extracting(PrmRow.Rejection::rowNumber, PrmRow.Rejection::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(5, "duplicate IMEI: already on row 2 of this file"),
                org.assertj.core.groups.Tuple.tuple(6, "retailer R9 is not known: give its name to add it"));
        assertThat(plan.newRetailers()).containsExactly(Map.entry("R2", "New Shop"));
        // M1 is as stored (no name or price in the file); M2 is new at the price its row gave
        assertThat(plan.products()).containsExactly(new ImportPlan.ProductChange("M2", "M2", d("9999.00"), true));

        // the same rows against what the first import stored: nothing to do
        Map<String, ImportPlan.StoredSerial> after = Map.of(
                "358754050000017", new ImportPlan.StoredSerial("R1", "M1", SerialStatus.AT_RETAILER, null, null),
                "358754050000025", new ImportPlan.StoredSerial("R1", "M1", SerialStatus.ACTIVATED, nov5, null),
                "358754050000033", new ImportPlan.StoredSerial("R2", "M2", SerialStatus.AT_RETAILER, null, d("9999.00")));
        ImportPlan.Plan again = ImportPlan.of(rows, List.of(), Set.of("R1", "R2"), Map.of(
                "M1", new ImportPlan.StoredProduct("Galaxy M1", d("12000.00")), "M2", new ImportPlan.StoredProduct("M2", d("9999.00"))), after);
        assertThat(again.count(ImportPlan.Action.UNCHANGED)).isEqualTo(3);
        assertThat(again.count(ImportPlan.Action.CREATE) + again.count(ImportPlan.Action.UPDATE)).isZero();
        assertThat(again.products()).isEmpty();
        assertThat(again.newRetailers()).isEmpty();
    }

    // ---- overdue and OD ----

    @Test
    void overdueIsWhatIsLeftOlderThanTheCreditDays() {
        LocalDate asOf = LocalDate.of(2026, 11, 30);
        // opening 10,000 on 01-10 (60 days old), a sale of 25,000 on 10-11 (20 days), a sale of 8,000 on 25-11 (5 days),
        // a collection of 12,000 on 20-11: it pays the 10,000 opening and 2,000 of the 10-11 sale
        List<Ageing.Movement> moves = List.of(
                new Ageing.Movement(LocalDate.of(2026, 10, 1), d("10000.00")),
                new Ageing.Movement(LocalDate.of(2026, 11, 10), d("25000.00")),
                new Ageing.Movement(LocalDate.of(2026, 11, 20), d("-12000.00")),
                new Ageing.Movement(LocalDate.of(2026, 11, 25), d("8000.00")));
        // 21 credit days: the 23,000 left of the 20-day-old sale is not overdue yet, nor the 8,000
        assertThat(Ageing.overdue(asOf, moves, 21)).isEqualByComparingTo("0.00");
        // 15 credit days: the 23,000 is overdue (20 > 15), the 8,000 is not (5 days)
        assertThat(Ageing.overdue(asOf, moves, 15)).isEqualByComparingTo("23000.00");
        // 0 credit days: everything open, 23,000 + 8,000
        assertThat(Ageing.overdue(asOf, moves, 0)).isEqualByComparingTo("31000.00");
        // and the ageing buckets still say the same: 31,000 due, all within 30 days
        assertThat(Ageing.of(asOf, moves).days0To30()).isEqualByComparingTo("31000.00");
        assertThat(Ageing.of(asOf, moves).totalDue()).isEqualByComparingTo("31000.00");
    }

    static OdReport.Input input(String code, String balance, long serials, String stock, String overdue) {
        return new OdReport.Input(UUID.randomUUID(), code, "Shop " + code, "Pune", null,
                new RetailerBalance(TODAY, d(balance), RetailerBalance.Source.BOOKS, false), serials, d(stock), d(overdue));
    }

    @Test
    void theOdReportByHand() {
        OdReport.OdReportView r = OdReport.of(TODAY, List.of(
                input("A", "50000.00", 2, "27998.00", "0.00"),      // OD 50,000 − 27,998 = 22,002
                input("B", "10000.00", 3, "41997.00", "10000.00"),  // OD 10,000 − 41,997 = −31,997 (stock covers it)
                input("C", "-500.00", 0, "0", "0.00"),              // an advance: OD −500
                input("D", "75500.50", 1, "13999.00", "40000.00")));// OD 75,500.50 − 13,999 = 61,501.50
        assertThat(r.lines()).extracting(OdReport.OdLine::code).containsExactly("D", "A", "C", "B");
        assertThat(r.lines()).extracting(l -> l.od().toPlainString()).containsExactly("61501.50", "22002.00", "-500.00", "-31997.00");
        // totals: balances 50,000 + 10,000 − 500 + 75,500.50 = 135,000.50; stock 27,998 + 41,997 + 0 + 13,999 = 83,994.00;
        // OD 135,000.50 − 83,994.00 = 51,006.50; serials 2 + 3 + 0 + 1 = 6; overdue 10,000 + 40,000 = 50,000
        assertThat(r.totals().closingBalance()).isEqualByComparingTo("135000.50");
        assertThat(r.totals().stockValue()).isEqualByComparingTo("83994.00");
        assertThat(r.totals().od()).isEqualByComparingTo("51006.50");
        assertThat(r.totals().serialsAtRetailer()).isEqualTo(6);
        assertThat(r.totals().overdue()).isEqualByComparingTo("50000.00");
        assertThat(r.lines().get(0).balanceSource()).isEqualTo(RetailerBalance.Source.BOOKS);
    }

    @Test
    void activationsFillEveryPeriodOfTheRange() {
        // Sunday 01-11-2026 to Wednesday 11-11-2026 by ISO week: weeks of 26-10 (only 01-11 in range), 02-11 and 09-11
        Map<LocalDate, Activations.Day> days = Map.of(
                LocalDate.of(2026, 11, 1), new Activations.Day(1, d("13999.00")),
                LocalDate.of(2026, 11, 3), new Activations.Day(2, d("20000.00")),
                LocalDate.of(2026, 11, 8), new Activations.Day(1, d("5000.00")),
                LocalDate.of(2026, 11, 12), new Activations.Day(9, d("99999.00")));   // after the range: left out
        Activations a = Activations.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 11), Activations.GroupBy.WEEK, days);
        assertThat(a.periods()).extracting(p -> p.period() + " " + p.activations() + " " + p.value())
                .containsExactly("2026-10-26 1 13999.00", "2026-11-02 3 25000.00", "2026-11-09 0 0.00");   // 20,000 + 5,000
        assertThat(a.totals().activations()).isEqualTo(4);
        assertThat(a.totals().value()).isEqualByComparingTo("38999.00");   // 13,999 + 25,000
        assertThat(Activations.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 11), Activations.GroupBy.MONTH, days).periods())
                .extracting(p -> p.period() + " " + p.activations()).containsExactly("2026-11-01 4");
    }

    @Test
    void theSameTableSavedAsCsv() {
        // a byte-order mark, semicolons, a blank line (row numbers stay the file's lines), the date as text
        String csv = "\uFEFFRetailer Code;Model;IMEI;Status;Activation Date\nRT-A01;SM-A155;358754050000017;In Stock;\n\n"
                + "RT-A01;SM-A155;358754050000025;Activated;28-11-2026\n";
        PrmWorkbook.Sheet sheet = PrmWorkbook.read(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(sheet.headers()).containsExactly("Retailer Code", "Model", "IMEI", "Status", "Activation Date");
        assertThat(sheet.rows()).extracting(PrmRow.Raw::rowNumber).containsExactly(2, 4);
        Map<PrmField, Integer> columns = PrmField.locate(sheet.headers());
        PrmRow second = PrmRow.parse(sheet.rows().get(1), columns, TODAY).row();
        assertThat(second.imei()).isEqualTo("358754050000025");
        assertThat(second.activationDate()).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThatThrownBy(() -> PrmWorkbook.read(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}))
                .isInstanceOf(PrmFileException.class).hasMessageStartingWith("The file is neither an .xlsx workbook nor UTF-8 CSV");
    }
}
