package dev.kirana.india;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GstinTest {

    @Test
    void publishedGstinsHaveTheirCheckCharacter() {
        // 27AAPFU0939F1Z: values 2,7,10,10,25,15,30,0,9,3,9,15,1,35 × factors 1,2,1,2,…
        //   products 2,14,10,20,25,30,30,0,9,6,9,30,1,70; 70 folds to 1 + 34 = 35
        //   sum 221; 221 mod 36 = 5; 36 − 5 = 31 → 'V'
        assertThat(Gstin.checkCharacter("27AAPFU0939F1Z")).isEqualTo('V');
        // 29AAGCB7383J1Z: products 2,18,10,20,16,24,11,14,3,16,3,38,1,70; 38 → 1 + 2 = 3, 70 → 35
        //   sum 176; 176 mod 36 = 32; 36 − 32 = 4 → '4'
        assertThat(Gstin.checkCharacter("29AAGCB7383J1Z")).isEqualTo('4');
        assertThat(Gstin.problem("27AAPFU0939F1ZV", "27")).isEmpty();
        assertThat(Gstin.problem("29AAGCB7383J1Z4", "29")).isEmpty();
        assertThat(Gstin.problem("29AAGCB7383J1Z4", null)).isEmpty();
        assertThat(Gstin.isValid("27AAPFU0939F1ZV")).isTrue();
    }

    @Test
    void aTypoBreaksTheCheckCharacter() {
        assertThat(Gstin.problem("27AAPFU0939F1ZW", "27")).get().asString().contains("check character");
        // one PAN letter changed (F → G): the sum moves by one, the check character no longer matches
        assertThat(Gstin.problem("27AAPFU0939G1ZV", "27")).get().asString().contains("check character");
        assertThat(Gstin.isValid("29AAGCB7383J1Z5")).isFalse();
    }

    @Test
    void formatAndStateAreChecked() {
        assertThat(Gstin.problem("27aapfu0939f1zv", "27")).get().asString().contains("15 characters");
        assertThat(Gstin.problem("27AAPFU0939F1Z", "27")).get().asString().contains("15 characters");
        assertThat(Gstin.problem("27AAPFU0939F0ZV", "27")).get().asString().contains("15 characters");
        assertThat(Gstin.problem(null, null)).get().asString().contains("15 characters");
        assertThat(Gstin.problem("27AAPFU0939F1ZV", "29")).get().asString().contains("Maharashtra").contains("29").contains("Karnataka");
        assertThat(Gstin.problem("99AAPFU0939F1ZV", null)).get().asString().contains("not a GST state code");
    }

    @Test
    void parseAcceptsWhatACashierTypes() {
        Gstin g = Gstin.parse("  27aapfu0939f1zv ");
        assertThat(g.value()).isEqualTo("27AAPFU0939F1ZV");
        assertThat(g.stateCode()).isEqualTo("27");
        assertThat(g.pan()).isEqualTo("AAPFU0939F");
        assertThatThrownBy(() -> Gstin.parse("27AAPFU0939F1ZA")).hasMessageContaining("check character");
        assertThatThrownBy(() -> Gstin.parse("27AAPFU0939F1Z")).hasMessageContaining("15 characters");
        assertThatThrownBy(() -> Gstin.parse("99AAPFU0939F1ZV")).hasMessageContaining("state code");
        assertThatThrownBy(() -> Gstin.parse(" ")).hasMessageContaining("required");
    }

    @Test
    void stateCodesNameStatesAndUnionTerritories() {
        assertThat(StateCodes.name("29")).isEqualTo("Karnataka");
        assertThat(StateCodes.name("07")).isEqualTo("Delhi");
        assertThat(StateCodes.name("27")).isEqualTo("Maharashtra");
        assertThat(StateCodes.name("36")).isEqualTo("Telangana");
        assertThat(StateCodes.name("37")).isEqualTo("Andhra Pradesh");
        assertThat(StateCodes.name("38")).isEqualTo("Ladakh");
        assertThat(StateCodes.name(null)).isNull();
        assertThat(StateCodes.isValid("38")).isTrue();
        assertThat(StateCodes.isValid("97")).isTrue();
        assertThat(StateCodes.isValid("39")).isFalse();
        assertThat(StateCodes.isValid("00")).isFalse();
        assertThat(StateCodes.isValid(null)).isFalse();
        assertThat(StateCodes.stateTaxName("04")).isEqualTo("UTGST");
        assertThat(StateCodes.stateTaxName("38")).isEqualTo("UTGST");
        assertThat(StateCodes.stateTaxName("29")).isEqualTo("SGST");
        assertThat(StateCodes.all()).hasSize(39);
    }
}
