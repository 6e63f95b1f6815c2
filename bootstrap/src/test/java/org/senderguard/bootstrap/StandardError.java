package org.senderguard.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;

/** What the application writes to standard error (its log), passed on and kept for the test to read. */
final class StandardError extends OutputStream implements AutoCloseable {

    private final PrintStream original = System.err;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private int mark;

    static StandardError capture() {
        StandardError capture = new StandardError();
        System.setErr(new PrintStream(capture, true, StandardCharsets.UTF_8));
        return capture;
    }

    @Override
    public synchronized void write(int b) {
        original.write(b);
        kept.write(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        original.write(bytes, offset, length);
        kept.write(bytes, offset, length);
    }

    synchronized void mark() {
        mark = kept.size();
    }

    synchronized List<String> linesSinceMark() {
        byte[] bytes = kept.toByteArray();
        return new String(bytes, mark, bytes.length - mark, StandardCharsets.UTF_8).lines()
                .filter(Predicate.not(String::isBlank)).toList();
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
