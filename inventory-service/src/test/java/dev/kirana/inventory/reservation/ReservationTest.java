package dev.kirana.inventory.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReservationTest {
    private static final UUID SHELF = UUID.fromString("00000000-0000-0000-0000-000000000001");

    @Test
    void aReservedOrderIsCommittedOrReleasedOnce() {
        Reservation held = Reservation.reserved("o-1", "shop-1", SHELF);
        assertThat(held.commit().status()).isEqualTo(ReservationStatus.COMMITTED);
        assertThat(held.release().status()).isEqualTo(ReservationStatus.RELEASED);
        assertThatThrownBy(() -> held.commit().release()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("COMMITTED");
        assertThatThrownBy(() -> held.release().commit()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRejectedOrderHoldsNothingToCommitOrRelease() {
        Reservation rejected = Reservation.rejected("o-2", "shop-1", SHELF);
        assertThatThrownBy(rejected::commit).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(rejected::release).isInstanceOf(IllegalStateException.class);
    }
}
