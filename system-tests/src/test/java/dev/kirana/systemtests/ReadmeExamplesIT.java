package dev.kirana.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The curl examples of the README, run as written against the suite: each walk-through {@code ## } section's
 * {@code ```bash} blocks (its {@code ### } parts included), in order, in one {@code bash -euo pipefail} in a
 * directory of its own, with {@code GW} pointing at the suite's gateway and every curl failing on an HTTP error.
 * A section runs after the sections it continues from ({@link #CONTINUES_FROM}), as a reader following the
 * README from the start would have run them: each run registers its own owner and shop, so a period lock or a
 * day close in one section cannot touch another, nor a second run of the same. Values that would still collide
 * on a second run are given a per-run suffix ({@link #perRun}), and what the README promises in its {@code # →}
 * comments is checked in the script's output.
 */
@Order(6)
class ReadmeExamplesIT {
    static final Path README = Path.of(System.getProperty("kirana.root", "..")).resolve("README.md");
    static final String README_GATEWAY = "http://127.0.0.1:8080";

    static final String SELL = "Sell something in one minute";
    static final String SHOPS = "Shops, people and tokens";
    static final String CATALOG = "Catalog and stock";
    static final String COUNTER = "At the counter: GST, split tenders, invoices, refunds";
    static final String KHATA = "Khata: customers, suppliers and what they owe";
    static final String PURCHASES = "Purchases: suppliers' bills and returns";
    static final String STAFF = "Staff: attendance and salaries";
    static final String BOOKS = "The books: chart of accounts, journal entries, period locks, statements";
    static final String REPORTS = "Reports, dashboard and forecasts";
    static final String GST = "GST returns, e-invoices, Tally and distributors";

    /**
     * Every walk-through section that is run, and the sections run before it in the same script: "Sell something"
     * defines {@code uuid}, "Shops, people and tokens" makes a new shop and leaves {@code $TOKEN} as its owner's,
     * "Catalog and stock" gives it {@code $PRODUCT} with stock at the counter, and the reports read the counter's
     * sale and refund.
     */
    static final Map<String, List<String>> CONTINUES_FROM = Map.ofEntries(
            Map.entry(SELL, List.of()),
            Map.entry(SHOPS, List.of()),
            Map.entry(CATALOG, List.of(SELL, SHOPS)),
            Map.entry(COUNTER, List.of(SELL, SHOPS, CATALOG)),
            Map.entry(KHATA, List.of(SELL, SHOPS, CATALOG)),
            Map.entry(PURCHASES, List.of(SELL, SHOPS, CATALOG)),
            Map.entry(STAFF, List.of(SELL, SHOPS)),
            Map.entry(BOOKS, List.of(SELL, SHOPS)),
            Map.entry(REPORTS, List.of(SELL, SHOPS, CATALOG, COUNTER)),
            Map.entry(GST, List.of(SELL, SHOPS, CATALOG, COUNTER, PURCHASES)));

    /**
     * Sections with shell blocks that are not API walk-throughs, so not run here. A new section whose blocks call
     * curl must be added to {@link #CONTINUES_FROM} (with a test of what it promises) or here, with the reason.
     */
    static final Map<String, String> NOT_RUN = Map.of(
            // ./kirana up and ./kirana demo: start and load a stack, which SuiteUnderTest and DemoLoadIT do
            "A demo shop to look at: `./kirana demo`", "./kirana commands",
            // ./kirana bench starts a second stack of its own
            "Benchmark", "./kirana bench",
            // ./kirana backup and restore write and read archives on the host; deleting a shop needs those backups
            // first: ShopBackupIT and ShopDeletionIT run both through the launcher's backup client
            "Backup and restore", "./kirana backup and a shop's deletion after it",
            // kubectl against a cluster
            "Operations: the production profile", "kubectl",
            // ./mvnw package, docker build and docker compose: no Docker engine here (DockerFilesTest checks the files)
            "Operations: images and docker compose", "docker and ./mvnw",
            // a local stack's management ports (18080 + n), which the suite under test shifts; OperationsTest and
            // EdgeSecurityTest check the same answers on a service's and the gateway's management port
            "Operations: the management port", "a local stack's management ports");

    /**
     * What the script runs first: the suite's gateway, and curl failing on HTTP errors. The README's curls use
     * {@code -s} without {@code -f}; ones that already say {@code -f} (to retry) are left as they are, since
     * curl refuses {@code -f} together with {@code --fail-with-body}, and so are ones that print their status
     * with {@code -w}: they show a refusal on purpose, and the test checks the status they print. A refused call
     * says so on stderr ({@code --show-error}), which the report of a failed run shows.
     */
    static String prologue(String gateway) {
        return """
                GW=%s
                curl() {
                  local a
                  for a in "$@"; do
                    case "$a" in --fail|--fail-with-body|-w|--write-out) command curl "$@"; return;; --*) ;; -*f*) command curl "$@"; return;; esac
                  done
                  command curl --fail-with-body --show-error "$@"
                }
                """.formatted(gateway);
    }

    /** The README's values that would collide with an earlier run's, and what this run uses instead. */
    static Map<String, String> perRun(String heading, String tag) {
        Map<String, String> perRun = new LinkedHashMap<>();
        if (heading.equals(SELL)) {
            perRun.put("\"sku\":\"SUGAR-1KG\"", "\"sku\":\"SUGAR-1KG-" + tag.toUpperCase(Locale.ROOT) + "\"");
        } else if (heading.equals(SHOPS)) {
            String phone = "9" + (100000000L + ThreadLocalRandom.current().nextLong(899999999L));
            perRun.put("ravi@example.com", "ravi-" + tag + "@example.com");
            perRun.put("\"phone\":\"9876543210\"", "\"phone\":\"" + phone + "\"");
            perRun.put("asha@example.com", "asha-" + tag + "@example.com");
        }
        return perRun;
    }

    @Test
    void everySectionWithCurlIsRunOrExcluded() throws IOException {
        String markdown = Files.readString(README, StandardCharsets.UTF_8);
        Set<String> withCurl = sectionsWithCurl(markdown);
        assertThat(withCurl).as("sections of %s whose blocks call curl", README).contains(CATALOG, BOOKS, REPORTS);
        for (String heading : withCurl) {
            assertThat(CONTINUES_FROM.containsKey(heading) || NOT_RUN.containsKey(heading))
                    .as("## %s calls curl: run it here (CONTINUES_FROM and a test of what it promises) or list it in NOT_RUN with why",
                            heading)
                    .isTrue();
        }
        for (String heading : CONTINUES_FROM.keySet()) {
            assertThat(withCurl).as("## %s is run here, so README.md must still have it with its curl blocks", heading)
                    .contains(heading);
        }
    }

    @Test
    void sellSomethingInOneMinute() throws Exception {
        Run run = runSection(SELL);

        // → 201 {"id":"…","status":"CONFIRMED","total":"96.00",…}
        assertThat(run.stdout()).as(run.report()).contains("\"status\":\"CONFIRMED\"").contains("\"total\":\"96.00\"");
        // → [{…,"available":"8.000",…}] (onHand 10 with 2 reserved, or onHand 8 once inventory committed the sale)
        assertThat(run.stdout()).as(run.report()).containsPattern(
                "\"onHand\":\"(10.000\",\"reserved\":\"2.000|8.000\",\"reserved\":\"0.000)\",\"available\":\"8.000\"");
    }

    @Test
    void shopsPeopleAndTokens() throws Exception {
        Run run = runSection(SHOPS);

        // the cashier was added to the shop, and her token (auth/me) names that shop with the role CASHIER
        assertThat(run.stdout()).as(run.report()).contains("\"email\":\"asha-" + run.tag() + "@example.com\"")
                .contains("\"role\":\"CASHIER\"").contains("\"roles\":[\"CASHIER\"]").containsPattern("\"activeShopId\":\"[0-9a-f-]{36}\"");
        // Roles and scopes: the cashier may not read the books, a client with orders:read reads orders and no products
        assertThat(run.stdout()).as(run.report())
                .contains("\"status\":403,\"detail\":\"This needs one of the roles or the scope (owner, manager, auditor; scope accounting:read)\"")
                .contains("[]\n200\n")
                .contains("(owner, manager, cashier, auditor; scope catalog:read)\",\"instance\":\"/api/v1/products\"}\n403\n");
    }

    @Test
    void catalogAndStock() throws Exception {
        Run run = runSection(CATALOG);

        // → {…,"rows":5,"created":4,…,"rejected":1,…,"rejections":[{"row":6,"sku":"TEA-250G",…
        assertThat(run.stdout()).as(run.report()).contains("\"rows\":5,\"created\":4,\"updated\":0,\"unchanged\":0,\"rejected\":1,")
                .contains("\"rejections\":[{\"row\":6,\"sku\":\"TEA-250G\",\"errors\":[{\"field\":\"selling_price\"");
        // → {…,"date":"2025-09-01","rate":"18",…}
        assertThat(run.stdout()).as(run.report()).contains("\"hsn\":\"1905\",\"date\":\"2025-09-01\",\"rate\":\"18\"");
        // → {…,"expected":"18.000","counted":"17.000","difference":"-1.000",…,"valueDifference":"-40.00"}
        assertThat(run.stdout()).as(run.report()).contains("\"expected\":\"18.000\",\"counted\":\"17.000\",\"difference\":\"-1.000\"")
                .contains("\"valueDifference\":\"-40.00\"");
        // → {"method":"MOVING_AVERAGE",…,"totalQuantity":"47.000","totalValue":"1880.00",…}
        assertThat(run.stdout()).as(run.report()).contains("\"method\":\"MOVING_AVERAGE\"")
                .contains("\"totalQuantity\":\"47.000\",\"totalValue\":\"1880.00\"");
        // → {"consistent":true,…} (low stock is not checked: inventory may not have heard of every new product yet)
        assertThat(run.stdout()).as(run.report()).contains("\"consistent\":true");
        assertThat(run.file("catalog.xlsx")).as("the catalog export is an XLSX (a zip)").startsWith('P', 'K');
        // Barcodes and shelf labels: 200000000001? → 5, …2? → 2, …3? → 9, …4? → 6 (weights 3 and 1 from the right)
        assertThat(run.stdout()).as(run.report()).containsPattern("\"sku\":\"ATTA-5KG\",[^}]*\"barcode\":\"2000000000015\",\"symbology\":\"EAN_13\"")
                .containsPattern("\"sku\":\"SUGAR-1KG\",[^}]*\"barcode\":\"2000000000046\"")
                .contains("\"field\":\"barcode\",\"message\":\"the GS1 check digit of a 13-digit barcode 890172513397? is 9, not 1 (a mistyped digit?)\"")
                .containsPattern("\\}\n400\n");
        assertThat(run.file("sugar-barcode.png")).as("the barcode is a PNG").startsWith(0x89, 'P', 'N', 'G');
        assertThat(run.file("labels.pdf")).as("the label sheet is a PDF").startsWith('%', 'P', 'D', 'F');
    }

    @Test
    void atTheCounter() throws Exception {
        Run run = runSection(COUNTER);

        // → {"id":"…","status":"CONFIRMED","invoiceNumber":"INV/2627/00001",…} (the shop's first invoice of the year)
        assertThat(run.stdout()).as(run.report()).containsPattern("\"status\":\"CONFIRMED\",\"invoiceNumber\":\"INV/[0-9]{4}/00001\"")
                .contains("\"supplyType\":\"INTRA_STATE\"");
        // 3 × 48.00 less 10 %: CGST = SGST = 3.09, taxable 123.42, rounded to 130.00; 20.00 change of 150.00
        assertThat(run.stdout()).as(run.report()).contains("\"gross\":\"144.00\",\"discount\":\"14.40\",\"taxableValue\":\"123.42\","
                        + "\"cgst\":\"3.09\",\"sgst\":\"3.09\",\"igst\":\"0.00\",\"roundOff\":\"0.40\",\"total\":\"130.00\"")
                .contains("\"received\":\"150.00\",\"change\":\"20.00\"");
        // the thermal receipt
        assertThat(run.stdout()).as(run.report()).containsPattern("TOTAL Rs +130\\.00").containsPattern("Change +20\\.00");
        // → {…,"creditNoteNumber":"CN/2627/00001",…,"taxableValue":"41.14","cgst":"1.03","sgst":"1.03",…,"roundOff":"-0.20","total":"43.00",…}
        assertThat(run.stdout()).as(run.report()).containsPattern("\"creditNoteNumber\":\"CN/[0-9]{4}/00001\"")
                .contains("\"taxableValue\":\"41.14\",\"cgst\":\"1.03\",\"sgst\":\"1.03\",\"igst\":\"0.00\",\"roundOff\":\"-0.20\",\"total\":\"43.00\"");
        assertThat(run.stdout()).as(run.report()).contains("\"upiVpa\":\"sharmastore@okhdfcbank\",\"upiPayeeName\":\"Sharma General Store\"");
        assertThat(run.file("invoice.pdf")).as("the tax invoice is a PDF").startsWith('%', 'P', 'D', 'F');
        assertThat(run.file("pay.png")).as("the UPI QR code is a PNG").startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void khata() throws Exception {
        Run run = runSection(KHATA);

        // → {"partyId":"…","kind":"CUSTOMER","name":"Asha","balance":"96.00","due":"96.00","advance":"0.00",…}
        assertThat(run.stdout()).as(run.report()).contains("\"kind\":\"CUSTOMER\",\"name\":\"Asha\",\"phone\":\"9876500001\","
                + "\"balance\":\"96.00\",\"due\":\"96.00\",\"advance\":\"0.00\"");
        // → 201 {"id":"…","balanceAfter":"46.00",…}, and the statement: 96.00 − 50.00, not yet 30 days old
        assertThat(run.stdout()).as(run.report()).contains("\"balanceAfter\":\"46.00\",\"account\":\"1020\"")
                .contains("\"totalDebits\":\"96.00\",\"totalCredits\":\"50.00\",\"closingBalance\":\"46.00\"")
                .contains("\"days0To30\":\"46.00\"");
        // the supplier's 1,000.00 less 600.00 paid by bank, to 1050 in a shop without a bank account
        assertThat(run.stdout()).as(run.report()).contains("\"direction\":\"MADE\",\"amount\":\"600.00\"")
                .contains("\"balanceAfter\":\"400.00\",\"account\":\"1050\"");
        // → 201 {"id":"…","amountDue":"46.00","phone":"+919876500001","message":"…: ₹46.00 is due on your account. …",…}
        assertThat(run.stdout()).as(run.report()).contains("\"amountDue\":\"46.00\",\"phone\":\"+919876500001\"")
                .contains(": ₹46.00 is due on your account. Please pay at the shop or by UPI.");
        // → {"type":"…/credit-limit-exceeded",…,"creditLimit":"5000.00","balance":"4600.00","amount":"432.00",
        //    "balanceAfter":"5032.00","overBy":"32.00","available":"400.00",…} 422
        assertThat(run.stdout()).as(run.report()).contains("\"type\":\"https://kirana.dev/problems/credit-limit-exceeded\"")
                .contains("\"creditLimit\":\"5000.00\",\"balance\":\"4600.00\"")
                .contains("\"amount\":\"432.00\",\"balanceAfter\":\"5032.00\",\"overBy\":\"32.00\",\"available\":\"400.00\"}\n422\n");
        // → 201 {…,"status":"CONFIRMED",…,"creditOverride":{"by":"…","role":"OWNER",…}}
        assertThat(run.stdout()).as(run.report()).containsPattern("\"creditOverride\":\\{\"by\":\"[0-9a-f-]{36}\",\"role\":\"OWNER\","
                + "\"creditLimit\":\"5000.00\",\"balance\":\"4600.00\",\"amount\":\"432.00\"\\}");
        assertThat(run.file("khata.pdf")).as("the statement is a PDF").startsWith('%', 'P', 'D', 'F');
    }

    @Test
    void purchases() throws Exception {
        Run run = runSection(PURCHASES);

        // taxable 400.00, CGST 10.00, SGST 10.00, total 420.00 from a supplier in the shop's state
        assertThat(run.stdout()).as(run.report()).contains("\"supplierName\":\"Sri Balaji Traders\",\"billNumber\":\"SBT/26-27/1342\"")
                .contains("\"supplyType\":\"INTRA_STATE\"")
                .contains("\"taxableValue\":\"400.00\",\"cgst\":\"10.00\",\"sgst\":\"10.00\",\"igst\":\"0.00\",\"roundOff\":\"0.00\",\"total\":\"420.00\"");
        // debit note DN/26-27/0001 for 84.00: 80.00 of goods, 2.00 each of CGST and SGST
        assertThat(run.stdout()).as(run.report()).containsPattern("\"debitNoteNumber\":\"DN/[0-9]{2}-[0-9]{2}/0001\"")
                .contains("\"taxableValue\":\"80.00\",\"cgst\":\"2.00\",\"sgst\":\"2.00\",\"igst\":\"0.00\",\"total\":\"84.00\"")
                .contains("\"returnedQuantity\":\"2.000\"");
    }

    @Test
    void staffAttendanceAndSalaries() throws Exception {
        Run run = runSection(STAFF);

        // the correction kept beside the first mark
        assertThat(run.stdout()).as(run.report()).containsPattern("\"action\":\"MARKED\".*?\"after\":\\{\"status\":\"HALF_DAY\"")
                .containsPattern("\"action\":\"CORRECTED\".*?\"before\":\\{\"status\":\"HALF_DAY\".*?\"after\":\\{\"status\":\"PRESENT\"")
                .contains("\"reason\":\"stayed till closing\"");
        // 2 days × 600.00 = 1,200.00, less the 200.00 advance
        assertThat(run.stdout()).as(run.report()).contains("\"gross\":\"1200.00\",\"advances\":\"200.00\",\"net\":\"1000.00\"")
                .contains("\"type\":\"https://kirana.dev/problems/salary-already-paid\"").containsPattern("\\}\n409\n");
        assertThat(run.file("payslip.pdf")).as("the payslip is a PDF").startsWith('%', 'P', 'D', 'F');
        // the audit trail: the shop's members were added, and the chain re-computes
        assertThat(run.stdout()).as(run.report()).contains("\"action\":\"member.added\"").contains("{\"intact\":true,");
        assertThat(new String(run.file("audit.csv"), java.nio.charset.StandardCharsets.UTF_8)).as("the exported trail").contains("member.added");
        // a price change at catalog-service reaches auth-service's chain through kirana.audit.events, 240.00 → 235.00,
        // and the chain still verifies with it
        assertThat(run.file("trail.json")).asString(java.nio.charset.StandardCharsets.UTF_8).as(run.report())
                .contains("\"action\":\"price.changed\",\"entityType\":\"product\"")
                .contains("\\\"sellingPrice\\\":\\\"240.00\\\"").contains("\\\"sellingPrice\\\":\\\"235.00\\\"")
                .contains("\"source\":\"catalog-service\",\"actorRole\":\"OWNER\"");
        assertThat(run.stdout()).as(run.report()).doesNotContain("\"intact\":false");
        // Notifications: an unknown kind refused, the cashier's preferences, a notice to the one cashier, read, and the
        // owner cannot delete the cashier's item
        assertThat(run.stdout()).as(run.report()).contains("\"field\":\"rules[0].kind\"")
                .contains("\"quietFrom\":\"22:00\",\"quietUntil\":\"07:00\",\"language\":\"hi\"")
                .contains("{\"recipients\":1}").contains("{\"unread\":1}")
                .containsPattern("\"kind\":\"NOTICE\",\"title\":\"Stock count\",\"body\":\"Stock count on Sunday at 8\"")
                .containsPattern("not-found\"[^\n]*\n404\n").contains("{\"marked\":0}");
    }

    @Test
    void theBooks() throws Exception {
        Run run = runSection(BOOKS);

        assertThat(run.stdout()).as(run.report()).contains("\"code\":\"1051\",\"name\":\"HDFC current account\"");
        // a lock refuses March's entries by hand: → {"type":"…/period-locked",…} 409
        assertThat(run.stdout()).as(run.report()).contains("\"type\":\"https://kirana.dev/problems/period-locked\"}\n409\n");
        // → {…,"totalAssets":"85000.00",…,"liabilitiesAndEquity":"85000.00","balanced":true,…}
        assertThat(run.stdout()).as(run.report()).contains("\"totalAssets\":\"85000.00\"")
                .contains("\"liabilitiesAndEquity\":\"85000.00\",\"balanced\":true,\"check\":\"assets 85000.00 = liabilities 0.00 + equity 85000.00\"");
        // Expenses: 1180 × 18/118 = 180.00 → net 1,000.00, CGST 90.00, SGST 90.00; the bill kept as a PDF
        assertThat(run.stdout()).as(run.report()).contains("\"account\":\"5310\",\"amount\":\"1180.00\",\"netAmount\":\"1000.00\","
                        + "\"gstRate\":\"18.00\",\"cgst\":\"90.00\",\"sgst\":\"90.00\"")
                .contains("\"receipt\":{\"contentType\":\"application/pdf\",\"fileName\":\"bill.pdf\"");
        // Cash book and day close: 2,000.00 − 300.00 = 1,700.00 in the book, counted 1,650.00 → −50.00
        assertThat(run.stdout()).as(run.report()).contains("{\"date\":\"2026-11-30\",\"opening\":\"2000.00\"")
                .contains("\"totalIn\":\"0.00\",\"totalOut\":\"300.00\",\"closing\":\"1700.00\"")
                .contains("\"counted\":\"1650.00\",\"expected\":\"1700.00\",\"variance\":\"-50.00\"");
        // Bank and reconciliation: 10,000.00 less the 18.00 fee; two of three statement lines matched, the charges not
        assertThat(run.stdout()).as(run.report()).contains("\"amount\":\"10000.00\",\"fee\":\"18.00\",\"net\":\"9982.00\"")
                .contains("\"imported\":3,\"duplicates\":0,\"rejected\":[],\"matched\":2,")
                .containsPattern("\"unmatchedStatementLines\":\\[\\{[^\\]]*\"description\":\"SMS ALERT CHARGES\"[^\\]]*\"debit\":\"17.70\"");
        assertThat(run.file("pl.xlsx")).as("the profit and loss is an XLSX (a zip)").startsWith('P', 'K');
    }

    @Test
    void reportsDashboardAndForecasts() throws Exception {
        Run run = runSection(REPORTS);

        // 130.00 sold less 43.00 refunded; margin 82.28 − 80.00; the drawer: 50.00 cash less 20.00 change (the refund went by UPI)
        assertThat(run.stdout()).as(run.report())
                .contains("\"netSales\":{\"today\":\"87.00\",\"sameDayLastWeek\":\"0.00\",\"change\":\"87.00\",\"changePct\":null}")
                .contains("\"grossMargin\":{\"today\":\"2.28\"").contains("\"returnsToday\":\"43.00\"")
                .contains("\"cashExpected\":\"30.00\"");
        // → "rows":[{…,"sku":"SUGAR-1KG",…,"quantity_sold":"3","quantity_returned":"1",…,"margin":"2.28","margin_pct":"2.8"}]
        assertThat(run.stdout()).as(run.report()).contains("\"sku\":\"SUGAR-1KG\"")
                .contains("\"quantity_sold\":\"3\",\"quantity_returned\":\"1\",\"net_quantity\":\"2\",\"gross\":\"129.60\","
                        + "\"returns\":\"43.20\",\"net\":\"86.40\",\"discount\":\"14.40\",\"revenue\":\"82.28\",\"cost\":\"80.00\","
                        + "\"margin\":\"2.28\",\"margin_pct\":\"2.8\"");
        assertThat(run.file("sales.xlsx")).as("the report as a spreadsheet is an XLSX (a zip)").startsWith('P', 'K');
        // Performance per employee: Asha 03:30Z–13:00Z = 9.5 h and no sales; the owner's login 130.00 − 43.00 = 87.00;
        // totals 87.00 ÷ 9.5 h = 9.157… → 9.16 an hour
        assertThat(run.stdout()).as(run.report()).containsPattern("\"name\":\"Asha\",[^}]*\"hours_worked\":\"9.5\",\"days_present\":\"1\"")
                .containsPattern("\"sales\":1,\"gross\":\"130.00\",[^}]*\"refunded\":\"43.00\",\"net\":\"87.00\",\"discounts\":\"14.40\"")
                .containsPattern("\"totals\":\\{[^}]*\"hours_worked\":\"9.5\"[^}]*\"sales_per_hour\":\"9.16\"")
                .contains("\"field\":\"to\",\"message\":\"must be on or after from\"").containsPattern("\\}\n400\n");
        assertThat(run.file("staff.xlsx")).as("the performance report as a spreadsheet").startsWith('P', 'K');
    }

    @Test
    void gstReturnsEInvoicesTallyAndDistributors() throws Exception {
        Run run = runSection(GST);
        String out = run.stdout();

        // GST returns: 4 kg of dal at 150.00 to a Karnataka GSTIN: 600.00 taxable, IGST 5 % = 30.00, 630.00, in b2b and hsn_b2b
        assertThat(out).as(run.report()).contains("\"taxableValue\":\"600.00\",\"cgst\":\"0.00\",\"sgst\":\"0.00\",\"igst\":\"30.00\"")
                .contains("\"ctin\":\"29AABCT1332L1ZA\"").contains("\"val\":630.00,\"pos\":\"29\",\"rchrg\":\"N\",\"inv_typ\":\"R\"")
                .contains("\"itm_det\":{\"txval\":600.00,\"rt\":5,\"iamt\":30.00,\"csamt\":0.00}")
                .contains("\"hsn_sc\":\"0713\"").contains("\"uqc\":\"KGS\",\"qty\":4.000,\"rt\":5,\"txval\":600.00,\"iamt\":30.00")
                .contains("\"gstin\":\"27AAPFU0939F1ZV\"").contains("\"osupDet\":{").contains("\"head\":\"IGST\"")
                .contains("has not ended yet").contains("\"field\":\"period\"");
        assertThat(run.file("gstr1.xlsx")).as("GSTR-1 as a workbook (a zip)").startsWith('P', 'K');
        // GSTR-2B: the bill matched under a number written differently, one 2B invoice not in the books;
        // available 400.00 + 1,000.00 = 1,400.00, CGST 10.00 + 25.00 = 35.00; books less available −1,000.00 and −25.00
        assertThat(out).as(run.report()).contains("\"outcome\":\"CREATED\"").contains("\"documents\":2").contains("\"outcome\":\"UNCHANGED\"")
                .contains("\"counts\":{\"MATCHED\":1,\"MISMATCHED\":0,\"PROBABLE\":0,\"IN_BOOKS_ONLY\":0,\"IN_2B_ONLY\":1}")
                .contains("\"number\":\"sbt-26-27-1342\"")
                .contains("\"available\":{\"taxableValue\":\"1400.00\",\"igst\":\"0.00\",\"cgst\":\"35.00\",\"sgst\":\"35.00\",\"cess\":\"0.00\"}")
                .contains("\"difference\":{\"taxableValue\":\"-1000.00\",\"igst\":\"0.00\",\"cgst\":\"-25.00\",\"sgst\":\"-25.00\",\"cess\":\"0.00\"}")
                .contains("\"outcome\":\"REPLACED\"").contains("\"status\":\"MISMATCHED\"")
                .contains("{\"field\":\"taxableValue\",\"books\":\"400.00\",\"twoB\":\"402.00\"}")
                .contains("\"tolerance\":\"2.00\"").contains("gstin-mismatch");
        assertThat(run.file("gstr2b-2026-11.xlsx")).as("the reconciliation as a workbook (a zip)").startsWith('P', 'K');
        // e-invoice: 2 × 1500.00 − 100.00 = 2900.00 taxable, IGST 145.00, 3045.00; incomplete without the buyer's address
        assertThat(out).as(run.report()).contains("\"turnoverThreshold\":\"50000000.00\"").contains("\"pinCode\":\"411001\"")
                .contains("\"igst\":\"145.00\"").contains("\"total\":\"3045.00\"")
                .contains("e-invoice-incomplete").contains("\"field\":\"BuyerDtls.Addr1\"").contains("\"field\":\"BuyerDtls.Pin\"")
                .contains("\"SupTyp\":\"B2B\"").contains("\"Pin\":411001").contains("\"Unit\":\"KGS\"").contains("\"AssAmt\":2900.00")
                .contains("\"IgstAmt\":145.00").contains("\"TotInvVal\":3045.00")
                .contains("\"documentType\":\"INV\"").contains("\"status\":\"ACT\"").contains("\"signedQrCode\":\"eyJ")
                .contains("e-invoice-not-applicable");
        // the IRN is SHA-256 of GSTIN + financial year + document type + number, as sha256sum printed it
        java.util.regex.Matcher irn = java.util.regex.Pattern.compile("\"irn\":\"([0-9a-f]{64})\"").matcher(out);
        assertThat(irn.find()).as(run.report()).isTrue();
        assertThat(out).as("sha256sum of the IRN's parts").contains(irn.group(1) + "  -");
        assertThat(run.file("e-invoice.pdf")).as("the e-invoice is a PDF").startsWith('%', 'P', 'D', 'F');
        // Tally: the same file twice, the Purchases section's bill as a Purchase voucher with the supplier's ledger
        assertThat(out).as(run.report()).contains("same GUIDs, same file").contains("<TALLYREQUEST>Import Data</TALLYREQUEST>")
                .contains("VCHTYPE=\"Purchase\"")
                .contains("<LEDGERNAME>Sri Balaji Traders</LEDGERNAME><ISDEEMEDPOSITIVE>No</ISDEEMEDPOSITIVE><ISPARTYLEDGER>Yes</ISPARTYLEDGER><AMOUNT>420.00</AMOUNT>")
                .contains("<PARTYGSTIN>27AAKFS5821M1ZO</PARTYGSTIN><LEDSTATENAME>Maharashtra</LEDSTATENAME>")
                .contains("tally-not-configured").contains("\"configured\":false").contains("\"ttlSeconds\":7200")
                .contains("must not be a loopback, link-local, private or metadata address").contains("must be an http or https URL");
        // distribution: 45,250.00 owed; stock 2 × 13,999.00 = 27,998.00 and 11,499.00; OD 17,252.00, −11,499.00, total 5,753.00
        assertThat(out).as(run.report()).contains("\"code\":\"RT-PUNE-014\"").contains("\"balance\":\"45250.00\"")
                .contains("\"outcome\":\"IMPORTED\"").contains("\"rowsRead\":5").contains("\"rowsCreated\":4").contains("\"rowsRejected\":1")
                .contains("\"retailersCreated\":1").contains("fails its check digit (should end in 7)").contains("\"outcome\":\"UNCHANGED\"")
                .contains("\"totals\":{\"serials\":3,\"value\":\"39497.00\"}")
                .contains("\"od\":\"17252.00\"").contains("\"od\":\"-11499.00\"").contains("\"od\":\"5753.00\"")
                .contains("\"overdue\":\"45250.00\"").contains("\"balanceSource\":\"BOOKS\"")
                .contains("\"totals\":{\"activations\":1,\"value\":\"13999.00\"}");
        assertThat(run.file("od-report.xlsx")).as("the OD report as a workbook (a zip)").startsWith('P', 'K');
    }

    record Run(String tag, String script, int exit, String stdout, String stderr, Map<String, byte[]> files) {
        String report() {
            return "script:\n" + script + "\nexit " + exit + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
        }

        /** A file the script wrote in its directory (empty when it wrote none). */
        byte[] file(String name) {
            return files.getOrDefault(name, new byte[0]);
        }
    }

    /** Runs the section after the ones it continues from, in a new directory, and returns what it printed. */
    Run runSection(String heading) throws Exception {
        String gateway = SuiteUnderTest.get().gatewayUrl();
        String markdown = Files.readString(README, StandardCharsets.UTF_8);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder script = new StringBuilder(prologue(gateway));
        List<String> sections = new ArrayList<>(CONTINUES_FROM.get(heading));
        sections.add(heading);
        for (String section : sections) {
            List<String> blocks = bashBlocks(markdown, section);
            assertThat(blocks).as("```bash blocks under ## %s in %s", section, README).isNotEmpty();
            String body = String.join("\n", blocks).replace(README_GATEWAY, gateway);
            for (Map.Entry<String, String> e : perRun(section, tag).entrySet()) {
                assertThat(body).as("the README's %s example still has %s", section, e.getKey()).contains(e.getKey());
                body = body.replace(e.getKey(), e.getValue());
            }
            script.append("\n# ## ").append(section).append('\n').append(body);
        }

        Path dir = Files.createTempDirectory("readme-");
        Path out = dir.resolve(".stdout");
        Path err = dir.resolve(".stderr");
        try {
            Process p = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script.toString()).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            boolean done = p.waitFor(300, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            Map<String, byte[]> files = new LinkedHashMap<>();
            try (Stream<Path> written = Files.list(dir)) {
                for (Path f : written.filter(Files::isRegularFile).toList()) {
                    files.put(f.getFileName().toString(), Files.readAllBytes(f));
                }
            }
            Run run = new Run(tag, script.toString(), done ? p.exitValue() : -1, Files.readString(out), Files.readString(err), files);
            assertThat(done).as("timed out after 300 s; " + run.report()).isTrue();
            assertThat(run.exit()).as(run.report()).isZero();
            return run;
        } finally {
            try (Stream<Path> left = Files.walk(dir)) {
                for (Path f : left.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** The {@code ```bash} blocks between {@code ## heading} and the next {@code ## } heading. */
    static List<String> bashBlocks(String markdown, String heading) {
        List<String> blocks = new ArrayList<>();
        boolean inSection = false;
        StringBuilder block = null;
        for (String line : markdown.split("\n", -1)) {
            if (block != null) {
                if (line.startsWith("```")) {
                    blocks.add(block.toString());
                    block = null;
                } else {
                    block.append(line).append('\n');
                }
            } else if (line.startsWith("## ")) {
                inSection = line.substring(3).strip().equals(heading);
            } else if (inSection && line.strip().equals("```bash")) {
                block = new StringBuilder();
            }
        }
        return blocks;
    }

    /** The {@code ## } headings under which a fenced block (of any language) calls curl (comments aside). */
    static Set<String> sectionsWithCurl(String markdown) {
        Set<String> sections = new LinkedHashSet<>();
        String heading = null;
        boolean inBlock = false;
        for (String line : markdown.split("\n", -1)) {
            if (inBlock) {
                if (line.startsWith("```")) {
                    inBlock = false;
                } else if (heading != null && !line.strip().startsWith("#") && line.matches(".*(^|[\\s(|;&])curl\\s.*")) {
                    sections.add(heading);
                }
            } else if (line.startsWith("```")) {
                inBlock = true;
            } else if (line.startsWith("## ")) {
                heading = line.substring(3).strip();
            }
        }
        return sections;
    }
}
