package dev.kirana.catalog.gs1;

import com.google.zxing.oned.Code128Writer;
import com.google.zxing.oned.EAN13Writer;
import com.google.zxing.oned.EAN8Writer;
import dev.kirana.web.problem.Problems;

/** How a product's barcode is drawn: the GS1 retail symbols for GTINs, Code 128 for a shop's internal codes (ZXing). */
public enum Symbology {
    EAN_13, EAN_8, UPC_A, CODE_128;

    /** The symbol a code is printed in: its GTIN's own (GTIN-14 has no retail symbol, so Code 128), else Code 128. */
    public static Symbology of(String code) {
        if (Gs1.validGtin(code)) {
            return switch (code.length()) {
                case 13 -> EAN_13;
                case 8 -> EAN_8;
                case 12 -> UPC_A;
                default -> CODE_128;
            };
        }
        return CODE_128;
    }

    /**
     * The bars of a code, one boolean a module (true a bar), with ZXing's quiet zones. Code 128 carries printable
     * ASCII only; anything else is a 400.
     */
    public boolean[] modules(String code) {
        try {
            return switch (this) {
                case EAN_13 -> new EAN13Writer().encode(code);
                case EAN_8 -> new EAN8Writer().encode(code);
                // a UPC-A symbol is the EAN-13 symbol of the same number with a leading 0
                case UPC_A -> new EAN13Writer().encode("0" + code);
                case CODE_128 -> new Code128Writer().encode(code);
            };
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("symbology", this + " cannot draw " + code + ": " + e.getMessage());
        }
    }
}
