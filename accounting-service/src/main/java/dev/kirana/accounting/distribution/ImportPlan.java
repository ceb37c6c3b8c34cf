package dev.kirana.accounting.distribution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What importing a workbook's rows does, decided before anything is written: which rows are rejected for naming an IMEI
 * an earlier row of the same file named, or an unknown retailer without its name; which retailers and models are new;
 * which models get a new name or dealer price (the last one the file gives); and for each serial whether it is new,
 * changed (retailer, model, status, activation date or price) or exactly as stored, so that importing the same rows
 * again changes nothing.
 */
public final class ImportPlan {

    /** A serial as stored. {@code price} null: valued at its model's dealer price. */
    public record StoredSerial(String retailerCode, String model, SerialStatus status, LocalDate activationDate, BigDecimal price) {
    }

    /** A model as stored. */
    public record StoredProduct(String name, BigDecimal dealerPrice) {
    }

    public enum Action { CREATE, UPDATE, UNCHANGED }

    /** What happens to one row's serial; {@code price} is what is stored after it (the row's, else the one stored). */
    public record Step(PrmRow row, Action action, BigDecimal price) {
    }

    /** A model to add or change: {@code dealerPrice} null when the file gives none. */
    public record ProductChange(String code, String name, BigDecimal dealerPrice, boolean create) {
    }

    public record Plan(List<Step> steps, List<PrmRow.Rejection> rejections, Map<String, String> newRetailers,
                       List<ProductChange> products) {
        public long count(Action a) {
            return steps.stream().filter(s -> s.action() == a).count();
        }
    }

    /**
     * @param rows        the valid rows in file order
     * @param rejected    the rows already rejected while reading (kept, merged in row order)
     * @param retailers   codes of the retailers the books know
     * @param products    the models stored, by code
     * @param serials     the stored serials among the file's IMEIs
     */
    public static Plan of(List<PrmRow> rows, List<PrmRow.Rejection> rejected, Set<String> retailers, Map<String, StoredProduct> products,
                          Map<String, StoredSerial> serials) {
        Map<String, Integer> firstRowOf = new HashMap<>();
        Map<String, String> newRetailers = new LinkedHashMap<>();
        List<PrmRow> accepted = new ArrayList<>();
        List<PrmRow.Rejection> rejections = new ArrayList<>(rejected);
        for (PrmRow r : rows) {
            Integer first = firstRowOf.putIfAbsent(r.imei(), r.rowNumber());
            if (first != null) {
                rejections.add(reject(r, "duplicate IMEI: already on row " + first + " of this file"));
                continue;
            }
            if (!retailers.contains(r.retailerCode()) && !newRetailers.containsKey(r.retailerCode())) {
                if (r.retailerName() == null) {
                    rejections.add(reject(r, "retailer " + r.retailerCode() + " is not known: give its name to add it"));
                    continue;
                }
                newRetailers.put(r.retailerCode(), r.retailerName());
            }
            accepted.add(r);
        }
        rejections.sort(java.util.Comparator.comparingInt(PrmRow.Rejection::rowNumber));

        Map<String, ProductChange> changes = new LinkedHashMap<>();
        for (PrmRow r : accepted) {
            StoredProduct stored = products.get(r.model());
            ProductChange earlier = changes.get(r.model());
            String name = r.productName() != null ? r.productName()
                    : earlier != null ? earlier.name() : stored != null ? stored.name() : r.model();
            BigDecimal price = r.price() != null ? r.price()
                    : earlier != null ? earlier.dealerPrice() : stored != null ? stored.dealerPrice() : null;
            changes.put(r.model(), new ProductChange(r.model(), name, price, stored == null));
        }
        List<ProductChange> productChanges = changes.values().stream().filter(c -> {
            StoredProduct s = products.get(c.code());
            return s == null || !s.name().equals(c.name()) || !same(s.dealerPrice(), c.dealerPrice());
        }).toList();

        List<Step> steps = new ArrayList<>();
        for (PrmRow r : accepted) {
            StoredSerial s = serials.get(r.imei());
            BigDecimal price = r.price() != null ? r.price() : s == null ? null : s.price();
            Action action = s == null ? Action.CREATE
                    : s.retailerCode().equals(r.retailerCode()) && s.model().equals(r.model()) && s.status() == r.status()
                      && Objects.equals(s.activationDate(), r.activationDate()) && same(s.price(), price)
                    ? Action.UNCHANGED : Action.UPDATE;
            steps.add(new Step(r, action, price));
        }
        return new Plan(steps, List.copyOf(rejections), newRetailers, productChanges);
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static PrmRow.Rejection reject(PrmRow r, String reason) {
        Map<PrmField, String> cells = new java.util.EnumMap<>(PrmField.class);
        cells.put(PrmField.RETAILER_CODE, r.retailerCode());
        cells.put(PrmField.RETAILER_NAME, r.retailerName() == null ? "" : r.retailerName());
        cells.put(PrmField.MODEL, r.model());
        cells.put(PrmField.PRODUCT_NAME, r.productName() == null ? "" : r.productName());
        cells.put(PrmField.IMEI, r.imei());
        cells.put(PrmField.STATUS, r.status().name());
        cells.put(PrmField.ACTIVATION_DATE, r.activationDate() == null ? "" : r.activationDate().toString());
        cells.put(PrmField.PRICE, r.price() == null ? "" : r.price().toPlainString());
        return new PrmRow.Rejection(r.rowNumber(), r.imei(), reason, cells);
    }

    private ImportPlan() {
    }
}
