package dev.kirana.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Reading and rotating the stack's log files. */
public final class LogFiles {

    private static final int CHUNK = 8192;

    private LogFiles() {
    }

    /** The last {@code lines} lines of a file (fewer if it is shorter; empty if it does not exist). */
    public static List<String> tail(Path file, int lines) throws IOException {
        if (lines <= 0 || !Files.isRegularFile(file)) {
            return List.of();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long end = raf.length();
            long start = end;
            int newlines = 0;
            byte[] buffer = new byte[CHUNK];
            // walk back chunk by chunk until we have seen enough line breaks; logs can be large
            while (start > 0 && newlines <= lines) {
                int size = (int) Math.min(CHUNK, start);
                start -= size;
                raf.seek(start);
                raf.readFully(buffer, 0, size);
                for (int i = size - 1; i >= 0; i--) {
                    if (buffer[i] == '\n' && !(start + i == end - 1)) {
                        newlines++;
                        if (newlines == lines) {
                            start += i + 1;
                            return read(raf, start, end);
                        }
                    }
                }
            }
            return read(raf, 0, end);
        }
    }

    private static List<String> read(RandomAccessFile raf, long from, long to) throws IOException {
        byte[] bytes = new byte[(int) (to - from)];
        raf.seek(from);
        raf.readFully(bytes);
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> result = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (!result.isEmpty() && result.get(result.size() - 1).isEmpty()) {
            result.remove(result.size() - 1);
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * Prints a file and then keeps printing what is appended to it, like {@code tail -f}, until
     * {@code stop} says so. A file that shrinks (rotated or truncated by a restart) is followed
     * from its new beginning.
     */
    public static void follow(Path file, int initialLines, PrintStream out, BooleanSupplier stop)
            throws IOException, InterruptedException {
        for (String line : tail(file, initialLines)) {
            out.println(line);
        }
        long position = Files.isRegularFile(file) ? Files.size(file) : 0;
        byte[] buffer = new byte[CHUNK];
        while (!stop.getAsBoolean()) {
            long size = Files.isRegularFile(file) ? Files.size(file) : 0;
            if (size < position) {
                position = 0;
            }
            if (size > position) {
                try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                    raf.seek(position);
                    int read;
                    while ((read = raf.read(buffer)) > 0) {
                        out.write(buffer, 0, read);
                        position += read;
                    }
                }
                out.flush();
            } else {
                Thread.sleep(250);
            }
        }
    }

    /** Moves {@code x.log} to {@code x.log.1} (replacing an older one) so each run starts a fresh log. */
    public static void rotate(Path file) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) > 0) {
            Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
