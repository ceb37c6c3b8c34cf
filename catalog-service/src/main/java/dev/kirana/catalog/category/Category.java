package dev.kirana.catalog.category;

import java.time.Instant;
import java.util.UUID;

/** A category of products; {@code path} names it with its ancestors ("Groceries > Staples"). */
public record Category(UUID id, UUID parentId, String name, String path, int depth, long version,
                       Instant createdAt, Instant updatedAt) {
}
