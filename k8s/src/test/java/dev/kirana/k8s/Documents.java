package dev.kirana.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The rendered documents of an overlay, each with its typed model (parsed strictly). */
final class Documents {
    /** Every overlay an SRE may apply, as paths under k8s/. */
    static final List<String> OVERLAYS = List.of("base", "overlays/production", "overlays/operators", "overlays/monitoring");

    record Doc(String apiVersion, String kind, String name, Map<String, Object> raw, Object typed) {
    }

    private static final Map<String, List<Doc>> CACHE = new ConcurrentHashMap<>();

    private Documents() {
    }

    static List<Doc> of(String overlay) {
        return CACHE.computeIfAbsent(overlay, o -> parse(Kustomize.render(o)));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> yaml(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml(new SafeConstructor(options)).loadAll(text)) {
            if (doc != null) {
                docs.add((Map<String, Object>) doc);
            }
        }
        return docs;
    }

    static List<Doc> parse(String text) {
        return yaml(text).stream()
                .map(raw -> new Doc((String) raw.get("apiVersion"), (String) raw.get("kind"), StrictModels.name(raw), raw,
                        StrictModels.parse(raw)))
                .toList();
    }

    static <T> List<T> all(String overlay, Class<T> type) {
        return of(overlay).stream().map(Doc::typed).filter(type::isInstance).map(type::cast).toList();
    }

    static <T> T one(String overlay, Class<T> type, String name) {
        return of(overlay).stream().filter(d -> type.isInstance(d.typed()) && Objects.equals(d.name(), name))
                .map(d -> type.cast(d.typed())).findFirst()
                .orElseThrow(() -> new AssertionError(overlay + " renders no " + type.getSimpleName() + " " + name));
    }

    static List<Doc> ofKind(String overlay, String kind) {
        return of(overlay).stream().filter(d -> kind.equals(d.kind())).toList();
    }
}
