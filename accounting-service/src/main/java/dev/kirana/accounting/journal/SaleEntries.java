package dev.kirana.accounting.journal;

import dev.kirana.events.InventoryEvents;
import dev.kirana.events.OrderEvents;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The ledger rules of the counter, as pure functions of the order events (no I/O): what a sale, a void, a refund and
 * the cost of goods post. Every entry balances to the paise.
 * <ul>
 *   <li>Sale: debit each tender's account (cash, card or UPI settlements, the customer's khata, loyalty redemptions)
 *   with what it settled; credit sales with the taxable value and output CGST / SGST(UTGST) / IGST with the tax; the
 *   round-off goes to its own account (credit when the total was rounded up, debit when down).</li>
 *   <li>Void: the sale's entry reversed line for line.</li>
 *   <li>Refund (credit note): debit sales returns with the taxable value and the output taxes with the tax given back,
 *   credit the tender the money went back through.</li>
 *   <li>Cost: COGS against inventory at the committed unit cost; a return puts it back (restocked) or moves it to
 *   damaged stock written off.</li>
 *   <li>Loyalty, for events that value the points ({@code loyaltyValueEarned} / {@code loyaltyValueReversed}
 *   present): points earned are granted, Dr loyalty points granted 5210 / Cr loyalty points liability 2200 at their
 *   rupee value; a LOYALTY tender releases the liability (Dr 2200) instead of being an expense (5200); a void or
 *   refund takes the granted value back (Dr 2200 / Cr 5210). Events without those fields post as before: nothing on
 *   earning, a LOYALTY tender to 5200.</li>
 * </ul>
 */
public final class SaleEntries {

    public static JournalEntry sale(OrderEvents.OrderConfirmed s, LocalDate date) {
        String narration = "Sale " + (s.invoiceNumber() == null ? s.orderId() : s.invoiceNumber());
        JournalEntry.Builder b = JournalEntry.builder(date, narration, "order.confirmed:" + s.orderId());
        if (s.taxableValue() == null) {
            // a producer that knows nothing of GST: the whole amount is cash sales
            return b.debit(Account.CASH, s.total()).credit(Account.SALES, s.total()).build();
        }
        boolean pointsAreALiability = s.loyaltyValueEarned() != null;
        tenders(b, s.tenders(), s.total(), party(s.customer()), pointsAreALiability);
        b.credit(Account.SALES, s.taxableValue())
                .credit(Account.OUTPUT_CGST, s.cgst())
                .credit(Account.OUTPUT_SGST, s.sgst())
                .credit(Account.OUTPUT_IGST, s.igst());
        roundOff(b, s.roundOff(), false);
        pointsGranted(b, s.loyaltyValueEarned());
        return b.build();
    }

    public static JournalEntry voided(OrderEvents.OrderVoided v, LocalDate date) {
        OrderEvents.OrderConfirmed asSold = new OrderEvents.OrderConfirmed(v.orderId(), null, v.currency(), v.lines(),
                v.total(), v.voidedAt(), v.invoiceNumber(), null, v.locationId(), v.documentType(), null, v.placeOfSupply(),
                v.supplyType(), v.customer(), v.tenders(), null, v.taxableValue(), v.cgst(), v.sgst(), v.igst(), v.roundOff(), null,
                null, v.loyaltyValueReversed());
        // reversing the sale as sold (with the points taken back as its granted value) undoes the grant, Dr 2200 /
        // Cr 5210, and gives back the points spent on it, Cr 2200 (or 5200 when its points were never valued)
        return sale(asSold, date).reversed(date, "Void of sale " + (v.invoiceNumber() == null ? v.orderId() : v.invoiceNumber())
                + (v.reason() == null ? "" : ": " + v.reason()), "order.voided:" + v.orderId());
    }

    public static JournalEntry refund(OrderEvents.OrderRefunded r, LocalDate date) {
        JournalEntry.Builder b = JournalEntry.builder(date, "Credit note " + r.creditNoteNumber() + " against "
                + (r.invoiceNumber() == null ? r.orderId() : r.invoiceNumber()), "order.refunded:" + r.refundId());
        b.debit(Account.SALES_RETURNS, r.taxableValue())
                .debit(Account.OUTPUT_CGST, r.cgst())
                .debit(Account.OUTPUT_SGST, r.sgst())
                .debit(Account.OUTPUT_IGST, r.igst());
        roundOff(b, r.roundOff(), true);
        Account paidFrom = account(r.tender().type(), false);
        b.credit(paidFrom, r.total(), paidFrom == Account.CUSTOMERS ? party(r.customer()) : null);
        pointsTakenBack(b, r.loyaltyValueReversed());
        return b.build();
    }

    public static JournalEntry cost(InventoryEvents.StockCommitted committed, LocalDate date) {
        BigDecimal cost = committed.lines().stream().map(l -> l.quantity().multiply(l.unitCost()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return JournalEntry.builder(date, "Cost of sale " + committed.orderId(), "stock.committed:" + committed.orderId())
                .debit(Account.COST_OF_GOODS_SOLD, cost)
                .credit(Account.INVENTORY, cost)
                .build();
    }

    /** A returned quantity of a product, at the unit cost it was sold at, restocked or written off. */
    public record ReturnedCost(String productId, BigDecimal quantity, BigDecimal unitCost, boolean restocked) {
    }

    public static JournalEntry costReturned(String orderId, String source, List<ReturnedCost> returned, LocalDate date) {
        BigDecimal restocked = BigDecimal.ZERO;
        BigDecimal writtenOff = BigDecimal.ZERO;
        for (ReturnedCost r : returned) {
            BigDecimal value = r.quantity().multiply(r.unitCost());
            if (r.restocked()) {
                restocked = restocked.add(value);
            } else {
                writtenOff = writtenOff.add(value);
            }
        }
        BigDecimal restockedPaise = restocked.setScale(2, java.math.RoundingMode.HALF_UP);
        BigDecimal writtenOffPaise = writtenOff.setScale(2, java.math.RoundingMode.HALF_UP);
        return JournalEntry.builder(date, "Cost of goods returned " + orderId, "cost-returned:" + source)
                .debit(Account.INVENTORY, restockedPaise)
                .debit(Account.STOCK_WRITE_OFF, writtenOffPaise)
                .credit(Account.COST_OF_GOODS_SOLD, restockedPaise.add(writtenOffPaise))
                .build();
    }

    private static void tenders(JournalEntry.Builder b, List<OrderEvents.Tender> tenders, BigDecimal total, String party,
                                boolean pointsAreALiability) {
        if (tenders == null || tenders.isEmpty()) {
            b.debit(Account.CASH, total);
            return;
        }
        for (OrderEvents.Tender t : tenders) {
            Account a = account(t.type(), pointsAreALiability);
            b.debit(a, t.amount(), a == Account.CUSTOMERS ? party : null);
        }
    }

    /** Points earned on a sale: the shop owes their rupee value until they are redeemed. */
    private static void pointsGranted(JournalEntry.Builder b, BigDecimal value) {
        if (value != null && value.signum() > 0) {
            b.debit(Account.LOYALTY_GRANTED, value).credit(Account.LOYALTY_LIABILITY, value);
        }
    }

    /** Points a refund takes back off the customer: the grant is undone for them. */
    private static void pointsTakenBack(JournalEntry.Builder b, BigDecimal value) {
        if (value != null && value.signum() > 0) {
            b.debit(Account.LOYALTY_LIABILITY, value).credit(Account.LOYALTY_GRANTED, value);
        }
    }

    private static void roundOff(JournalEntry.Builder b, BigDecimal roundOff, boolean givenBack) {
        if (roundOff == null || roundOff.signum() == 0) {
            return;
        }
        // a sale rounded up earns the difference (credit); a refund rounded up gives it back (debit)
        boolean credit = roundOff.signum() > 0 != givenBack;
        if (credit) {
            b.credit(Account.ROUND_OFF, roundOff.abs());
        } else {
            b.debit(Account.ROUND_OFF, roundOff.abs());
        }
    }

    /**
     * The account a tender settles through. Points redeemed release the loyalty liability when the producer books
     * points as one ({@code pointsAreALiability}); from a producer that does not, they are an expense as they always were.
     */
    static Account account(String tender, boolean pointsAreALiability) {
        return switch (tender) {
            case "CARD" -> Account.CARD_SETTLEMENTS;
            case "UPI" -> Account.UPI_SETTLEMENTS;
            case "CREDIT" -> Account.CUSTOMERS;
            case "LOYALTY" -> pointsAreALiability ? Account.LOYALTY_LIABILITY : Account.LOYALTY_REDEMPTIONS;
            default -> Account.CASH;
        };
    }

    /** The khata a credit sale is owed on: the customer's phone, or their GSTIN for a business without one. */
    static String party(OrderEvents.Customer c) {
        if (c == null) {
            return null;
        }
        return c.phone() != null ? c.phone() : c.gstin();
    }

    private SaleEntries() {
    }
}
