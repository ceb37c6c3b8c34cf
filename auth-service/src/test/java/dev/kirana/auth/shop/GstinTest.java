package dev.kirana.auth.shop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GstinTest {

    @Test
    void knownValidGstinsPass() {
        // published example GSTINs with correct check characters
        assertThat(Gstin.problem("27AAPFU0939F1ZV", "27")).isEmpty();
        assertThat(Gstin.problem("29AAGCB7383J1Z4", "29")).isEmpty();
        assertThat(Gstin.checkCharacter("27AAPFU0939F1Z")).isEqualTo('V');
        assertThat(Gstin.checkCharacter("29AAGCB7383J1Z")).isEqualTo('4');
    }

    @Test
    void aTypoIsCaughtByTheCheckCharacter() {
        assertThat(Gstin.problem("27AAPFU0939F1ZW", "27")).get().asString().contains("check character");
        assertThat(Gstin.problem("27AAPFU0939G1ZV", "27")).get().asString().contains("check character");
    }

    @Test
    void formatAndStateAreChecked() {
        assertThat(Gstin.problem("27aapfu0939f1zv", "27")).get().asString().contains("15 characters");
        assertThat(Gstin.problem("27AAPFU0939F1Z", "27")).get().asString().contains("15 characters");
        assertThat(Gstin.problem("27AAPFU0939F0ZV", "27")).get().asString().contains("15 characters");
        assertThat(Gstin.problem("27AAPFU0939F1ZV", "29")).get().asString().contains("Maharashtra").contains("29");
        assertThat(Gstin.problem("99AAPFU0939F1ZV", null)).get().asString().contains("not a GST state code");
    }

    @Test
    void stateCodesAreTheGstList() {
        assertThat(StateCodes.name("29")).isEqualTo("Karnataka");
        assertThat(StateCodes.name("07")).isEqualTo("Delhi");
        assertThat(StateCodes.name("36")).isEqualTo("Telangana");
        assertThat(StateCodes.isValid("38")).isTrue();
        assertThat(StateCodes.isValid("97")).isTrue();
        assertThat(StateCodes.isValid("39")).isFalse();
        assertThat(StateCodes.isValid("00")).isFalse();
    }
}
