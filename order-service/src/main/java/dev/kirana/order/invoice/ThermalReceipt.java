package dev.kirana.order.invoice;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text receipt for thermal roll printers: 32 columns on 58 mm paper, 48 on 80 mm (Font A). ASCII only, so
 * it prints on any ESC/POS printer's default code page ("Rs" rather than the rupee sign).
 */
public final class ThermalReceipt {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    public enum Paper {
        MM58(32), MM80(48);

        private final int columns;

        Paper(int columns) {
            this.columns = columns;
        }

        public int columns() {
            return columns;
        }

        public static Paper of(int millimetres) {
            return switch (millimetres) {
                case 58 -> MM58;
                case 80 -> MM80;
                default -> throw new IllegalArgumentException("paper is 58 or 80 mm wide");
            };
        }
    }

    public static String render(InvoiceData d, Paper paper) {
        int w = paper.columns();
        List<String> out = new ArrayList<>();
        center(out, d.supplierName(), w);
        if (d.supplierAddress() != null) {
            for (String l : wrap(d.supplierAddress(), w)) center(out, l, w);
        }
        if (d.supplierGstin() != null) center(out, "GSTIN " + d.supplierGstin(), w);
        center(out, d.title().toUpperCase(), w);
        if (d.marker() != null) center(out, "*** " + d.marker() + " ***", w);
        out.add(pair("No " + d.number(), d.date() == null ? "" : DATE.format(d.date()), w));
        if (d.againstInvoice() != null) out.add(fit("Against " + d.againstInvoice(), w));
        if (d.buyerName() != null || d.buyerPhone() != null) {
            out.add(fit("To " + (d.buyerName() == null ? "" : d.buyerName() + " ") + (d.buyerPhone() == null ? "" : d.buyerPhone()), w));
        }
        if (d.buyerGstin() != null) out.add(fit("GSTIN " + d.buyerGstin(), w));
        out.add(fit("Place of supply " + InvoiceData.stateLabel(d.placeOfSupply()), w));
        out.add("-".repeat(w));
        for (InvoiceData.Item i : d.items()) {
            for (String l : wrap(i.no() + " " + i.description(), w)) out.add(l);
            String left = "  " + InvoicePdf.qty(i.quantity()) + " x " + InvoicePdf.money(i.unitPrice())
                    + (d.chargesTax() ? " @" + i.gstRate().stripTrailingZeros().toPlainString() + "%" : "");
            out.add(pair(left, InvoicePdf.money(i.amount()), w));
            if (i.discount() != null && i.discount().signum() > 0) {
                out.add(pair("  discount", "-" + InvoicePdf.money(i.discount()), w));
            }
        }
        out.add("-".repeat(w));
        out.add(pair("Taxable value", InvoicePdf.money(d.taxableValue()), w));
        if (d.chargesTax()) {
            for (InvoiceData.RateRow r : d.rates()) {
                if (r.tax().signum() == 0) continue;
                String rate = r.rate().toPlainString() + "%";
                if (r.igst().signum() > 0) {
                    out.add(pair(" IGST " + rate, InvoicePdf.money(r.igst()), w));
                } else {
                    String half = r.rate().divide(new BigDecimal("2")).stripTrailingZeros().toPlainString() + "%";
                    out.add(pair(" CGST " + half, InvoicePdf.money(r.cgst()), w));
                    out.add(pair(" " + d.stateTaxName() + " " + half, InvoicePdf.money(r.sgst()), w));
                }
            }
        }
        out.add(pair("Round off", InvoicePdf.money(d.roundOff()), w));
        out.add("=".repeat(w));
        out.add(pair("TOTAL Rs", InvoicePdf.money(d.total()), w));
        out.add("=".repeat(w));
        for (InvoiceData.Payment p : d.payments()) out.add(pair(p.label(), InvoicePdf.money(p.amount()), w));
        if (d.change() != null && d.change().signum() > 0) out.add(pair("Change", InvoicePdf.money(d.change()), w));
        for (String l : wrap(d.amountInWords(), w)) out.add(l);
        if (d.upi() != null) {
            for (String l : wrap("Due Rs " + InvoicePdf.money(d.upi().amount()) + ": pay by UPI to " + d.upi().link().vpa()
                    + ", ref " + d.upi().link().reference(), w)) out.add(l);
        }
        if (d.declaration() != null) for (String l : wrap(d.declaration(), w)) out.add(l);
        if (d.footer() != null) for (String l : wrap(d.footer(), w)) center(out, l, w);
        return String.join("\n", out) + "\n";
    }

    private static void center(List<String> out, String s, int w) {
        String t = fit(s, w);
        out.add(" ".repeat((w - t.length()) / 2) + t);
    }

    /** Left text and right-aligned amount on one line; a long left text is cut so the amount always shows. */
    static String pair(String left, String right, int w) {
        int room = w - right.length() - 1;
        String l = left.length() > room ? left.substring(0, Math.max(0, room)) : left;
        return l + " ".repeat(w - l.length() - right.length()) + right;
    }

    static String fit(String s, int w) {
        String ascii = s.replaceAll("[^\\x20-\\x7e]", "?");
        return ascii.length() > w ? ascii.substring(0, w) : ascii;
    }

    static List<String> wrap(String s, int w) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.replaceAll("[^\\x20-\\x7e]", "?").split(" ")) {
            while (word.length() > w) {
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, w));
                word = word.substring(w);
            }
            if (line.length() + word.length() + (line.isEmpty() ? 0 : 1) > w) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) line.append(' ');
            line.append(word);
        }
        if (!line.isEmpty()) lines.add(line.toString());
        return lines;
    }

    private ThermalReceipt() {
    }
}
