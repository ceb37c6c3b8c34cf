package dev.kirana.bench.demo;

import dev.kirana.india.Gstin;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Everything the demo loader puts into the shop, worked out before the first request: pure data from the catalog, a
 * fixed seed and the shop's first demo day (the anchor; the books' earlier dates count back from it). The same
 * inputs give the same plan, so every request of a second run is the first run's again, with the same
 * Idempotency-Key and body.
 *
 * <p>Sale {@code i} depends only on the sales before it, never on how many are planned, so {@code --sales 50} is
 * the first 50 of the default run. Stock is planned too: a sale never asks for more than the counter holds, and
 * a customer's credit never passes their limit, so every sale is confirmed.
 *
 * <p>The worked examples ({@link #WORKED_CUSTOMER_PHONE}, {@link #WORKED_PRODUCT}) are kept out of the random sales so
 * that their figures can be followed by hand: see the README's {@code ./kirana demo} section.
 */
public final class DemoPlan {
    public static final long SEED = 20_261_202L;
    public static final int DEFAULT_SALES = 300;
    public static final String OPENING_NOTE = "Opening stock";

    /** The worked example: Asha's khata and the atta she buys. */
    public static final String WORKED_CUSTOMER_PHONE = "9845012345";
    public static final String WORKED_PRODUCT = "ATTA-AASH-5KG";
    public static final String WORKED_SALT = "SALT-TATA-1KG";

    public record Staff(String key, String email, String name, String role) {
    }

    public record Customer(String name, String phone, String address, BigDecimal creditLimit, BigDecimal openingBalance,
                           LocalDate openingDate) {
    }

    public record Supplier(String key, String name, String gstin, String stateCode, String phone, String address,
                           BigDecimal openingBalance, LocalDate openingDate) {
    }

    /** Goods received without a bill: the shop's opening stock, counted into a location. */
    public record Receipt(String key, String sku, String location, BigDecimal quantity, BigDecimal unitCost, String batchNo,
                          LocalDate expiryDate) {
    }

    public record Adjustment(String key, String sku, String reason, BigDecimal quantity, String batchNo, String note) {
    }

    public record Transfer(String key, String from, String to, Map<String, BigDecimal> lines, String note) {
    }

    public record BillLine(String sku, BigDecimal quantity, BigDecimal unitCost, BigDecimal gstRate, String batchNo,
                           LocalDate expiryDate) {
    }

    /** A supplier's bill; {@code paidMode} null: on credit. */
    public record Bill(String key, String supplier, String number, LocalDate date, List<BillLine> lines, String paidMode,
                       String paidReference, String notes) {
    }

    public record SupplierPayment(String key, String supplier, BigDecimal amount, String mode, String reference, LocalDate date,
                                  String note) {
    }

    public record PurchaseReturn(String key, String billKey, LocalDate date, int lineNo, BigDecimal quantity, String reason) {
    }

    public record Expense(String key, LocalDate date, String category, BigDecimal amount, String mode, BigDecimal gstRate,
                          String supplierName, String reference, String note) {
    }

    public record SaleLine(String sku, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount, BigDecimal discountPercent) {
        /** What the customer pays for the line: price × quantity to the paisa, less the discount (prices include GST). */
        BigDecimal net() {
            BigDecimal gross = unitPrice.multiply(quantity).setScale(2, RoundingMode.HALF_UP);
            BigDecimal d = discount != null ? discount
                    : discountPercent != null ? gross.multiply(discountPercent).divide(new BigDecimal("100"), 6, RoundingMode.HALF_UP)
                    .setScale(2, RoundingMode.HALF_UP) : BigDecimal.ZERO;
            return gross.subtract(d);
        }
    }

    public record Tender(String type, BigDecimal amount, String reference) {
    }

    /**
     * A sale at the counter by {@code staff}; {@code total} is what the suite must answer (lines at tax-inclusive prices,
     * rounded to the rupee); empty {@code tenders} means exact cash.
     */
    public record Sale(int no, String key, String staff, List<SaleLine> lines, Customer customer, List<Tender> tenders,
                       BigDecimal total) {
        public BigDecimal credit() {
            return tenders.stream().filter(t -> t.type().equals("CREDIT")).map(Tender::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    public record Refund(String key, int saleNo, int lineNo, BigDecimal quantity, String tender, String reason) {
    }

    public record Void(String key, int saleNo, String reason) {
    }

    public record Collection(String key, String phone, BigDecimal amount, String mode, String reference, String note) {
    }

    public final LocalDate anchor;
    public final DemoCatalog catalog;
    public final List<Staff> staff;
    public final List<Customer> customers;
    public final List<Supplier> suppliers;
    public final List<Receipt> receipts = new ArrayList<>();
    public final List<Adjustment> adjustments = new ArrayList<>();
    public final List<Transfer> transfers = new ArrayList<>();
    public final List<Bill> bills = new ArrayList<>();
    public final List<SupplierPayment> supplierPayments = new ArrayList<>();
    public final List<PurchaseReturn> purchaseReturns = new ArrayList<>();
    public final List<Expense> expenses = new ArrayList<>();
    public final List<Sale> sales = new ArrayList<>();
    public final List<Refund> refunds = new ArrayList<>();
    public final List<Void> voids = new ArrayList<>();
    public final List<Collection> collections = new ArrayList<>();
    /** The owner's capital when the books started: cash in the drawer and the bank balance. */
    public final BigDecimal openingCash = new BigDecimal("40000.00");
    public final BigDecimal openingBank = new BigDecimal("250000.00");
    public final LocalDate booksStart;
    /** The day whose drawer is counted and closed (the day before the anchor), and the cash found short. */
    public final LocalDate closedDay;
    public final BigDecimal cashShort = new BigDecimal("20.00");

    private DemoPlan(LocalDate anchor, int saleCount) {
        this.anchor = anchor;
        this.catalog = DemoCatalog.load();
        this.booksStart = anchor.minusDays(92);
        this.closedDay = anchor.minusDays(1);
        this.staff = List.of(
                new Staff("manager", "manager@demo.kirana", "Meena Rao", "MANAGER"),
                new Staff("cashier2", "cashier2@demo.kirana", "Ravi Kumar", "CASHIER"));
        this.customers = customers(anchor);
        this.suppliers = suppliers(anchor);
        Map<String, BigDecimal> counter = stock();
        purchases();
        sales(saleCount, counter);
        afterSales();
        expenses();
    }

    /** The plan for a shop whose demo began on {@code anchor}, with {@code saleCount} random sales (plus the worked one). */
    public static DemoPlan of(LocalDate anchor, int saleCount) {
        if (saleCount < 0 || saleCount > 2000) {
            throw new IllegalArgumentException("--sales is 0 to 2000, not " + saleCount);
        }
        return new DemoPlan(anchor, saleCount);
    }

    public Customer customer(String phone) {
        return customers.stream().filter(c -> c.phone().equals(phone)).findFirst().orElseThrow();
    }

    public Sale sale(int no) {
        return sales.stream().filter(s -> s.no() == no).findFirst().orElseThrow();
    }

    // ---- people ---------------------------------------------------------------------------------------------------

    private static List<Customer> customers(LocalDate anchor) {
        return List.of(
                new Customer("Asha Patil", WORKED_CUSTOMER_PHONE, "12, 4th Cross, Jayanagar 4th Block", new BigDecimal("5000.00"),
                        new BigDecimal("450.00"), anchor.minusDays(40)),
                new Customer("Venkatesh Rao", "9880123456", "88, 2nd Main, Basavanagudi", new BigDecimal("2000.00"),
                        new BigDecimal("1250.00"), anchor.minusDays(75)),
                new Customer("Lakshmi Narayan", "9900234567", "5, Temple Street, Malleshwaram", null,
                        new BigDecimal("2340.00"), anchor.minusDays(35)),
                new Customer("Suresh Gowda", "9886567890", "41, 9th Cross, JP Nagar 2nd Phase", new BigDecimal("3000.00"),
                        new BigDecimal("680.00"), anchor.minusDays(12)),
                new Customer("Mohammed Irfan", "9741345678", "17, Tannery Road, Frazer Town", null, null, null),
                new Customer("Priya Sharma", "9845456789", "Flat 302, Sobha Apartments, HSR Layout", null, null, null),
                new Customer("Kavitha Reddy", "9611678901", "23, 1st Stage, BTM Layout", null, null, null),
                new Customer("Rajesh Iyer", "9448789012", "7, Gandhi Bazaar Main Road, Basavanagudi", null, null, null),
                new Customer("Farida Begum", "9008890123", "3, Mosque Road, Frazer Town", null, null, null),
                new Customer("Anil Kumar", "8105901234", "62, 5th Block, Koramangala", null, null, null),
                new Customer("Deepa Hegde", "9972012345", "14, 11th Main, Jayanagar 3rd Block", null, null, null),
                new Customer("Joseph D'Souza", "9535123456", "9, Richards Town Main Road", null, null, null));
    }

    private static List<Supplier> suppliers(LocalDate anchor) {
        return List.of(
                new Supplier("balaji", "Sri Balaji Traders", gstin("29", "ABKFS4821M", '1'), "29", "9845098450",
                        "112, APMC Yard, Yeshwanthpur, Bengaluru", new BigDecimal("12500.00"), anchor.minusDays(60)),
                new Supplier("ganesh", "Ganesh Agencies (HUL, P&G distributor)", gstin("29", "AAHFG7312K", '1'), "29", "9880011223",
                        "45, Old Tharagupet, Bengaluru", null, null),
                new Supplier("nandini", "KMF Nandini Milk Agency, Jayanagar", gstin("29", "AQWPR5521B", '1'), "29", "9900112233",
                        "Nandini Booth Road, Jayanagar 4th Block, Bengaluru", null, null),
                new Supplier("bakery", "Bangalore Bakery Distributors", gstin("29", "AAJFB6634D", '1'), "29", "9741122334",
                        "8, Kalasipalya Main Road, Bengaluru", null, null),
                new Supplier("chennai", "Chennai Snacks & Sweets Wholesale", gstin("33", "AAKFC3902P", '1'), "33", "9444012345",
                        "27, Godown Street, Parrys, Chennai", null, null),
                new Supplier("beverages", "Hebbal Beverages", gstin("29", "AADFH2267Q", '1'), "29", "9845543210",
                        "3, Outer Ring Road, Hebbal, Bengaluru", null, null),
                new Supplier("mandi", "Mysuru Road Vegetable Mandi (Ramaiah)", null, "29", "9844455667",
                        "Stall 41, Kalasipalya Vegetable Market, Bengaluru", null, null));
    }

    /** A GSTIN with a valid check character: state, PAN, entity number, Z. */
    static String gstin(String state, String pan, char entity) {
        String first14 = state + pan + entity + "Z";
        return first14 + Gstin.checkCharacter(first14);
    }

    // ---- stock -----------------------------------------------------------------------------------------------------

    /** Opening stock for every product, a few adjustments and a transfer; returns what the counter holds for sales. */
    private Map<String, BigDecimal> stock() {
        Map<String, BigDecimal> counter = new LinkedHashMap<>();
        int i = 0;
        for (DemoCatalog.Product p : catalog.products()) {
            BigDecimal qty = BigDecimal.valueOf(openingQuantity(p, i++));
            receipts.add(receipt(p, "COUNTER", qty));
            counter.put(p.sku(), qty);
        }
        // bulk packs kept in the back godown; some of them brought to the counter
        for (String sku : List.of("RICE-IG-5KG", "RICE-DAAWAT-5KG", "OIL-FSUN-5L", "SUGAR-5KG", "DRK-BISLERI-2L", "HH-SURF-1KG",
                "ATTA-AASH-10KG", "TEA-TATA-1KG")) {
            DemoCatalog.Product p = catalog.bySku(sku);
            receipts.add(receipt(p, "GODOWN-1", new BigDecimal("12")));
        }
        Map<String, BigDecimal> moved = new LinkedHashMap<>();
        moved.put("RICE-IG-5KG", new BigDecimal("4"));
        moved.put("OIL-FSUN-5L", new BigDecimal("4"));
        moved.put("DRK-BISLERI-2L", new BigDecimal("6"));
        transfers.add(new Transfer("transfer-1", "GODOWN-1", "COUNTER", moved, "Restock the counter from the godown"));
        moved.forEach((sku, q) -> counter.merge(sku, q, BigDecimal::add));

        adjustments.add(new Adjustment("adjust-atta-torn", WORKED_PRODUCT, "DAMAGE", new BigDecimal("-1"), null,
                "Bag torn while stacking"));
        adjustments.add(new Adjustment("adjust-curd-spoilt", "CURD-NAND-500G", "DAMAGE", new BigDecimal("-2"),
                batchOf("CURD-NAND-500G"), "Spoilt: fridge door left open overnight"));
        adjustments.add(new Adjustment("adjust-choc-missing", "CH-DAIRYMK-13G", "LOSS", new BigDecimal("-3"), null,
                "Missing at the weekly count"));
        adjustments.add(new Adjustment("adjust-parleg-found", "BIS-PARLEG-100G", "CORRECTION", new BigDecimal("5"), null,
                "Found an uncounted carton behind the rack"));
        for (Adjustment a : adjustments) {
            counter.merge(a.sku(), a.quantity(), BigDecimal::add);
        }
        return counter;
    }

    /**
     * How much of a product the shop holds on its first day: by how often it sells; a few deliberately near their
     * reorder level so that low-stock alerts have something to show.
     */
    static int openingQuantity(DemoCatalog.Product p, int index) {
        if (p.scripted()) {
            return p.sku().equals(WORKED_PRODUCT) ? 30 : 40;
        }
        int w = p.weight();
        int base = w >= 9 ? 120 : w >= 8 ? 90 : w >= 7 ? 70 : w >= 6 ? 50 : w >= 5 ? 40 : w >= 4 ? 30 : w >= 3 ? 24 : w >= 2 ? 16 : 10;
        if (p.loose() && p.unit().equals("KG")) {
            base = base * 3 / 2;
        }
        if (index % 23 == 7) {
            return p.reorderLevel().intValue() + 3;
        }
        return base;
    }

    private Receipt receipt(DemoCatalog.Product p, String location, BigDecimal qty) {
        return new Receipt("receipt-" + location + "-" + p.sku(), p.sku(), location, qty, p.costPrice(),
                p.perishable() ? batchOf(p.sku()) : null, p.perishable() ? anchor.plusDays(p.shelfDays()) : null);
    }

    private String batchOf(String sku) {
        return "OP" + anchor.toString().replace("-", "").substring(2) + "-" + Math.abs(sku.hashCode() % 1000);
    }

    // ---- purchases -------------------------------------------------------------------------------------------------

    private void purchases() {
        bill("balaji-1", "balaji", "SBT/26-27/1184", 52, "BANK", "NEFT HDFCN52260114",
                line("RICE-SONA", 50), line("DAL-TOORL", 25), line("SUGARL", 40), line("OIL-FSUN-1L", 24), line("DAL-MOONG-1KG", 12),
                line("RAVA-BOMBAY-1KG", 12), line("BESAN-TATA-500G", 10));
        bill("balaji-2", "balaji", "SBT/26-27/1342", 24, null, null,
                line(WORKED_PRODUCT, 20), line("RICE-IDLI", 40), line("DAL-URAD", 20), line("OIL-GOLDW-1L", 24),
                line("SP-SAMBAR-100G", 12), line("TEA-TATA-250G", 12));
        bill("ganesh-1", "ganesh", "GA/4471", 35, "UPI", "UTR 630512349876",
                line("PC-LIFEBUOY-100G", 24), line("PC-LUX-100G", 12), line("PC-CLINIC-8MLSACHET", 100), line("HH-SURF-500G", 12),
                line("HH-VIMBAR-200G", 24), line("TEA-RED-250G", 12), line("PC-PEPSO-150G", 6));
        bill("ganesh-2", "ganesh", "GA/4620", 8, null, null,
                line("HH-RIN-250G", 24), line("HH-WHEEL-1KG", 12), line("PC-CLOSEUP-150G", 6), line("HH-HARPIC-500ML", 6),
                line("SAU-KISSAN-500G", 6), line("PC-SUNSILK-180ML", 6));
        bill("chennai-1", "chennai", "CSW/1089", 18, null, null,
                line("SN-BHUJIA-200G", 24), line("SN-MIXTURE-200G", 12), line("SN-BANANA-200G", 10), line("PICK-LIME-300G", 6),
                line("SW-PULSE-85G", 12), line("BF-UPMA-500G", 6));
        bill("beverages-1", "beverages", "HB/2026/3321", 14, "BANK", "NEFT HDFCN52260377",
                line("DRK-COKE-750ML", 24), line("DRK-THUMS-750ML", 24), line("DRK-SPRITE-750ML", 12), line("DRK-MAAZA-600ML", 24),
                line("DRK-BISLERI-1L", 48), line("DRK-FROOTI-160ML", 48));
        bill("nandini-1", "nandini", "NDA/2611/77", 1, "CASH", null,
                line("MILK-NTON-500ML", 40), line("MILK-NTON-1L", 20), line("CURD-NAND-500G", 20), line("BTRMILK-200ML", 30),
                line("PANEER-NAND-200G", 8), line("GHEE-NAND-500ML", 6));
        bill("bakery-1", "bakery", "BBD/8812", 1, "CASH", null,
                line("BREAD-MOD-400G", 20), line("BREAD-BROWN-400G", 8), line("PAV-6PCS", 12), line("RUSK-300G", 10));
        bill("mandi-1", "mandi", "MVM-1201", 1, "CASH", null,
                line("VEG-ONION", 50), line("VEG-POTATO", 40), line("VEG-TOMATO", 30), line("VEG-CHILLI", 5), line("FR-BANANA", 15));

        supplierPayments.add(new SupplierPayment("pay-balaji-opening", "balaji", new BigDecimal("12500.00"), "BANK",
                "NEFT HDFCN52260021", anchor.minusDays(45), "Old balance cleared"));
        supplierPayments.add(new SupplierPayment("pay-balaji-2", "balaji", new BigDecimal("10000.00"), "BANK",
                "NEFT HDFCN52260455", anchor.minusDays(10), "Part of bill SBT/26-27/1342"));
        supplierPayments.add(new SupplierPayment("pay-chennai-1", "chennai", new BigDecimal("2000.00"), "UPI",
                "UTR 633912345012", anchor.minusDays(5), "Part of bill CSW/1089"));
        purchaseReturns.add(new PurchaseReturn("return-balaji-2", "balaji-2", anchor.minusDays(20), 1, new BigDecimal("2"),
                "Two bags with torn stitching sent back"));
    }

    private BillLine line(String sku, int qty) {
        DemoCatalog.Product p = catalog.bySku(sku);
        return new BillLine(sku, BigDecimal.valueOf(qty), p.costPrice(), p.gstRate(),
                p.perishable() ? "B" + anchor.minusDays(1).toString().replace("-", "").substring(2) : null,
                p.perishable() ? anchor.plusDays(p.shelfDays()) : null);
    }

    private void bill(String key, String supplier, String number, int daysAgo, String paidMode, String reference, BillLine... lines) {
        bills.add(new Bill(key, supplier, number, anchor.minusDays(daysAgo), List.of(lines), paidMode, reference, null));
    }

    /** The bill's total as the books work it out: per line taxable value plus tax at the line's rate, to the paisa. */
    public static BigDecimal billTotal(Bill b) {
        BigDecimal total = BigDecimal.ZERO;
        for (BillLine l : b.lines()) {
            BigDecimal taxable = l.quantity().multiply(l.unitCost()).setScale(2, RoundingMode.HALF_UP);
            BigDecimal half = taxable.multiply(l.gstRate()).divide(new BigDecimal("200"), 6, RoundingMode.HALF_UP).setScale(2, RoundingMode.HALF_UP);
            total = total.add(taxable).add(half).add(half);
        }
        return total;
    }

    // ---- sales -----------------------------------------------------------------------------------------------------

    private void sales(int count, Map<String, BigDecimal> counter) {
        // the worked example first: Asha takes two bags of atta and a salt on her khata
        DemoCatalog.Product atta = catalog.bySku(WORKED_PRODUCT);
        DemoCatalog.Product salt = catalog.bySku(WORKED_SALT);
        List<SaleLine> worked = List.of(new SaleLine(atta.sku(), new BigDecimal("2"), atta.sellingPrice(), null, null),
                new SaleLine(salt.sku(), BigDecimal.ONE, salt.sellingPrice(), null, null));
        BigDecimal workedTotal = total(worked);
        sales.add(new Sale(0, "sale-0", "cashier2", worked, customer(WORKED_CUSTOMER_PHONE),
                List.of(new Tender("CREDIT", workedTotal, null)), workedTotal));

        List<DemoCatalog.Product> sellable = catalog.products().stream().filter(p -> !p.scripted()).toList();
        double[] cumulative = new double[sellable.size()];
        double sum = 0;
        for (int i = 0; i < sellable.size(); i++) {
            sum += sellable.get(i).weight() * (double) sellable.get(i).weight();
            cumulative[i] = sum;
        }
        Map<String, BigDecimal> credit = new HashMap<>();
        for (Customer c : customers) {
            credit.put(c.phone(), c.openingBalance() == null ? BigDecimal.ZERO : c.openingBalance());
        }
        credit.merge(WORKED_CUSTOMER_PHONE, workedTotal, BigDecimal::add);
        List<Customer> regulars = customers.stream().filter(c -> !c.phone().equals(WORKED_CUSTOMER_PHONE)).toList();

        for (int no = 1; no <= count; no++) {
            Random r = new Random(SEED * 31 + no);
            int wanted = pick(r, new int[]{25, 25, 20, 12, 8, 6, 4}) + 1;
            Set<String> chosen = new LinkedHashSet<>();
            List<SaleLine> lines = new ArrayList<>();
            for (int attempt = 0; attempt < wanted * 6 && lines.size() < wanted; attempt++) {
                double u = r.nextDouble() * sum;
                int idx = 0;
                while (cumulative[idx] < u) {
                    idx++;
                }
                DemoCatalog.Product p = sellable.get(idx);
                BigDecimal qty = quantity(p, r);
                // keep one on the shelf: the plan never sells what the counter does not hold
                if (chosen.contains(p.sku()) || counter.get(p.sku()).subtract(qty).compareTo(BigDecimal.ONE) < 0) {
                    continue;
                }
                chosen.add(p.sku());
                BigDecimal discount = null;
                BigDecimal percent = null;
                int d = r.nextInt(100);
                if (d < 6 && !p.loose()) {
                    percent = d < 3 ? new BigDecimal("5") : new BigDecimal("10");
                } else if (d < 8 && p.sellingPrice().multiply(qty).compareTo(new BigDecimal("100")) > 0) {
                    discount = new BigDecimal("5.00");
                }
                lines.add(new SaleLine(p.sku(), qty, p.sellingPrice(), discount, percent));
                counter.merge(p.sku(), qty.negate(), BigDecimal::add);
            }
            if (lines.isEmpty()) {
                continue; // the shelves are bare: fewer sales than asked, reported by the loader
            }
            BigDecimal total = total(lines);
            String staffKey = pick(r, new int[]{20, 35, 45}) == 0 ? "owner" : r.nextBoolean() ? "manager" : "cashier2";
            Customer customer = r.nextInt(100) < 18 ? regulars.get(r.nextInt(regulars.size())) : null;
            List<Tender> tenders = tenders(r, no, total, customer, credit);
            sales.add(new Sale(no, "sale-" + no, staffKey, List.copyOf(lines), customer, tenders, total));
        }
    }

    private static List<Tender> tenders(Random r, int no, BigDecimal total, Customer customer, Map<String, BigDecimal> credit) {
        String utr = "UTR " + (633_000_000_000L + no * 7919L);
        int t = r.nextInt(100);
        if (customer != null && t < 45) {
            BigDecimal limit = customer.creditLimit();
            BigDecimal owed = credit.get(customer.phone());
            boolean part = r.nextInt(3) == 0 && total.compareTo(new BigDecimal("100")) > 0;
            BigDecimal onCredit = part ? total.subtract(total.divide(new BigDecimal("2"), 0, RoundingMode.DOWN)) : total;
            // a limit is kept with room to spare: the counter's view of the khata may lag the books
            if (limit == null || owed.add(onCredit).compareTo(limit.subtract(new BigDecimal("100"))) <= 0) {
                credit.merge(customer.phone(), onCredit, BigDecimal::add);
                return part ? List.of(new Tender("CREDIT", onCredit, null), new Tender("CASH", total.subtract(onCredit), null))
                        : List.of(new Tender("CREDIT", onCredit, null));
            }
        }
        if (t < 38) {
            return List.of();
        }
        if (t < 50) {
            BigDecimal note = total.compareTo(new BigDecimal("100")) <= 0 ? new BigDecimal("100")
                    : total.compareTo(new BigDecimal("500")) <= 0 ? new BigDecimal("500")
                    : total.divide(new BigDecimal("500"), 0, RoundingMode.UP).multiply(new BigDecimal("500"));
            return List.of(new Tender("CASH", note.setScale(2), null));
        }
        if (t < 80) {
            return List.of(new Tender("UPI", total, utr));
        }
        if (t < 88 && total.compareTo(new BigDecimal("200")) >= 0) {
            return List.of(new Tender("CARD", total, "AUTH " + (400_000 + no)));
        }
        if (total.compareTo(new BigDecimal("60")) > 0) {
            BigDecimal upi = total.divide(new BigDecimal("2"), 0, RoundingMode.DOWN);
            BigDecimal rest = total.subtract(upi);
            BigDecimal cash = rest.divide(new BigDecimal("10"), 0, RoundingMode.UP).multiply(BigDecimal.TEN);
            return List.of(new Tender("UPI", upi.setScale(2), utr), new Tender("CASH", cash.setScale(2), null));
        }
        return List.of(new Tender("UPI", total, utr));
    }

    static BigDecimal total(List<SaleLine> lines) {
        BigDecimal exact = lines.stream().map(SaleLine::net).reduce(BigDecimal.ZERO, BigDecimal::add);
        return exact.setScale(0, RoundingMode.HALF_UP).setScale(2);
    }

    private static BigDecimal quantity(DemoCatalog.Product p, Random r) {
        if (p.loose() && p.unit().equals("KG")) {
            BigDecimal[] kg = p.sellingPrice().compareTo(new BigDecimal("70")) > 0
                    ? new BigDecimal[]{new BigDecimal("0.25"), new BigDecimal("0.5"), new BigDecimal("1")}
                    : new BigDecimal[]{new BigDecimal("0.5"), new BigDecimal("1"), new BigDecimal("1.5"), new BigDecimal("2")};
            return kg[r.nextInt(kg.length)];
        }
        if (p.loose()) {
            return BigDecimal.valueOf(1 + r.nextInt(p.unit().equals("DOZ") ? 1 : 6));
        }
        int q = r.nextInt(100);
        return BigDecimal.valueOf(q < 78 ? 1 : q < 95 ? 2 : 3);
    }

    private static int pick(Random r, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int u = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /**
     * A few refunds and voids of walk-in sales, and what customers pay on their khata. None of it depends on how many
     * sales there are: a refund is the first walk-in sale from number 8, 58, 108 …, a void the first from 17, 167 …,
     * so a smaller run's refunds and voids are the bigger run's first ones, with the same keys and bodies.
     */
    private void afterSales() {
        String[] why = {"Customer changed her mind", "Packet damaged, noticed at home", "Bought the wrong size"};
        int k = 0;
        for (int from = 8; from < sales.size(); from += 50, k++) {
            Sale s = firstWalkIn(from, from + 49);
            if (s != null) {
                SaleLine first = s.lines().get(0);
                BigDecimal qty = first.quantity().compareTo(BigDecimal.ONE) > 0 && first.quantity().stripTrailingZeros().scale() <= 0
                        ? BigDecimal.ONE : first.quantity();
                refunds.add(new Refund("refund-" + s.no(), s.no(), 1, qty, "CASH", why[k % why.length]));
            }
        }
        for (int from = 17; from < sales.size(); from += 150) {
            Sale s = firstWalkIn(from, from + 149);
            if (s != null) {
                voids.add(new Void("void-" + s.no(), s.no(), "Rung up twice by mistake"));
            }
        }
        collections.add(new Collection("collect-asha", WORKED_CUSTOMER_PHONE, new BigDecimal("300.00"), "UPI",
                "UTR 633412345678", "Part payment"));
        collections.add(new Collection("collect-9900234567", "9900234567", new BigDecimal("2340.00"), "BANK",
                "NEFT SBIN52260812", "Cleared last month's balance"));
        collections.add(new Collection("collect-9880123456", "9880123456", new BigDecimal("500.00"), "CASH", null,
                "Part of the old balance"));
        collections.add(new Collection("collect-9886567890", "9886567890", new BigDecimal("680.00"), "UPI",
                "UTR 634000567890", "Last week's balance"));
        collections.add(new Collection("collect-9611678901", "9611678901", new BigDecimal("1000.00"), "UPI",
                "UTR 634000678901", "Advance for the month's groceries"));
    }

    /** The first sale numbered {@code from} to {@code to} without a customer that is not refunded or voided yet. */
    private Sale firstWalkIn(int from, int to) {
        for (Sale s : sales) {
            if (s.no() >= from && s.no() <= to && s.customer() == null
                    && refunds.stream().noneMatch(f -> f.saleNo() == s.no()) && voids.stream().noneMatch(v -> v.saleNo() == s.no())) {
                return s;
            }
        }
        return null;
    }

    // ---- expenses --------------------------------------------------------------------------------------------------

    private void expenses() {
        LocalDate month = anchor.withDayOfMonth(1);
        for (int m = 2; m >= 0; m--) {
            LocalDate rentMonth = month.minusMonths(m);
            LocalDate rentDay = rentMonth.withDayOfMonth(5);
            if (!rentDay.isBefore(anchor)) {
                rentDay = anchor.minusDays(1); // paid early: the 5th has not come yet
            }
            String ym = rentMonth.toString().substring(0, 7);
            String monthName = rentMonth.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
            expenses.add(new Expense("rent-" + ym, rentDay, "RENT", new BigDecimal("17700.00"), "BANK", new BigDecimal("18"),
                    "Sri Venkateswara Properties", "RENT-" + ym, "Shop rent for " + monthName + " (15,000 + 18% GST)"));
        }
        expenses.add(new Expense("electricity-1", anchor.minusDays(38), "ELECTRICITY", new BigDecimal("2845.00"), "UPI", null,
                "BESCOM", "RR4411207-" + anchor.minusDays(38).toString().substring(0, 7), "Electricity is exempt from GST"));
        expenses.add(new Expense("electricity-2", anchor.minusDays(8), "ELECTRICITY", new BigDecimal("3120.00"), "UPI", null,
                "BESCOM", "RR4411207-" + anchor.minusDays(8).toString().substring(0, 7), "Electricity is exempt from GST"));
        expenses.add(new Expense("internet-1", anchor.minusDays(16), "MISC", new BigDecimal("1179.00"), "UPI", new BigDecimal("18"),
                "ACT Fibernet", "ACT-88120451", "Broadband for the billing counter"));
        expenses.add(new Expense("repair-1", anchor.minusDays(20), "REPAIRS", new BigDecimal("1770.00"), "BANK", new BigDecimal("18"),
                "Cool Point Refrigeration", "CPR/562", "Visi-cooler compressor repair"));
        expenses.add(new Expense("packaging-1", anchor.minusDays(6), "PACKAGING", new BigDecimal("1180.00"), "CASH", new BigDecimal("18"),
                "Sri Ganesh Plastics", "SGP-3318", "Paper carry bags, 1,000"));
        expenses.add(new Expense("transport-1", closedDay, "TRANSPORT", new BigDecimal("450.00"), "CASH", null,
                null, null, "Tempo from the vegetable market"));
        expenses.add(new Expense("wages-1", closedDay, "WAGES", new BigDecimal("3500.00"), "CASH", null,
                null, null, "Helper's weekly wages (Manju)"));
    }

    /** Cash the plan pays out on the closed day (expenses and bills paid in cash); the drawer's book follows from it. */
    public BigDecimal cashPaidOn(LocalDate day) {
        BigDecimal out = BigDecimal.ZERO;
        for (Expense e : expenses) {
            if (e.date().equals(day) && e.mode().equals("CASH")) {
                out = out.add(e.amount());
            }
        }
        for (Bill b : bills) {
            if (b.date().equals(day) && "CASH".equals(b.paidMode())) {
                out = out.add(billTotal(b));
            }
        }
        return out;
    }
}
