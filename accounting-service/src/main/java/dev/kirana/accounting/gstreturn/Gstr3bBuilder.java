package dev.kirana.accounting.gstreturn;

import dev.kirana.accounting.gstreturn.OutwardDocument.Line;
import dev.kirana.india.StateCodes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds GSTR-3B from the register's documents of a period and the input tax of its purchases and expenses. */
public final class Gstr3bBuilder {
    private static final BigDecimal ZERO = new BigDecimal("0.00");
    private static final BigDecimal RUPEE = BigDecimal.ZERO.setScale(0);

    /** Input tax of the period by head: suppliers' bills and expenses, less the shop's debit notes for goods sent back. */
    public record InputTax(BigDecimal igst, BigDecimal cgst, BigDecimal sgst) {
    }

    public static Gstr3b build(String gstin, ReturnPeriod period, List<OutwardDocument> documents, InputTax input) {
        BigDecimal[] taxable = {ZERO, ZERO, ZERO, ZERO};   // txval, iamt, camt, samt
        BigDecimal nilExempt = ZERO;
        Map<String, BigDecimal[]> unregistered = new TreeMap<>();
        for (PeriodSupplies.Counted c : PeriodSupplies.of(documents).counted()) {
            OutwardDocument d = c.document();
            BigDecimal sign = BigDecimal.valueOf(c.sign());
            for (Line l : d.lines()) {
                if (d.billOfSupply() || l.rate().signum() == 0) {
                    nilExempt = nilExempt.add(l.taxable().multiply(sign));
                    continue;
                }
                taxable[0] = taxable[0].add(l.taxable().multiply(sign));
                taxable[1] = taxable[1].add(l.igst().multiply(sign));
                taxable[2] = taxable[2].add(l.cgst().multiply(sign));
                taxable[3] = taxable[3].add(l.sgst().multiply(sign));
                if (d.interState() && !d.registeredBuyer()) {
                    BigDecimal[] s = unregistered.computeIfAbsent(d.placeOfSupply(), k -> new BigDecimal[]{ZERO, ZERO});
                    s[0] = s[0].add(l.taxable().multiply(sign));
                    s[1] = s[1].add(l.igst().multiply(sign));
                }
            }
        }
        Gstr3b.Amounts none = new Gstr3b.Amounts(ZERO, ZERO, ZERO, ZERO, ZERO);
        Gstr3b.Supplies supplies = new Gstr3b.Supplies(new Gstr3b.Amounts(taxable[0], taxable[1], taxable[2], taxable[3], ZERO), none,
                new Gstr3b.Amounts(nilExempt, ZERO, ZERO, ZERO, ZERO), none, none);
        List<Gstr3b.StateSupply> unreg = new ArrayList<>();
        unregistered.forEach((pos, s) -> {
            if (s[0].signum() != 0 || s[1].signum() != 0) unreg.add(new Gstr3b.StateSupply(pos, StateCodes.name(pos), s[0], s[1]));
        });

        List<Gstr3b.ItcRow> available = List.of(row("IMPG"), row("IMPS"), row("ISRC"), row("ISD"),
                new Gstr3b.ItcRow("OTH", input.igst(), input.cgst(), input.sgst(), ZERO));
        Gstr3b.Itc itc = new Gstr3b.Itc(available, List.of(row("RUL"), row("OTH")),
                new Gstr3b.Amounts(null, input.igst(), input.cgst(), input.sgst(), ZERO), List.of(row("RUL"), row("OTH")));

        return new Gstr3b(gstin, period.label(), period.fp(), supplies, new Gstr3b.InterState(unreg, List.of(), List.of()), itc,
                payable(taxable[1], taxable[2], taxable[3], input));
    }

    private static Gstr3b.ItcRow row(String ty) {
        return new Gstr3b.ItcRow(ty, ZERO, ZERO, ZERO, ZERO);
    }

    /**
     * Sets the input credit off against the tax, each rounded to the rupee first: IGST credit against IGST, then CGST,
     * then SGST (rule 88A: IGST credit is used up first); then CGST credit against CGST, then IGST; SGST credit against
     * SGST, then IGST. A negative liability (more notes than sales) pays nothing and adds to nothing.
     */
    static List<Gstr3b.Payable> payable(BigDecimal igstTax, BigDecimal cgstTax, BigDecimal sgstTax, InputTax input) {
        BigDecimal[] due = {rupees(igstTax).max(RUPEE), rupees(cgstTax).max(RUPEE), rupees(sgstTax).max(RUPEE)};
        BigDecimal[] payable = due.clone();
        BigDecimal[] credit = {rupees(input.igst()).max(RUPEE), rupees(input.cgst()).max(RUPEE), rupees(input.sgst()).max(RUPEE)};
        BigDecimal[][] paid = new BigDecimal[3][3];   // [head][credit used: 0 IGST, 1 CGST, 2 SGST]
        for (BigDecimal[] p : paid) java.util.Arrays.fill(p, RUPEE);
        int I = 0, C = 1, S = 2;
        for (int head : new int[]{I, C, S}) use(I, head, credit, due, paid);
        use(C, C, credit, due, paid);
        use(C, I, credit, due, paid);
        use(S, S, credit, due, paid);
        use(S, I, credit, due, paid);
        String[] names = {"IGST", "CGST", "SGST"};
        List<Gstr3b.Payable> rows = new ArrayList<>();
        for (int h = 0; h < 3; h++) {
            rows.add(new Gstr3b.Payable(names[h], payable[h], paid[h][I], paid[h][C], paid[h][S], due[h], credit[h]));
        }
        rows.add(new Gstr3b.Payable("CESS", RUPEE, RUPEE, RUPEE, RUPEE, RUPEE, RUPEE));
        return rows;
    }

    private static void use(int from, int head, BigDecimal[] credit, BigDecimal[] due, BigDecimal[][] paid) {
        BigDecimal used = credit[from].min(due[head]);
        credit[from] = credit[from].subtract(used);
        due[head] = due[head].subtract(used);
        paid[head][from] = paid[head][from].add(used);
    }

    /** Section 170: to the nearest rupee, half a rupee up. */
    static BigDecimal rupees(BigDecimal v) {
        return v.setScale(0, RoundingMode.HALF_UP);
    }

    private Gstr3bBuilder() {
    }
}
