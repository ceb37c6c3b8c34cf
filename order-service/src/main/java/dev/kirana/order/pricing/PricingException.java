package dev.kirana.order.pricing;

/** A sale, tender or refund that the rules refuse; {@code field} names the part of the request at fault. */
public class PricingException extends RuntimeException {
    private final String field;

    public PricingException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
