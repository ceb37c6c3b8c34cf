package dev.kirana.bench.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The demo shop's price list, read from {@code catalog.txt} next to this class: every pack size of every product
 * with a stable SKU, a stable EAN-13 barcode (GS1 India prefix 890, derived from the SKU), its HSN code, the GST rate
 * in force, MRP, selling price, cost price and reorder level. Nothing random: the same file always gives the same
 * catalog, which is what makes a second import change nothing.
 */
public final class DemoCatalog {
    static final String RESOURCE = "catalog.txt";

    /**
     * One product as the shop sells it.
     *
     * @param weight     how often it sells, 1 (rare) to 9 (every few bills)
     * @param shelfDays  days from receipt to expiry for perishables, 0 otherwise
     * @param scripted   kept out of the random sales: its movements are the demo's worked examples
     */
    public record Product(String sku, String barcode, String name, String category, String hsn, BigDecimal gstRate,
                          String unit, BigDecimal mrp, BigDecimal sellingPrice, BigDecimal costPrice, BigDecimal reorderLevel,
                          int weight, int shelfDays, boolean loose, boolean scripted) {
        public boolean perishable() {
            return shelfDays > 0;
        }
    }

    private final List<Product> products;

    private DemoCatalog(List<Product> products) {
        this.products = List.copyOf(products);
    }

    public List<Product> products() {
        return products;
    }

    public Product bySku(String sku) {
        return products.stream().filter(p -> p.sku().equals(sku)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no product " + sku + " in the demo catalog"));
    }

    public static DemoCatalog load() {
        try (InputStream in = DemoCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the demo catalog " + RESOURCE + " is missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DemoCatalog parse(BufferedReader reader) throws IOException {
        List<Product> out = new ArrayList<>();
        Set<String> skus = new HashSet<>();
        Set<String> barcodes = new HashSet<>();
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\|");
            if (f.length != 8) {
                throw new IllegalStateException(RESOURCE + " line " + lineNo + ": 8 fields expected, got " + f.length);
            }
            String code = f[0].trim();
            String category = f[1].trim();
            String name = f[2].trim();
            String hsn = f[3].trim();
            BigDecimal gst = new BigDecimal(f[4].trim());
            String unit = f[5].trim();
            int weight = 3;
            int shelf = 0;
            boolean loose = false;
            boolean scripted = false;
            for (String flag : f[6].trim().split("\\s+")) {
                if (flag.isEmpty()) {
                    continue;
                }
                switch (flag.charAt(0)) {
                    case 'W' -> weight = Integer.parseInt(flag.substring(1));
                    case 'P' -> shelf = Integer.parseInt(flag.substring(1));
                    case 'L' -> loose = true;
                    case 'S' -> scripted = true;
                    default -> throw new IllegalStateException(RESOURCE + " line " + lineNo + ": unknown flag " + flag);
                }
            }
            for (String variant : f[7].split(",")) {
                String[] sv = variant.trim().split("=");
                String size = sv[0].trim();
                String[] prices = sv[1].trim().split("/");
                BigDecimal mrp = new BigDecimal(prices[0]).setScale(2);
                BigDecimal selling = (prices.length > 1 ? new BigDecimal(prices[1]) : mrp).setScale(2);
                String sku = size.equals("-") ? code : code + "-" + size.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
                String fullName = size.equals("-") ? name : name + " " + size;
                if (!skus.add(sku)) {
                    throw new IllegalStateException(RESOURCE + " line " + lineNo + ": SKU " + sku + " twice");
                }
                String barcode = loose ? null : ean13(sku, barcodes);
                out.add(new Product(sku, barcode, fullName, category, hsn, gst, unit, mrp.signum() == 0 ? null : mrp, selling,
                        cost(selling, gst, category), reorderLevel(weight, loose), weight, shelf, loose, scripted));
            }
        }
        return new DemoCatalog(out);
    }

    /**
     * What the shop pays its supplier per unit, before tax: the selling price less GST and the kirana's usual margin
     * (thin on staples and milk, wider on snacks, household goods and vegetables), to the paisa.
     */
    static BigDecimal cost(BigDecimal selling, BigDecimal gst, String category) {
        BigDecimal margin = category.startsWith("Staples") || category.startsWith("Edible") || category.startsWith("Dairy > Milk")
                ? new BigDecimal("0.07")
                : category.startsWith("Dairy") || category.startsWith("Bakery") ? new BigDecimal("0.10")
                : category.startsWith("Fruits") ? new BigDecimal("0.22")
                : category.startsWith("Household") || category.startsWith("Stationery") || category.startsWith("Personal")
                ? new BigDecimal("0.16") : new BigDecimal("0.13");
        BigDecimal taxable = selling.multiply(new BigDecimal("100")).divide(new BigDecimal("100").add(gst), 6, RoundingMode.HALF_UP);
        return taxable.multiply(BigDecimal.ONE.subtract(margin)).setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal reorderLevel(int weight, boolean loose) {
        int level = weight >= 8 ? 20 : weight >= 6 ? 12 : weight >= 4 ? 8 : weight >= 2 ? 4 : 2;
        return BigDecimal.valueOf(loose ? level * 2L : level);
    }

    /** A valid EAN-13 in the GS1 India range (890), the same for the same SKU; unique within the catalog. */
    static String ean13(String sku, Set<String> taken) {
        for (int salt = 0; ; salt++) {
            UUID u = UUID.nameUUIDFromBytes(("kirana-demo-barcode:" + sku + ":" + salt).getBytes(StandardCharsets.UTF_8));
            long digits = Math.floorMod(u.getMostSignificantBits() ^ u.getLeastSignificantBits(), 1_000_000_000L);
            String first12 = "890" + String.format("%09d", digits);
            int sum = 0;
            for (int i = 0; i < 12; i++) {
                sum += (first12.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
            }
            String code = first12 + (10 - sum % 10) % 10;
            if (taken.add(code)) {
                return code;
            }
        }
    }

    /** The price list as a CSV the catalog's import reads (upsert by SKU; the category path creates the categories). */
    public String csv() {
        return csv(products);
    }

    /** The price list in files of at most {@code rows} products each. */
    public List<String> csvParts(int rows) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < products.size(); i += rows) {
            parts.add(csv(products.subList(i, Math.min(products.size(), i + rows))));
        }
        return parts;
    }

    private static String csv(List<Product> products) {
        StringBuilder b = new StringBuilder("sku,barcode,name,category,hsn,gst_rate,selling_price,mrp,cost_price,tax_inclusive,unit,"
                + "reorder_level,perishable\n");
        for (Product p : products) {
            b.append(p.sku()).append(',')
                    .append(p.barcode() == null ? "" : p.barcode()).append(',')
                    .append(quote(p.name())).append(',')
                    .append(quote(p.category())).append(',')
                    .append(p.hsn()).append(',')
                    .append(p.gstRate().toPlainString()).append(',')
                    .append(p.sellingPrice().toPlainString()).append(',')
                    .append(p.mrp() == null ? "" : p.mrp().toPlainString()).append(',')
                    .append(p.costPrice().toPlainString()).append(',')
                    .append("true,")
                    .append(p.unit()).append(',')
                    .append(p.reorderLevel().toPlainString()).append(',')
                    .append(p.perishable()).append('\n');
        }
        return b.toString();
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
