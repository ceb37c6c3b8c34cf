package dev.kirana.accounting.gstreturn;

import dev.kirana.accounting.gstreturn.OutwardDocument.Kind;
import dev.kirana.accounting.gstreturn.OutwardDocument.Line;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds GSTR-1 from the register's documents of a period, as the JSON the GST offline tool imports: the format of
 * the GSTN "Returns Offline Tool" / GSTR-1 API, version {@value #FORMAT_VERSION} (published by GSTN on gst.gov.in,
 * Downloads → Offline Tools; the version with the HSN summary in separate B2B and B2C tables, for return periods from
 * May 2025). Money is a JSON number to two decimals, dates {@code dd-mm-yyyy}, states their two-digit codes.
 * <ul>
 * <li>{@code b2b}: invoices to registered buyers (table 4A), by buyer GSTIN, items per rate;</li>
 * <li>{@code b2cl}: inter-state invoices to unregistered buyers above {@link B2clThreshold} (table 5), by place of supply;</li>
 * <li>{@code b2cs}: every other sale to unregistered buyers, net of their credit notes, by supply type, place of
 * supply and rate (table 7);</li>
 * <li>{@code cdnr} / {@code cdnur}: credit notes to registered buyers, and to unregistered buyers against a B2CL
 * invoice (table 9B);</li>
 * <li>{@code b2ba} / {@code b2cla}: an invoice reported in an earlier, filed return and voided since, amended to
 * nil (tables 9A);</li>
 * <li>{@code nil}: nil-rated lines (rate 0) and bills of supply (exempt), by supply type (table 8);</li>
 * <li>{@code hsn}: the HSN summary (table 12) in {@code hsn_b2b} and {@code hsn_b2c}, the code cut to 4 or 6 digits;</li>
 * <li>{@code doc_issue}: invoices and credit notes issued, per series, from–to, total, cancelled (table 13).</li>
 * </ul>
 * Compensation cess is not charged by the shop's sales: {@code csamt} is 0.
 */
public final class Gstr1Builder {
    public static final String FORMAT_VERSION = "GST3.2.4";
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy", Locale.ROOT);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final BigDecimal ZERO = new BigDecimal("0.00");
    private static final Pattern SERIES = Pattern.compile("^(.*?)([0-9]+)$");

    /**
     * @param gstin     the shop's GSTIN (blank when not known)
     * @param hsnDigits 4 (aggregate turnover up to ₹5 crore) or 6 (above)
     */
    public static ObjectNode build(String gstin, ReturnPeriod period, int hsnDigits, List<OutwardDocument> documents) {
        PeriodSupplies supplies = PeriodSupplies.of(documents);
        Map<String, List<ObjectNode>> b2b = new TreeMap<>();
        Map<String, List<ObjectNode>> b2ba = new TreeMap<>();
        Map<String, List<ObjectNode>> b2cl = new TreeMap<>();
        Map<String, List<ObjectNode>> b2cla = new TreeMap<>();
        Map<String, List<ObjectNode>> cdnr = new TreeMap<>();
        List<ObjectNode> cdnur = new ArrayList<>();
        Map<String, Sums> b2cs = new TreeMap<>();
        Map<String, Sums> nil = new TreeMap<>();
        Map<String, Sums> hsnB2b = new TreeMap<>();
        Map<String, Sums> hsnB2c = new TreeMap<>();

        for (PeriodSupplies.Counted c : sorted(supplies.counted())) {
            OutwardDocument d = c.document();
            int sign = c.sign();
            for (Line l : d.lines()) {
                hsn(d.registeredBuyer() ? hsnB2b : hsnB2c, l, hsnDigits, sign);
                if (d.billOfSupply() || l.rate().signum() == 0) {
                    nil.computeIfAbsent(nilType(d), k -> new Sums()).add(d.billOfSupply() ? "expt" : "nil", l, sign);
                }
            }
            boolean b2c = !d.registeredBuyer() && !d.largeToConsumer();
            if (b2c) {
                for (Line l : taxable(d)) {
                    String key = (d.interState() ? "INTER" : "INTRA") + "|" + d.placeOfSupply() + "|" + rate(l.rate()).toPlainString();
                    b2cs.computeIfAbsent(key, k -> new Sums()).add("", l, sign);
                }
                continue;
            }
            if (taxable(d).isEmpty()) {
                continue;
            }
            if (d.kind() == Kind.INVOICE) {
                ObjectNode inv = invoice(d, false);
                if (d.registeredBuyer()) {
                    inv.put("pos", d.placeOfSupply()).put("rchrg", "N").put("inv_typ", "R");
                    b2b.computeIfAbsent(d.buyerGstin(), k -> new ArrayList<>()).add(reorder(inv, "inum", "idt", "val", "pos", "rchrg", "inv_typ", "itms"));
                } else {
                    b2cl.computeIfAbsent(d.placeOfSupply(), k -> new ArrayList<>()).add(inv);
                }
            } else if (d.kind() == Kind.CREDIT_NOTE) {
                ObjectNode nt = JSON.objectNode();
                if (!d.registeredBuyer()) nt.put("typ", "B2CL");
                nt.put("ntty", "C").put("nt_num", d.number()).put("nt_dt", DATE.format(d.date())).put("val", money(d.value()))
                        .put("pos", d.placeOfSupply());
                if (d.registeredBuyer()) nt.put("rchrg", "N").put("inv_typ", "R");
                nt.set("itms", items(d, false));
                if (d.registeredBuyer()) {
                    cdnr.computeIfAbsent(d.buyerGstin(), k -> new ArrayList<>()).add(nt);
                } else {
                    cdnur.add(nt);
                }
            } else {
                ObjectNode inv = invoice(d, true);
                inv.put("oinum", d.invoiceNumber() == null ? d.number() : d.invoiceNumber())
                        .put("oidt", DATE.format(d.originalDate()));
                if (d.registeredBuyer()) {
                    inv.put("pos", d.placeOfSupply()).put("rchrg", "N").put("inv_typ", "R");
                    b2ba.computeIfAbsent(d.buyerGstin(), k -> new ArrayList<>())
                            .add(reorder(inv, "oinum", "oidt", "inum", "idt", "val", "pos", "rchrg", "inv_typ", "itms"));
                } else {
                    b2cla.computeIfAbsent(d.placeOfSupply(), k -> new ArrayList<>()).add(reorder(inv, "oinum", "oidt", "inum", "idt", "val", "itms"));
                }
            }
        }

        ObjectNode out = JSON.objectNode();
        out.put("gstin", gstin == null ? "" : gstin).put("fp", period.fp()).put("version", FORMAT_VERSION).put("hash", "hash");
        grouped(out, "b2b", "ctin", "inv", b2b);
        grouped(out, "b2ba", "ctin", "inv", b2ba);
        grouped(out, "b2cl", "pos", "inv", b2cl);
        grouped(out, "b2cla", "pos", "inv", b2cla);
        ArrayNode cs = JSON.arrayNode();
        b2cs.forEach((key, s) -> {
            if (s.isZero()) return;
            String[] k = key.split("\\|");
            ObjectNode row = cs.addObject().put("sply_ty", k[0]).put("pos", k[1]).put("typ", "OE").put("rt", new BigDecimal(k[2]))
                    .put("txval", s.taxable);
            if ("INTER".equals(k[0])) {
                row.put("iamt", s.igst);
            } else {
                row.put("camt", s.cgst).put("samt", s.sgst);
            }
            row.put("csamt", ZERO);
        });
        if (!cs.isEmpty()) out.set("b2cs", cs);
        grouped(out, "cdnr", "ctin", "nt", cdnr);
        if (!cdnur.isEmpty()) {
            ArrayNode a = out.putArray("cdnur");
            cdnur.forEach(a::add);
        }
        ArrayNode nilRows = JSON.arrayNode();
        nil.forEach((type, s) -> {
            if (s.nil.signum() != 0 || s.exempt.signum() != 0) {
                nilRows.addObject().put("sply_ty", type).put("expt_amt", s.exempt).put("nil_amt", s.nil).put("ngsup_amt", ZERO);
            }
        });
        if (!nilRows.isEmpty()) out.putObject("nil").set("inv", nilRows);
        ObjectNode hsn = out.putObject("hsn");
        hsn.set("hsn_b2b", hsnRows(hsnB2b));
        hsn.set("hsn_b2c", hsnRows(hsnB2c));
        out.putObject("doc_issue").set("doc_det", documentsIssued(documents, supplies));
        return out;
    }

    private static List<PeriodSupplies.Counted> sorted(List<PeriodSupplies.Counted> counted) {
        List<PeriodSupplies.Counted> list = new ArrayList<>(counted);
        list.sort(Comparator.comparing((PeriodSupplies.Counted c) -> c.document().date()).thenComparing(c -> c.document().number()));
        return list;
    }

    private static List<Line> taxable(OutwardDocument d) {
        return d.billOfSupply() ? List.of() : d.lines().stream().filter(l -> l.rate().signum() > 0).toList();
    }

    /** An invoice entry with its items per rate; {@code nil} writes the items at zero (an invoice amended to nothing). */
    private static ObjectNode invoice(OutwardDocument d, boolean nil) {
        String number = d.kind() == Kind.INVOICE || d.invoiceNumber() == null ? d.number() : d.invoiceNumber();
        ObjectNode inv = JSON.objectNode().put("inum", number).put("idt", DATE.format(d.originalDate()))
                .put("val", nil ? ZERO : money(d.value()));
        inv.set("itms", items(d, nil));
        return inv;
    }

    private static ArrayNode items(OutwardDocument d, boolean nil) {
        Map<BigDecimal, Sums> byRate = new TreeMap<>();
        for (Line l : taxable(d)) {
            byRate.computeIfAbsent(rate(l.rate()), k -> new Sums()).add("", l, 1);
        }
        ArrayNode items = JSON.arrayNode();
        int[] num = {1};
        byRate.forEach((rt, s) -> {
            ObjectNode det = items.addObject().put("num", num[0]++).putObject("itm_det");
            det.put("txval", nil ? ZERO : s.taxable).put("rt", rt);
            if (d.interState()) {
                det.put("iamt", nil ? ZERO : s.igst);
            } else {
                det.put("camt", nil ? ZERO : s.cgst).put("samt", nil ? ZERO : s.sgst);
            }
            det.put("csamt", ZERO);
        });
        return items;
    }

    private static ObjectNode reorder(ObjectNode node, String... names) {
        ObjectNode out = JSON.objectNode();
        for (String n : names) {
            if (node.has(n)) out.set(n, node.get(n));
        }
        return out;
    }

    private static void grouped(ObjectNode out, String section, String keyName, String listName, Map<String, List<ObjectNode>> groups) {
        if (groups.isEmpty()) return;
        ArrayNode a = out.putArray(section);
        groups.forEach((key, list) -> {
            ObjectNode g = a.addObject().put(keyName, key);
            ArrayNode l = g.putArray(listName);
            list.forEach(l::add);
        });
    }

    private static String nilType(OutwardDocument d) {
        return (d.interState() ? "INTR" : "INTRA") + (d.registeredBuyer() ? "B2B" : "B2C");
    }

    private static void hsn(Map<String, Sums> table, Line l, int digits, int sign) {
        String code = l.hsn() == null ? "" : l.hsn().strip();
        if (code.length() > digits) code = code.substring(0, digits);
        String key = code + "|" + uqc(l.unit()) + "|" + rate(l.rate()).toPlainString();
        Sums s = table.computeIfAbsent(key, k -> new Sums());
        if (s.description == null && l.description() != null) {
            String desc = l.description().strip();
            s.description = desc.length() > 30 ? desc.substring(0, 30) : desc;
        }
        s.add("", l, sign);
    }

    private static ArrayNode hsnRows(Map<String, Sums> table) {
        ArrayNode rows = JSON.arrayNode();
        int num = 1;
        for (var e : table.entrySet()) {
            Sums s = e.getValue();
            if (s.isZero() && s.quantity.signum() == 0) continue;
            String[] k = e.getKey().split("\\|", -1);
            rows.addObject().put("num", num++).put("hsn_sc", k[0]).put("desc", s.description == null ? "" : s.description)
                    .put("uqc", k[1]).put("qty", s.quantity).put("rt", new BigDecimal(k[2])).put("txval", s.taxable)
                    .put("iamt", s.igst).put("camt", s.cgst).put("samt", s.sgst).put("csamt", ZERO);
        }
        return rows;
    }

    /** Table 13: invoices (doc_num 1) and credit notes (doc_num 5) per series, counting an invoice voided here as cancelled. */
    private static ArrayNode documentsIssued(List<OutwardDocument> documents, PeriodSupplies supplies) {
        Map<String, Map<String, Boolean>> invoices = new TreeMap<>();   // series -> number -> cancelled
        Map<String, Map<String, Boolean>> notes = new TreeMap<>();
        for (OutwardDocument d : documents) {
            if (d.kind() == Kind.INVOICE) {
                invoices.computeIfAbsent(series(d.number()), k -> new LinkedHashMap<>()).put(d.number(), supplies.cancelledHere().contains(d.orderId()));
            } else if (d.kind() == Kind.CREDIT_NOTE) {
                notes.computeIfAbsent(series(d.number()), k -> new LinkedHashMap<>()).put(d.number(), false);
            }
        }
        ArrayNode det = JSON.arrayNode();
        docs(det, 1, "Invoices for outward supply", invoices);
        docs(det, 5, "Credit Note", notes);
        return det;
    }

    private static void docs(ArrayNode det, int docNum, String type, Map<String, Map<String, Boolean>> bySeries) {
        if (bySeries.isEmpty()) return;
        ObjectNode d = det.addObject().put("doc_num", docNum).put("doc_typ", type);
        ArrayNode docs = d.putArray("docs");
        int num = 1;
        for (Map<String, Boolean> numbers : bySeries.values()) {
            List<String> sorted = new ArrayList<>(numbers.keySet());
            sorted.sort(Comparator.comparing(Gstr1Builder::counter).thenComparing(Comparator.naturalOrder()));
            long cancelled = numbers.values().stream().filter(b -> b).count();
            docs.addObject().put("num", num++).put("from", sorted.get(0)).put("to", sorted.get(sorted.size() - 1))
                    .put("totnum", sorted.size()).put("cancel", cancelled).put("net_issue", sorted.size() - cancelled);
        }
    }

    private static String series(String number) {
        Matcher m = SERIES.matcher(number);
        return m.matches() ? m.group(1) : number;
    }

    private static long counter(String number) {
        Matcher m = SERIES.matcher(number);
        if (!m.matches()) return 0;
        String digits = m.group(2);
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    /** The unit quantity code of the GST network's list for the units the catalog uses; OTH for any other. */
    static String uqc(String unit) {
        if (unit == null) return "OTH";
        return switch (unit.strip().toUpperCase(Locale.ROOT)) {
            case "PCS", "PC", "PIECE", "PIECES" -> "PCS";
            case "NOS", "NO", "EA", "EACH", "UNIT", "UNITS" -> "NOS";
            case "KG", "KGS", "KILOGRAM" -> "KGS";
            case "G", "GM", "GMS", "GRAM", "GRAMS" -> "GMS";
            case "L", "LTR", "LTRS", "LITRE", "LITER" -> "LTR";
            case "ML", "MLT" -> "MLT";
            case "BOX" -> "BOX";
            case "PKT", "PAC", "PACK", "PACKET" -> "PAC";
            case "DOZ", "DOZEN" -> "DOZ";
            case "BTL", "BOTTLE" -> "BTL";
            case "M", "MTR", "METRE" -> "MTR";
            default -> "OTH";
        };
    }

    /** 18, 5, 0.25: a rate as the format writes it (no trailing zeros, no exponent). */
    static BigDecimal rate(BigDecimal rate) {
        BigDecimal r = rate.stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }

    static BigDecimal money(BigDecimal v) {
        return v.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    /** Running sums of lines, each added with its sign. */
    static final class Sums {
        BigDecimal taxable = ZERO, cgst = ZERO, sgst = ZERO, igst = ZERO, nil = ZERO, exempt = ZERO;
        BigDecimal quantity = new BigDecimal("0.000");
        String description;

        void add(String what, Line l, int sign) {
            BigDecimal s = BigDecimal.valueOf(sign);
            taxable = taxable.add(l.taxable().multiply(s));
            cgst = cgst.add(l.cgst().multiply(s));
            sgst = sgst.add(l.sgst().multiply(s));
            igst = igst.add(l.igst().multiply(s));
            quantity = quantity.add(l.quantity().multiply(s));
            if ("nil".equals(what)) nil = nil.add(l.taxable().multiply(s));
            if ("expt".equals(what)) exempt = exempt.add(l.taxable().multiply(s));
        }

        boolean isZero() {
            return taxable.signum() == 0 && cgst.signum() == 0 && sgst.signum() == 0 && igst.signum() == 0;
        }
    }

    private Gstr1Builder() {
    }
}
