package dev.kirana.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class LogFilesTest {

    @TempDir
    Path dir;

    @Test
    void tailOfAShortFile() throws IOException {
        Path file = write("a\nb\nc\n");
        assertThat(LogFiles.tail(file, 2)).containsExactly("b", "c");
        assertThat(LogFiles.tail(file, 3)).containsExactly("a", "b", "c");
        assertThat(LogFiles.tail(file, 10)).containsExactly("a", "b", "c");
    }

    @Test
    void tailWithoutTrailingNewline() throws IOException {
        Path file = write("a\nb\nc");
        assertThat(LogFiles.tail(file, 2)).containsExactly("b", "c");
        assertThat(LogFiles.tail(file, 1)).containsExactly("c");
    }

    @Test
    void tailKeepsEmptyLinesInside() throws IOException {
        assertThat(LogFiles.tail(write("a\n\nb\n"), 2)).containsExactly("", "b");
    }

    @Test
    void tailAcrossReadChunks() throws IOException {
        String content = IntStream.range(0, 5000).mapToObj(i -> "line " + i + " " + "x".repeat(i % 50))
                .collect(Collectors.joining("\n", "", "\n"));
        Path file = write(content);
        assertThat(LogFiles.tail(file, 3)).containsExactly(
                "line 4997 " + "x".repeat(47), "line 4998 " + "x".repeat(48), "line 4999 " + "x".repeat(49));
        assertThat(LogFiles.tail(file, 4000)).hasSize(4000).startsWith("line 1000 ");
    }

    @Test
    void tailOfMissingOrEmptyFile() throws IOException {
        assertThat(LogFiles.tail(dir.resolve("missing.log"), 5)).isEmpty();
        assertThat(LogFiles.tail(write(""), 5)).isEmpty();
        assertThat(LogFiles.tail(write("a\n"), 0)).isEmpty();
    }

    @Test
    void tailDecodesUtf8() throws IOException {
        assertThat(LogFiles.tail(write("नमस्ते\n₹ 100\n"), 2)).containsExactly("नमस्ते", "₹ 100");
    }

    @Test
    void rotateKeepsOnePreviousLog() throws IOException {
        Path file = write("first run\n");
        LogFiles.rotate(file);
        assertThat(file).doesNotExist();
        assertThat(dir.resolve("test.log.1")).hasContent("first run");

        Files.writeString(file, "second run\n");
        LogFiles.rotate(file);
        assertThat(dir.resolve("test.log.1")).hasContent("second run");

        LogFiles.rotate(dir.resolve("never-written.log"));
        assertThat(dir.resolve("never-written.log.1")).doesNotExist();
    }

    @Test
    void followPrintsTheTailThenWhatIsAppended() throws Exception {
        Path file = write("old 1\nold 2\nold 3\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        AtomicInteger polls = new AtomicInteger();
        LogFiles.follow(file, 2, out, () -> {
            int n = polls.incrementAndGet();
            if (n == 2) {
                append(file, "new 1\n");
            }
            return n > 4;
        });
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("old 2\nold 3\nnew 1\n");
    }

    private Path write(String content) throws IOException {
        Path file = dir.resolve("test.log");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
