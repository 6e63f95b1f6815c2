package org.senderguard.adapters.cli.blocklist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.senderguard.adapters.cli.InputFiles;
import org.senderguard.domain.common.InvalidValueException;

/**
 * A CSV file to import as spreadsheets save it: UTF-8, with or without a byte order mark, lines
 * ending in LF or CRLF. Text that is not UTF-8, and a quoted field that never ends, are bad input
 * named by their line (the header is line 1), not failures of the command.
 */
final class CsvInput {

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final int BUFFER = 64 * 1024;
    /**
     * Commons CSV's messages give the line as "(startline 3)" or "at line: 3", formatted in the
     * default locale: with its thousands separator (1,100, 1.100, 1’100 or a space).
     */
    private static final Pattern LINE = Pattern.compile("(?:startline |line: )(\\d(?:[\\d.,'\\u00a0\\u202f\\u2019]*\\d)?)");

    private CsvInput() {
    }

    /**
     * The number of lines, read with a strict UTF-8 decoder (before anything is imported, so that a
     * bad byte anywhere refuses the whole file): InvalidValueException naming the first line that is
     * not UTF-8. The file is read again to import it, so it must be a file, not a pipe.
     */
    static long lines(Path file) {
        if (!Files.isRegularFile(InputFiles.readable(file))) {
            throw new InvalidValueException("FILE", "'" + file + "' is not a regular file (a pipe or a device): the"
                    + " import reads it twice, to check every row before it writes any, so save it to a file first");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
        CharBuffer chars = CharBuffer.allocate(BUFFER);
        long newlines = 0;
        char last = '\n';
        try (InputStream in = Files.newInputStream(InputFiles.readable(file))) {
            boolean end = false;
            while (!end) {
                int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                end = read < 0;
                bytes.position(bytes.position() + Math.max(read, 0));
                bytes.flip();
                CoderResult result;
                do {
                    result = decoder.decode(bytes, chars, end);
                    chars.flip();
                    while (chars.hasRemaining()) {
                        last = chars.get();
                        newlines += last == '\n' ? 1 : 0;
                    }
                    chars.clear();
                    if (result.isError()) {
                        throw new InvalidValueException("FILE", "line " + (newlines + 1) + ": not UTF-8 text");
                    }
                } while (result.isOverflow());
                bytes.compact();
            }
        } catch (NoSuchFileException e) {
            throw new InvalidValueException("FILE", "no such file: " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return newlines + (last == '\n' ? 0 : 1);
    }

    /** The file's text, past a byte order mark. */
    static BufferedReader open(Path file) throws IOException {
        BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        reader.mark(1);
        if (reader.read() != BYTE_ORDER_MARK) {
            reader.reset();
        }
        return reader;
    }

    /**
     * The line a record starts on: the parser counts the line it ended on, past blank lines, and a
     * quoted field may span lines (the record number counts neither).
     */
    static long startLine(CSVParser csv, CSVRecord record) {
        long breaks = 0;
        for (String value : record.values()) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\n' || c == '\r' && (i + 1 == value.length() || value.charAt(i + 1) != '\n')) {
                    breaks++;
                }
            }
        }
        return csv.getCurrentLineNumber() - breaks;
    }

    /** The parser's refusal (an unterminated quote, text after a closing quote) as bad input naming its line. */
    static InvalidValueException badFormat(CSVException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher line = LINE.matcher(message);
        String where = line.find() ? "line " + line.group(1).replaceAll("\\D", "") + ": " : "";
        String what = message.contains("EOF reached before encapsulated token finished")
                ? "a quoted field starts here and is never closed"
                : message.contains("Invalid character between encapsulated token and delimiter")
                ? "text follows a quoted field's closing quote (write a quote inside a quoted field as \"\")"
                : "not valid CSV";
        return new InvalidValueException("FILE", where + what);
    }
}
