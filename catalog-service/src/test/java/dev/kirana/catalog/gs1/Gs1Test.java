package dev.kirana.catalog.gs1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Gs1Test {
    @Test
    void checkDigitsOfTheFourGtinLengths() {
        // EAN-13 890172513397?: from the right 7·3 + 9 + 3·3 + 3 + 1·3 + 5 + 2·3 + 7 + 1·3 + 0 + 9·3 + 8 = 101 → 9
        assertThat(Gs1.checkDigit("890172513397")).isEqualTo(9);
        assertThat(Gs1.validGtin("8901725133979")).isTrue();
        // EAN-8 9638507?: 7·3 + 0 + 5·3 + 8 + 3·3 + 6 + 9·3 = 86 → 4
        assertThat(Gs1.validGtin("96385074")).isTrue();
        // UPC-A 03600029145?: 5·3 + 4 + 1·3 + 9 + 2·3 + 0 + 0 + 0 + 6·3 + 3 + 0 = 58 → 2
        assertThat(Gs1.validGtin("036000291452")).isTrue();
        // GTIN-14 1890172513397?: weights count from the right, so the indicator digit adds 1·3 to the 101 above: 104 → 6
        assertThat(Gs1.checkDigit("1890172513397")).isEqualTo(6);
        // a sum already a multiple of ten needs 0
        assertThat(Gs1.checkDigit("000000000000")).isZero();
    }

    @Test
    void aMistypedDigitIsNamedWithTheDigitThatWouldDo() {
        assertThat(Gs1.violation("8901725133971"))
                .isEqualTo("the GS1 check digit of a 13-digit barcode 890172513397? is 9, not 1 (a mistyped digit?)");
        assertThat(Gs1.violation("8901725133979")).isNull();
        // internal codes: letters, or digits in a length no GTIN has, are Code 128 and carry no check digit
        assertThat(Gs1.violation("ATTA-5KG")).isNull();
        assertThat(Gs1.violation("12345")).isNull();
        assertThat(Gs1.violation(null)).isNull();
    }

    @Test
    void inStoreCodesComeFromTheRestrictedCirculationPrefix() {
        // 200000000001?: 1·3 + 2·1 = 5 → 5;  200000000002?: 2·3 + 2 = 8 → 2;  200000000123?: 3·3 + 2 + 1·3 + 2 = 16 → 4
        assertThat(Gs1.inStoreGtin13(1)).isEqualTo("2000000000015");
        assertThat(Gs1.inStoreGtin13(2)).isEqualTo("2000000000022");
        assertThat(Gs1.inStoreGtin13(123)).isEqualTo("2000000001234");
        assertThatThrownBy(() -> Gs1.inStoreGtin13(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gs1.inStoreGtin13(1_000_000_000L)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachCodeIsDrawnInItsOwnSymbol() {
        assertThat(Symbology.of("8901725133979")).isEqualTo(Symbology.EAN_13);
        assertThat(Symbology.of("96385074")).isEqualTo(Symbology.EAN_8);
        assertThat(Symbology.of("036000291452")).isEqualTo(Symbology.UPC_A);
        assertThat(Symbology.of("18901725133976")).isEqualTo(Symbology.CODE_128);
        assertThat(Symbology.of("ATTA-5KG")).isEqualTo(Symbology.CODE_128);
        // EAN-13: 3 + 6·7 + 5 + 6·7 + 3 = 95 modules
        assertThat(Symbology.EAN_13.modules("8901725133979")).hasSize(95);
        // UPC-A is the EAN-13 symbol of 0 and its twelve digits
        assertThat(Symbology.UPC_A.modules("036000291452")).isEqualTo(Symbology.EAN_13.modules("0036000291452"));
    }
}
