package dev.kirana.web;

import java.math.BigDecimal;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Quantities and amounts come in as plain decimals ("2", "245.50"), the form the event schemas publish: "1e9" or
 * 1E+9 is a 400 naming the field, not a billion units stored and published as "1E+9". So is a number of more than
 * 18 integer or 6 fractional digits.
 */
public final class PlainDecimal {
    public static final String MESSAGE = "must be a plain decimal number such as 12.50 (no exponent, at most 18 digits "
            + "before and 6 after the point)";

    private PlainDecimal() {
    }

    /**
     * The same rule for a decimal that comes as text outside a JSON body (a query parameter): a plain number of at most
     * 18 integer and 6 fractional digits.
     *
     * @throws IllegalArgumentException with {@link #MESSAGE} when it is not one
     */
    public static BigDecimal parse(String text) {
        BigDecimal v;
        try {
            v = text == null || text.indexOf('e') >= 0 || text.indexOf('E') >= 0 ? null : new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            v = null;
        }
        if (v == null || !withinDigits(v)) {
            throw new IllegalArgumentException(MESSAGE);
        }
        return v;
    }

    private static boolean withinDigits(BigDecimal v) {
        return v.precision() - v.scale() <= 18 && v.scale() <= 6;
    }

    public static SimpleModule jacksonModule() {
        return new SimpleModule("kirana-plain-decimal").addDeserializer(BigDecimal.class, new Deserializer());
    }

    static final class Deserializer extends NumberDeserializers.BigDecimalDeserializer {
        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = p.currentToken() == JsonToken.VALUE_STRING || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT
                    || p.currentToken() == JsonToken.VALUE_NUMBER_INT ? p.getString() : null;
            BigDecimal v = super.deserialize(p, ctxt);
            if (v != null && (text != null && (text.indexOf('e') >= 0 || text.indexOf('E') >= 0)
                    || !withinDigits(v))) {
                throw InvalidFormatException.from(p, MESSAGE, text, BigDecimal.class);
            }
            return v;
        }
    }
}
