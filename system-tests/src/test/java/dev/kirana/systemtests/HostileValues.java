package dev.kirana.systemtests;

import io.swagger.v3.oas.models.media.Schema;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Values for a schema: a plausible one (its example, its first enum value, a value of its type and format) to fill
 * what is not under attack, and hostile ones by type: NUL and control characters, 10,000-character strings, huge,
 * negative and exponent numbers, wrong JSON types, unknown enum values. Besides a fixed set per type, a few values
 * per field are drawn at random ({@link #randomString()}, {@link #randomNumber()}) from a seed that changes each run
 * and is printed ({@link #SEED}; {@code -Dkirana.attack.seed} replays a run).
 */
final class HostileValues {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A hostile value: what it is (for the report) and its raw text (JSON for a body, plain for a parameter). */
    record Hostile(String label, String raw) {
    }

    /** The seed of this run's random values: printed by the test, set with {@code -Dkirana.attack.seed} to replay. */
    static final long SEED = Long.getLong("kirana.attack.seed", System.nanoTime());
    private static final Random RANDOM = new Random(SEED);
    private static final String ODD_CHARS = "'\"\\<>%{}$;&#\u007f";

    /** 1–40 characters mixing control characters, quotes, markup and Devanagari. */
    static synchronized String randomString() {
        int length = 1 + RANDOM.nextInt(40);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(switch (RANDOM.nextInt(3)) {
                case 0 -> (char) RANDOM.nextInt(0x20);
                case 1 -> ODD_CHARS.charAt(RANDOM.nextInt(ODD_CHARS.length()));
                default -> (char) (0x0900 + RANDOM.nextInt(0x80));
            });
        }
        return out.toString();
    }

    /** An integer of up to 40 digits, either sign: far beyond a long. */
    static synchronized BigInteger randomNumber() {
        BigInteger n = new BigInteger(133, RANDOM); // < 2^133 ≈ 1.1e40
        return RANDOM.nextBoolean() ? n.negate() : n;
    }

    private static final String LONG_BODY_STRING = "x".repeat(10_000);
    private static final String LONG_PARAM = "x".repeat(1_000);

    private HostileValues() {
    }

    // ---------------------------------------------------------------- plausible values

    /** A plausible value for the schema: its example, else one of its type and format. */
    static JsonNode plausible(Schema<?> s, int depth) {
        if (s == null) {
            return NODES.stringNode("x");
        }
        String example = ApiOperations.exampleJson(s);
        if (example != null) {
            try {
                return JSON.readTree(example);
            } catch (RuntimeException ignored) {
                // fall through to one of its type
            }
        }
        if (s.getEnum() != null && !s.getEnum().isEmpty() && s.getEnum().get(0) != null) {
            return NODES.stringNode(String.valueOf(s.getEnum().get(0)));
        }
        String type = ApiOperations.type(s);
        String format = s.getFormat();
        if (type == null) {
            return NODES.stringNode("x");
        }
        switch (type) {
            case "integer":
                return NODES.numberNode(1);
            case "number":
                return NODES.numberNode(1);
            case "boolean":
                return NODES.booleanNode(false);
            case "array": {
                ArrayNode a = NODES.arrayNode();
                if (depth < 4) {
                    a.add(plausible(s.getItems(), depth + 1));
                }
                return a;
            }
            case "object": {
                ObjectNode o = NODES.objectNode();
                if (depth < 4) {
                    for (Map.Entry<String, Schema> p : ApiOperations.properties(s).entrySet()) {
                        o.set(p.getKey(), plausible(p.getValue(), depth + 1));
                    }
                }
                return o;
            }
            default:
                return NODES.stringNode(plausibleString(format, s.getPattern()));
        }
    }

    private static String plausibleString(String format, String pattern) {
        if (format == null) {
            return pattern != null && pattern.contains("[0-9]") ? "1" : "Attack";
        }
        return switch (format) {
            case "uuid" -> UUID.randomUUID().toString();
            case "date" -> "2026-04-01";
            case "date-time" -> "2026-04-01T10:00:00Z";
            case "decimal" -> "1.00";
            case "email" -> "attack-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            default -> "Attack";
        };
    }

    // ---------------------------------------------------------------- hostile JSON values for a body property

    static List<Hostile> forBody(Schema<?> s) {
        List<Hostile> out = new ArrayList<>();
        String type = ApiOperations.type(s);
        if (type == null) {
            type = "string";
        }
        switch (type) {
            case "integer", "number" -> {
                out.add(new Hostile("huge exponent 1e400", "1e400"));
                out.add(new Hostile("huge negative", "-99999999999999999999999999999"));
                out.add(new Hostile("exponent 1e9", "1e9"));
                if (type.equals("integer")) {
                    out.add(new Hostile("fraction for an integer", "1.5"));
                }
                out.add(new Hostile("string for a number", "\"abc\""));
                out.add(new Hostile("object for a number", "{}"));
                out.add(new Hostile("random big integer", randomNumber().toString()));
            }
            case "boolean" -> {
                out.add(new Hostile("string for a boolean", "\"maybe\""));
                out.add(new Hostile("number for a boolean", "2"));
                out.add(new Hostile("object for a boolean", "{}"));
            }
            case "array" -> {
                out.add(new Hostile("object for an array", "{}"));
                out.add(new Hostile("string for an array", "\"x\""));
                out.add(new Hostile("array of null", "[null]"));
                out.add(new Hostile("array of a wrong type", "[[]]"));
            }
            case "object" -> {
                out.add(new Hostile("string for an object", "\"x\""));
                out.add(new Hostile("array for an object", "[]"));
                out.add(new Hostile("number for an object", "1"));
            }
            default -> {
                out.add(new Hostile("NUL", quote("a\u0000b")));
                out.add(new Hostile("control characters", quote("\u0001\u001b[31m\u007f\r\n")));
                out.add(new Hostile("10k characters", quote(LONG_BODY_STRING)));
                out.add(new Hostile("object for a string", "{}"));
                out.add(new Hostile("array for a string", "[]"));
                out.add(new Hostile("random string", quote(randomString())));
                if (s != null && s.getEnum() != null) {
                    out.add(new Hostile("unknown enum value", quote("NOT_A_VALUE")));
                }
                String format = s == null ? null : s.getFormat();
                if ("uuid".equals(format)) {
                    out.add(new Hostile("not a uuid", quote("not-a-uuid")));
                } else if ("date".equals(format) || "date-time".equals(format)) {
                    out.add(new Hostile("impossible date", quote("2026-02-30")));
                } else if ("decimal".equals(format) || (s != null && s.getPattern() != null && s.getPattern().contains("[0-9]"))) {
                    out.add(new Hostile("decimal exponent", quote("1e9999")));
                    out.add(new Hostile("negative huge decimal", quote("-99999999999999999999999.999")));
                    out.add(new Hostile("NaN", quote("NaN")));
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- hostile values for a parameter (path, query, header)

    static List<Hostile> forParam(Schema<?> s, String in) {
        List<Hostile> out = new ArrayList<>();
        if (in.equals("header")) {
            // a client cannot put control characters into a header line; the rest of the range it can
            out.add(new Hostile("1000 characters", LONG_PARAM));
            out.add(new Hostile("negative", "-1"));
            out.add(new Hostile("huge", "wait=99999999999999999999"));
            return out;
        }
        String type = ApiOperations.type(s);
        String format = s == null ? null : s.getFormat();
        out.add(new Hostile("NUL", "a\u0000b"));
        if (type == null || type.equals("string")) {
            out.add(new Hostile("control characters", "\u0001\u001b[31m\u007f"));
            out.add(new Hostile("1000 characters", LONG_PARAM));
            out.add(new Hostile("random string", randomString()));
            if (s != null && s.getEnum() != null) {
                out.add(new Hostile("unknown enum value", "NOT_A_VALUE"));
            }
            if ("uuid".equals(format)) {
                out.add(new Hostile("not a uuid", "not-a-uuid"));
            } else if ("date".equals(format) || "date-time".equals(format)) {
                out.add(new Hostile("impossible date", "2026-13-45"));
                out.add(new Hostile("exponent for a date", "1e9"));
            }
        } else if (type.equals("integer") || type.equals("number")) {
            out.add(new Hostile("negative", "-1"));
            out.add(new Hostile("huge", "99999999999999999999"));
            out.add(new Hostile("exponent", "1e9"));
            out.add(new Hostile("not a number", "abc"));
            out.add(new Hostile("random big integer", randomNumber().toString()));
        } else if (type.equals("boolean")) {
            out.add(new Hostile("not a boolean", "maybe"));
        } else {
            out.add(new Hostile("1000 characters", LONG_PARAM));
        }
        return out;
    }

    static String quote(String s) {
        return JSON.writeValueAsString(s);
    }
}
