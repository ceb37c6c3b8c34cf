package dev.kirana.events;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Whether an event schema may replace the one a release published under the same type: every event valid by the new
 * schema must still be valid by the released one, so that a partner's consumer built against the release keeps reading
 * what is published now. What stays allowed is additive: a new optional property (unless the released schema closed
 * the object), a looser constraint nowhere, a tighter one anywhere. Anything else needs a new type ({@code …v2}).
 * <p>
 * The walk follows the keywords the published schemas use (type, required, properties, items, enum, const, pattern,
 * format, min/max lengths, items and values, additionalProperties); a keyword it does not know that changed is reported
 * too, rather than passed unseen.
 */
final class SchemaCompatibility {
    private static final Set<String> ANNOTATIONS = Set.of("title", "description", "$id", "$schema", "examples", "$comment",
            "deprecated", "default");
    private static final Set<String> KNOWN = Set.of("type", "required", "properties", "items", "enum", "const", "pattern",
            "format", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minItems",
            "maxItems", "additionalProperties", "uniqueItems");

    private SchemaCompatibility() {
    }

    /** @return why {@code now} cannot replace {@code released}; empty when it can */
    static List<String> breakingChanges(JsonNode released, JsonNode now) {
        List<String> problems = new ArrayList<>();
        compare("", released, now, problems);
        return problems;
    }

    private static void compare(String at, JsonNode was, JsonNode is, List<String> out) {
        String where = at.isEmpty() ? "/" : at;
        // type: what may be published now must have been allowed then
        Set<String> wasTypes = types(was);
        Set<String> isTypes = types(is);
        Set<String> wasAllowed = new HashSet<>(wasTypes);
        // an integer is a number: what was a number may become an integer, not the other way round
        if (wasAllowed.contains("number")) wasAllowed.add("integer");
        if (!wasTypes.isEmpty() && (isTypes.isEmpty() || !wasAllowed.containsAll(isTypes))) {
            out.add(where + ": type " + (isTypes.isEmpty() ? "any" : new java.util.TreeSet<>(isTypes)) + " was "
                    + new java.util.TreeSet<>(wasTypes));
        }
        // required: a property the release promised is still always there
        Set<String> wasRequired = strings(was.path("required"));
        Set<String> isRequired = strings(is.path("required"));
        for (String r : wasRequired) {
            if (!isRequired.contains(r)) out.add(where + ": " + r + " is no longer required");
        }
        // enum and const: no value the release did not know
        if (was.has("enum")) {
            Set<String> wasValues = values(was.path("enum"));
            if (!is.has("enum")) {
                out.add(where + ": enum " + wasValues + " was dropped (any value may come)");
            } else {
                Set<String> added = values(is.path("enum"));
                added.removeAll(wasValues);
                if (!added.isEmpty()) out.add(where + ": new enum values " + added);
            }
        }
        if (was.has("const") && !Objects.equals(was.get("const"), is.get("const"))) {
            out.add(where + ": const " + was.get("const") + " became " + is.get("const"));
        }
        for (String keyword : List.of("pattern", "format")) {
            if (was.has(keyword) && !Objects.equals(was.get(keyword), is.get(keyword))) {
                out.add(where + ": " + keyword + " " + was.get(keyword) + " became " + is.get(keyword));
            }
        }
        // lower bounds may rise, upper bounds may fall, nothing else
        for (String keyword : List.of("minLength", "minimum", "exclusiveMinimum", "minItems")) {
            if (was.has(keyword) && (!is.has(keyword) || is.get(keyword).decimalValue().compareTo(was.get(keyword).decimalValue()) < 0)) {
                out.add(where + ": " + keyword + " " + was.get(keyword) + " became " + is.get(keyword));
            }
        }
        for (String keyword : List.of("maxLength", "maximum", "exclusiveMaximum", "maxItems")) {
            if (was.has(keyword) && (!is.has(keyword) || is.get(keyword).decimalValue().compareTo(was.get(keyword).decimalValue()) > 0)) {
                out.add(where + ": " + keyword + " " + was.get(keyword) + " became " + is.get(keyword));
            }
        }
        if (was.path("uniqueItems").asBoolean(false) && !is.path("uniqueItems").asBoolean(false)) {
            out.add(where + ": uniqueItems was dropped");
        }
        // properties: each one the release described keeps a compatible schema; a closed object stays closed
        JsonNode wasProps = was.path("properties");
        JsonNode isProps = is.path("properties");
        boolean wasClosed = was.has("additionalProperties") && was.get("additionalProperties").isBoolean()
                && !was.get("additionalProperties").asBoolean();
        for (String name : wasProps.propertyNames()) {
            if (isProps.has(name)) {
                compare(at + "/" + name, wasProps.get(name), isProps.get(name), out);
            } else if (wasClosed || is.path("additionalProperties").isObject()) {
                out.add(where + ": property " + name + " was removed");
            }
        }
        if (wasClosed) {
            for (String name : isProps.propertyNames()) {
                if (!wasProps.has(name)) out.add(where + ": new property " + name + " on an object the release closed");
            }
            if (!is.has("additionalProperties") || is.get("additionalProperties").asBoolean(true)) {
                out.add(where + ": additionalProperties false was dropped");
            }
        }
        if (was.has("items")) {
            if (!is.has("items")) {
                out.add(where + ": items schema was dropped");
            } else {
                compare(at + "/[]", was.get("items"), is.get("items"), out);
            }
        }
        // anything else that changed, the walk does not understand: say so
        for (String keyword : union(was.propertyNames(), is.propertyNames())) {
            if (ANNOTATIONS.contains(keyword) || KNOWN.contains(keyword)) continue;
            if (!Objects.equals(was.get(keyword), is.get(keyword))) {
                out.add(where + ": " + keyword + " changed and is not understood by the compatibility check");
            }
        }
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode t = schema.path("type");
        return t.isArray() ? strings(t) : t.isString() ? new HashSet<>(Set.of(t.asString())) : new HashSet<>();
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private static Set<String> values(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(n -> out.add(n.toString()));
        return out;
    }

    private static Set<String> union(Iterable<String> a, Iterable<String> b) {
        Set<String> out = new HashSet<>();
        a.forEach(out::add);
        b.forEach(out::add);
        return out;
    }
}
