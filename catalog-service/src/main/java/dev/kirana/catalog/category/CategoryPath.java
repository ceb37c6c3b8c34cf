package dev.kirana.catalog.category;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Rules of the category tree: names, the readable path ("Groceries > Staples > Atta"), the id path that
 * finds a subtree ("/&lt;root&gt;/&lt;child&gt;/"), depth, and moves that would make a cycle.
 */
public final class CategoryPath {
    public static final String SEPARATOR = " > ";
    public static final int MAX_DEPTH = 6;
    public static final int MAX_NAME = 80;

    private CategoryPath() {
    }

    /** Why a category name is not acceptable, if it is not. */
    public static Optional<String> nameProblem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("must not be blank");
        }
        String n = name.trim();
        if (n.length() > MAX_NAME) {
            return Optional.of("at most " + MAX_NAME + " characters");
        }
        if (n.contains(">") || n.contains("/")) {
            return Optional.of("must not contain '>' or '/' (they separate levels of a path)");
        }
        return Optional.empty();
    }

    /** Splits a path as people type it in a spreadsheet: "Groceries > Staples" or "Groceries/Staples". */
    public static List<String> parse(String path) {
        if (path == null || path.isBlank()) {
            return List.of();
        }
        return Arrays.stream(path.split(">|/")).map(String::trim).toList();
    }

    public static String namePath(String parentNamePath, String name) {
        return parentNamePath == null ? name : parentNamePath + SEPARATOR + name;
    }

    public static String idPath(String parentIdPath, UUID id) {
        return (parentIdPath == null ? "/" : parentIdPath) + id + "/";
    }

    /** Moving the category at {@code movingIdPath} under {@code newParentIdPath} would put it inside itself. */
    public static boolean wouldCycle(String movingIdPath, String newParentIdPath) {
        return newParentIdPath != null && newParentIdPath.startsWith(movingIdPath);
    }

    /** The deepest level a subtree reaches after moving it so that its root sits at {@code newDepth}. */
    public static int depthAfterMove(int oldRootDepth, int deepestInSubtree, int newDepth) {
        return deepestInSubtree - oldRootDepth + newDepth;
    }
}
