package dev.kirana.catalog.category;

import dev.kirana.catalog.product.ProductStore;
import dev.kirana.events.EventTypes;
import dev.kirana.events.Topics;
import dev.kirana.messaging.OutboxWriter;
import dev.kirana.web.problem.Problems;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Service
public class CategoryService {
    private static final String COLUMNS = "id, parent_id, name, id_path, name_path, depth, version, created_at, updated_at";
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final ProductStore products;
    private final OutboxWriter outbox;

    public CategoryService(DatabaseClient db, TransactionalOperator tx, ProductStore products, OutboxWriter outbox) {
        this.db = db;
        this.tx = tx;
        this.products = products;
        this.outbox = outbox;
    }

    /** A category row with the paths the tree needs. */
    record Node(Category category, String idPath) {
    }

    public Mono<Category> create(String shopId, CategoryRequest r) {
        return tx.transactional(insert(shopId, r.name().trim(), r.parentId()).map(Node::category));
    }

    public Flux<Category> list(String shopId) {
        return db.sql("SELECT " + COLUMNS + " FROM categories WHERE shop_id = :shop ORDER BY lower(name_path), id")
                .bind("shop", shopId).map(CategoryService::map).all().map(Node::category);
    }

    public Mono<Category> get(String shopId, UUID id) {
        return node(shopId, id, false).map(Node::category);
    }

    /**
     * Renames and/or moves a category. Its subtree moves with it; every product in the subtree gets a
     * new version and a {@code product.updated} with its new category path, so replicas stay right.
     */
    public Mono<Category> update(String shopId, UUID id, CategoryRequest r, Long expectedVersion) {
        String name = r.name().trim();
        Mono<Category> work = node(shopId, id, true).flatMap(current -> {
            if (expectedVersion != null && expectedVersion != current.category().version()) {
                return Mono.error(Problems.of(HttpStatus.PRECONDITION_FAILED, "stale-version", "Precondition failed",
                        "Category " + id + " is at version " + current.category().version() + ", not " + expectedVersion));
            }
            Mono<Node> parent = r.parentId() == null ? Mono.just(new Node(null, null)) : node(shopId, r.parentId(), true);
            return parent.flatMap(p -> {
                String parentIdPath = p.idPath();
                if (CategoryPath.wouldCycle(current.idPath(), parentIdPath)) {
                    return Mono.error(Problems.unprocessable("category-cycle", "A category cannot be moved under itself or one of its subcategories"));
                }
                int newDepth = p.category() == null ? 1 : p.category().depth() + 1;
                String newIdPath = CategoryPath.idPath(parentIdPath, id);
                String newNamePath = CategoryPath.namePath(p.category() == null ? null : p.category().path(), name);
                if (newIdPath.equals(current.idPath()) && newNamePath.equals(current.category().path())) {
                    return Mono.just(current.category());
                }
                return deepest(shopId, current.idPath()).flatMap(deepest -> {
                    if (CategoryPath.depthAfterMove(current.category().depth(), deepest, newDepth) > CategoryPath.MAX_DEPTH) {
                        return Mono.error(Problems.unprocessable("category-too-deep", "Categories nest at most " + CategoryPath.MAX_DEPTH + " levels"));
                    }
                    var spec = db.sql("""
                                    UPDATE categories SET
                                        id_path = :newIdPath || substr(id_path, length(:oldIdPath) + 1),
                                        name_path = :newNamePath || substr(name_path, length(:oldNamePath) + 1),
                                        depth = depth - :oldDepth + :newDepth,
                                        parent_id = CASE WHEN id = :id THEN CAST(:parent AS uuid) ELSE parent_id END,
                                        name = CASE WHEN id = :id THEN :name ELSE name END,
                                        version = version + 1, updated_at = now()
                                    WHERE shop_id = :shop AND id_path LIKE :oldIdPath || '%'""")
                            .bind("newIdPath", newIdPath).bind("oldIdPath", current.idPath())
                            .bind("newNamePath", newNamePath).bind("oldNamePath", current.category().path())
                            .bind("oldDepth", current.category().depth()).bind("newDepth", newDepth)
                            .bind("id", id).bind("name", name).bind("shop", shopId);
                    spec = r.parentId() == null ? spec.bindNull("parent", String.class) : spec.bind("parent", r.parentId().toString());
                    return spec.then()
                            .thenMany(products.touchCategorySubtree(shopId, newIdPath))
                            .concatMap(productId -> products.find(shopId, productId))
                            .concatMap(p2 -> outbox.append(Topics.CATALOG, EventTypes.PRODUCT_UPDATED, p2.id().toString(), shopId, p2.toEvent()))
                            .then(node(shopId, id, false).map(Node::category));
                });
            });
        }).onErrorMap(DataIntegrityViolationException.class, e -> Problems.conflict("A category named '" + name + "' already exists there"));
        return tx.transactional(work);
    }

    /** Deletes an empty category (no subcategories, no products). */
    public Mono<Void> delete(String shopId, UUID id) {
        Mono<Void> work = node(shopId, id, true).flatMap(n -> db.sql("SELECT count(*) AS n FROM categories WHERE shop_id = :shop AND parent_id = :id")
                .bind("shop", shopId).bind("id", id).map(r -> r.get("n", Long.class)).one()
                .zipWith(products.countInCategory(shopId, id))
                .flatMap(counts -> counts.getT1() > 0 || counts.getT2() > 0
                        ? Mono.error(Problems.conflict("Category " + n.category().path() + " still has " + counts.getT1()
                        + " subcategories and " + counts.getT2() + " products; move them first"))
                        : db.sql("DELETE FROM categories WHERE shop_id = :shop AND id = :id").bind("shop", shopId).bind("id", id).then()));
        return tx.transactional(work);
    }

    /**
     * The category at a path like "Groceries > Staples", creating the missing levels (for spreadsheet
     * imports; runs in the caller's transaction). Names match case-insensitively.
     */
    public Mono<Category> findOrCreatePath(String shopId, List<String> names) {
        if (names.isEmpty()) {
            return Mono.empty();
        }
        if (names.size() > CategoryPath.MAX_DEPTH) {
            return Mono.error(Problems.invalid("category", "categories nest at most " + CategoryPath.MAX_DEPTH + " levels"));
        }
        for (String n : names) {
            var problem = CategoryPath.nameProblem(n);
            if (problem.isPresent()) {
                return Mono.error(Problems.invalid("category", "'" + n + "' " + problem.get()));
            }
        }
        Mono<Node> level = Mono.just(new Node(null, null));
        for (String n : names) {
            level = level.flatMap(parent -> child(shopId, parent.category() == null ? null : parent.category().id(), n)
                    .switchIfEmpty(Mono.defer(() -> insert(shopId, n, parent.category() == null ? null : parent.category().id()))));
        }
        return level.map(Node::category);
    }

    private Mono<Node> child(String shopId, UUID parentId, String name) {
        String parentClause = parentId == null ? "parent_id IS NULL" : "parent_id = :parent";
        var spec = db.sql("SELECT " + COLUMNS + " FROM categories WHERE shop_id = :shop AND " + parentClause + " AND lower(name) = lower(:name)")
                .bind("shop", shopId).bind("name", name.trim());
        if (parentId != null) {
            spec = spec.bind("parent", parentId);
        }
        return spec.map(CategoryService::map).one();
    }

    private Mono<Node> insert(String shopId, String name, UUID parentId) {
        UUID id = UUID.randomUUID();
        Mono<Node> parent = parentId == null ? Mono.just(new Node(null, null)) : node(shopId, parentId, false);
        return parent.flatMap(p -> {
            int depth = p.category() == null ? 1 : p.category().depth() + 1;
            if (depth > CategoryPath.MAX_DEPTH) {
                return Mono.error(Problems.unprocessable("category-too-deep", "Categories nest at most " + CategoryPath.MAX_DEPTH + " levels"));
            }
            var spec = db.sql("""
                            INSERT INTO categories (id, shop_id, parent_id, name, id_path, name_path, depth)
                            VALUES (:id, :shop, :parent, :name, :idPath, :namePath, :depth) RETURNING """ + " " + COLUMNS)
                    .bind("id", id).bind("shop", shopId).bind("name", name.trim())
                    .bind("idPath", CategoryPath.idPath(p.idPath(), id))
                    .bind("namePath", CategoryPath.namePath(p.category() == null ? null : p.category().path(), name.trim()))
                    .bind("depth", depth);
            spec = parentId == null ? spec.bindNull("parent", UUID.class) : spec.bind("parent", parentId);
            return spec.map(CategoryService::map).one();
        }).onErrorMap(DataIntegrityViolationException.class, e -> Problems.conflict("A category named '" + name.trim() + "' already exists there"));
    }

    /** The category of this shop (row-locked when asked), or a 404 problem. */
    Mono<Node> node(String shopId, UUID id, boolean lock) {
        return db.sql("SELECT " + COLUMNS + " FROM categories WHERE shop_id = :shop AND id = :id" + (lock ? " FOR UPDATE" : ""))
                .bind("shop", shopId).bind("id", id).map(CategoryService::map).one()
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No category " + id + " in this shop")));
    }

    private Mono<Integer> deepest(String shopId, String idPath) {
        return db.sql("SELECT max(depth) AS d FROM categories WHERE shop_id = :shop AND id_path LIKE :prefix")
                .bind("shop", shopId).bind("prefix", idPath + "%").map(r -> r.get("d", Integer.class)).one();
    }

    private static Node map(Readable r) {
        return new Node(new Category(r.get("id", UUID.class), r.get("parent_id", UUID.class), r.get("name", String.class),
                r.get("name_path", String.class), r.get("depth", Integer.class), r.get("version", Long.class),
                r.get("created_at", OffsetDateTime.class).toInstant(), r.get("updated_at", OffsetDateTime.class).toInstant()),
                r.get("id_path", String.class));
    }
}
