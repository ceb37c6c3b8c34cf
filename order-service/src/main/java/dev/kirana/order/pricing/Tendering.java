package dev.kirana.order.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the tenders of a sale against the amount payable and works out the change. Tenders must cover the amount;
 * only cash may exceed it, and the excess (never more than the cash handed over) is the change due. With no
 * tenders at all the sale is taken as paid in exact cash, as a counter does by default.
 */
public final class Tendering {
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    public record Tender(TenderType type, BigDecimal amount, String reference) {
    }

    /** A tender as settled: {@code applied} counts against the invoice; {@code change} was handed back (cash only). */
    public record Settled(TenderType type, BigDecimal tendered, BigDecimal applied, BigDecimal change, String reference,
                          Long points) {
    }

    public record Settlement(List<Settled> tenders, BigDecimal received, BigDecimal change) {
        public BigDecimal appliedOf(TenderType type) {
            return tenders.stream().filter(t -> t.type() == type).map(Settled::applied).reduce(ZERO, BigDecimal::add);
        }

        public long pointsRedeemed() {
            return tenders.stream().filter(t -> t.points() != null).mapToLong(Settled::points).sum();
        }
    }

    /**
     * @param customerKnown   the sale names a customer with a phone number (needed for khata and points)
     * @param pointValue      rupees per loyalty point when redeemed; null or zero when the shop has no loyalty scheme
     */
    public static Settlement settle(BigDecimal payable, List<Tender> tenders, boolean customerKnown, BigDecimal pointValue) {
        return settle(payable, tenders, customerKnown, pointValue, EnumSet.allOf(TenderType.class));
    }

    /** @param accepted the payment methods the shop takes: a tender of another is refused, naming the ones it takes */
    public static Settlement settle(BigDecimal payable, List<Tender> tenders, boolean customerKnown, BigDecimal pointValue,
                                    Set<TenderType> accepted) {
        if (tenders == null || tenders.isEmpty()) {
            if (payable.signum() == 0) {
                return new Settlement(List.of(), ZERO, ZERO);
            }
            if (!accepted.contains(TenderType.CASH)) {
                throw new PricingException("tenders", "this shop does not take cash: give the tenders (it takes " + names(accepted) + ")");
            }
            return new Settlement(List.of(new Settled(TenderType.CASH, payable, payable, ZERO, null, null)), payable, ZERO);
        }
        BigDecimal cash = ZERO;
        BigDecimal other = ZERO;
        List<Long> points = new ArrayList<>();
        for (int i = 0; i < tenders.size(); i++) {
            Tender t = tenders.get(i);
            String at = "tenders[" + i + "]";
            if (t.type() == null) {
                throw new PricingException(at + ".type", "give the tender type: CASH, CARD, UPI, CREDIT or LOYALTY");
            }
            if (!accepted.contains(t.type())) {
                throw new PricingException(at + ".type", "this shop does not take " + t.type() + " (it takes " + names(accepted) + ")");
            }
            if (t.amount() == null || t.amount().signum() <= 0) {
                throw new PricingException(at + ".amount", "must be greater than 0");
            }
            if (t.amount().stripTrailingZeros().scale() > 2) {
                throw new PricingException(at + ".amount", "is in rupees and paise (at most 2 decimals)");
            }
            if (t.type().needsCustomer() && !customerKnown) {
                throw new PricingException(at + ".type", t.type() == TenderType.CREDIT
                        ? "credit to the khata needs a customer with a phone number"
                        : "paying with loyalty points needs a customer with a phone number");
            }
            Long p = null;
            if (t.type() == TenderType.LOYALTY) {
                if (pointValue == null || pointValue.signum() <= 0) {
                    throw new PricingException(at + ".type", "this shop has no loyalty scheme");
                }
                BigDecimal exact = t.amount().divide(pointValue, 6, RoundingMode.HALF_UP);
                if (exact.stripTrailingZeros().scale() > 0) {
                    throw new PricingException(at + ".amount", "points are worth " + pointValue.toPlainString()
                            + " each: the amount must be a whole number of points");
                }
                p = exact.longValueExact();
            }
            points.add(p);
            if (t.type() == TenderType.CASH) {
                cash = cash.add(t.amount());
            } else {
                other = other.add(t.amount());
            }
        }
        BigDecimal received = cash.add(other);
        if (other.compareTo(payable) > 0) {
            throw new PricingException("tenders", "card, UPI, khata and points tenders come to " + other.toPlainString()
                    + ", more than the " + payable.toPlainString() + " due; only cash gives change");
        }
        if (received.compareTo(payable) < 0) {
            throw new PricingException("tenders", "tenders come to " + received.toPlainString() + ", less than the "
                    + payable.toPlainString() + " due");
        }
        BigDecimal change = received.subtract(payable).setScale(2);
        // the change comes out of the cash tenders, last first
        BigDecimal[] changeOf = new BigDecimal[tenders.size()];
        BigDecimal left = change;
        for (int i = tenders.size() - 1; i >= 0; i--) {
            changeOf[i] = ZERO;
            Tender t = tenders.get(i);
            if (t.type() == TenderType.CASH && left.signum() > 0) {
                BigDecimal c = left.min(t.amount());
                changeOf[i] = c.setScale(2);
                left = left.subtract(c);
            }
        }
        List<Settled> settled = new ArrayList<>(tenders.size());
        for (int i = 0; i < tenders.size(); i++) {
            Tender t = tenders.get(i);
            BigDecimal amount = t.amount().setScale(2);
            settled.add(new Settled(t.type(), amount, amount.subtract(changeOf[i]), changeOf[i],
                    blankToNull(t.reference()), points.get(i)));
        }
        return new Settlement(List.copyOf(settled), received.setScale(2), change);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private Tendering() {
    }

    private static String names(Set<TenderType> accepted) {
        return accepted.isEmpty() ? "nothing" : String.join(", ", accepted.stream().sorted().map(Enum::name).toList());
    }
}
