package dev.kirana.inventory.lots;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which lots an issue of stock takes, and how much of each. Lots go out first-expiry-first-out (lots
 * without expiry last), and in the order they came in among equal expiries — which is plain FIFO for
 * goods that do not expire.
 */
public final class LotPicker {
    /** Why stock leaves, which decides whether expired lots may go. */
    public enum Purpose {
        /** A sale: only unexpired lots; expired ones only if the sale was promised before they expired. */
        SALE,
        /** Damage, loss, a count shortage: expired lots first (they expire earliest), then the rest. */
        REMOVAL,
        /** A transfer: unexpired lots only; expired stock is written off where it is. */
        TRANSFER
    }

    /** Quantity taken from one lot. */
    public record Take(Lot lot, BigDecimal quantity) {
        public BigDecimal value() {
            return quantity.multiply(lot.unitCost());
        }
    }

    /** The lots taken; {@code shortfall} is what the eligible lots could not cover (zero when fully picked). */
    public record Picking(List<Take> takes, BigDecimal shortfall) {
        public boolean complete() {
            return shortfall.signum() == 0;
        }

        public BigDecimal quantity() {
            return takes.stream().map(Take::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    public static final Comparator<Lot> FEFO = Comparator
            .comparing(Lot::expiryDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(Lot::id);

    private LotPicker() {
    }

    /**
     * @param batchNo when given, only lots of that batch
     * @param allowExpiredForSale for a sale reserved before its lots expired: expired lots may cover what unexpired ones cannot
     */
    public static Picking pick(List<Lot> lots, BigDecimal quantity, Purpose purpose, String batchNo, LocalDate today,
                               boolean allowExpiredForSale) {
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("pick a positive quantity");
        }
        Stream<Lot> open = lots.stream().filter(l -> l.remaining().signum() > 0)
                .filter(l -> batchNo == null || batchNo.equals(l.batchNo()));
        List<Lot> sorted = open.sorted(FEFO).toList();
        List<Lot> order = switch (purpose) {
            case REMOVAL -> sorted;
            case TRANSFER -> sorted.stream().filter(l -> !l.expiredOn(today)).toList();
            case SALE -> {
                List<Lot> fresh = new ArrayList<>(sorted.stream().filter(l -> !l.expiredOn(today)).toList());
                if (allowExpiredForSale) {
                    fresh.addAll(sorted.stream().filter(l -> l.expiredOn(today)).toList());
                }
                yield fresh;
            }
        };
        List<Take> takes = new ArrayList<>();
        BigDecimal left = quantity;
        for (Lot lot : order) {
            if (left.signum() == 0) {
                break;
            }
            BigDecimal take = lot.remaining().min(left);
            takes.add(new Take(lot, take));
            left = left.subtract(take);
        }
        return new Picking(List.copyOf(takes), left);
    }

    /** Quantity in lots that expired before {@code today}: on hand but not sellable. */
    public static BigDecimal expired(List<Lot> lots, LocalDate today) {
        return lots.stream().filter(l -> l.expiredOn(today)).map(Lot::remaining).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
