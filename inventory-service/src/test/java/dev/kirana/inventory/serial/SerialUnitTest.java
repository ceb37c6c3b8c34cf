package dev.kirana.inventory.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SerialUnitTest {
    final UUID counter = UUID.randomUUID();
    final SerialUnit phone = new SerialUnit("356938035643809", SerialUnit.Status.IN_STOCK, counter);

    @Test
    void soldOnceReturnedOnce() {
        SerialUnit sold = phone.sell();
        assertThat(sold.status()).isEqualTo(SerialUnit.Status.SOLD);
        assertThatThrownBy(sold::sell).hasMessage("serial 356938035643809 is sold and cannot be sold");
        SerialUnit back = sold.returnTo(counter);
        assertThat(back.status()).isEqualTo(SerialUnit.Status.IN_STOCK);
        assertThatThrownBy(() -> back.returnTo(counter)).hasMessage("serial 356938035643809 is in stock and cannot be returned");
        assertThatThrownBy(() -> phone.returnTo(counter)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void writtenOffUnitsCanOnlyBeFoundAgain() {
        SerialUnit lost = phone.writeOff();
        assertThatThrownBy(lost::sell).hasMessageContaining("written off");
        assertThatThrownBy(() -> lost.moveTo(counter)).isInstanceOf(IllegalStateException.class);
        UUID godown = UUID.randomUUID();
        assertThat(lost.found(godown)).isEqualTo(new SerialUnit("356938035643809", SerialUnit.Status.IN_STOCK, godown));
        assertThatThrownBy(() -> phone.found(godown)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void oneSerialPerWholeUnit() {
        var two = SerialNumbers.normalize(List.of(" 356938035643809 ", "356938035643817"));
        assertThat(two).containsExactly("356938035643809", "356938035643817");
        assertThat(SerialNumbers.problem(true, new BigDecimal("2"), two)).isEmpty();
        assertThat(SerialNumbers.problem(true, new BigDecimal("3"), two)).hasValue("send one serial per unit: 3 units, 2 serials");
        assertThat(SerialNumbers.problem(true, new BigDecimal("1.5"), two)).hasValue("a serial-tracked product moves in whole units");
        assertThat(SerialNumbers.problem(true, new BigDecimal("2"), List.of("A1", "A1"))).hasValue("serial A1 is listed twice");
        assertThat(SerialNumbers.problem(true, new BigDecimal("1"), SerialNumbers.normalize(List.of("imei 1")))).isPresent();
        assertThat(SerialNumbers.problem(false, new BigDecimal("1"), List.of("X"))).hasValue("this product is not serial-tracked; send no serials");
        assertThat(SerialNumbers.problem(false, new BigDecimal("1.5"), List.of())).isEmpty();
        assertThat(SerialNumbers.problem(true, new BigDecimal("2.000"), two)).isEmpty();
    }
}
