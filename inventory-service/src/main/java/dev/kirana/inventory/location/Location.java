package dev.kirana.inventory.location;

import java.time.Instant;
import java.util.UUID;

/** A place the shop keeps stock: its counter, a godown, a warehouse. Orders reserve from the default one unless told otherwise. */
public record Location(UUID id, String code, String name, String kind, boolean isDefault, boolean active, long version,
                       Instant createdAt, Instant updatedAt) {
}
