package dev.kirana.k8s;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of PromQL to check an expression's shape and the metrics it reads: brackets balance, every function is
 * one PromQL has, and every other identifier outside label matchers, ranges and grouping clauses is a metric name.
 */
final class PromQl {
    static final Set<String> FUNCTIONS = Set.of("sum", "max", "min", "avg", "count", "rate", "irate", "increase", "delta",
            "histogram_quantile", "abs", "clamp_min", "clamp_max", "topk", "bottomk", "max_over_time", "min_over_time",
            "avg_over_time", "absent", "absent_over_time", "label_replace", "vector", "scalar", "time");
    static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?");

    private PromQl() {
    }

    /** The metric names the expression reads, in order. */
    static Set<String> metrics(String expr) {
        balanced(expr);
        String s = expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"").replaceAll("'(\\\\.|[^'\\\\])*'", "''");
        s = s.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ");
        s = GROUPING.matcher(s).replaceAll(" ");
        // numbers such as 0.99, 1e3 or 2.5 are not identifiers
        s = s.replaceAll("(?<![a-zA-Z_:])[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?", " ");
        Set<String> metrics = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(s);
        while (m.find()) {
            String word = m.group().replaceAll("[\\s(]", "");
            if (m.group(1) != null) {
                if (!FUNCTIONS.contains(word)) {
                    throw new IllegalArgumentException("unknown function " + word + " in: " + expr);
                }
            } else if (!KEYWORDS.contains(word.toLowerCase())) {
                metrics.add(word);
            }
        }
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("no metric in: " + expr);
        }
        return metrics;
    }

    private static void balanced(String expr) {
        Deque<Character> open = new ArrayDeque<>();
        boolean quoted = false;
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (c == '"' && (i == 0 || expr.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
            if (quoted) {
                continue;
            }
            switch (c) {
                case '(', '{', '[' -> open.push(c);
                case ')', '}', ']' -> {
                    char expected = c == ')' ? '(' : c == '}' ? '{' : '[';
                    if (open.isEmpty() || open.pop() != expected) {
                        throw new IllegalArgumentException("unbalanced '" + c + "' at " + i + " in: " + expr);
                    }
                }
                default -> {
                }
            }
        }
        if (quoted || !open.isEmpty()) {
            throw new IllegalArgumentException("unclosed bracket or quote in: " + expr);
        }
    }
}
