package org.senderguard.domain.common;

/**
 * Text that people write and that is stored, shown in tables and pages, and written to log lines:
 * reasons, notes, names, descriptions. Any letter, symbol or emoji is welcome; refused are the
 * characters that forge a log line or a table row (control characters such as NUL, CR, LF, tab;
 * line and paragraph separators), that make text read differently from what it is (bidi overrides
 * and other invisible formatting characters, except the joiners that scripts and emoji need), and
 * that no database stores as given (an unpaired surrogate: MariaDB would keep a '?'). One rule, so
 * that the API, the CLI and an import accept the same text and every database keeps what was echoed.
 */
public final class FreeText {

    private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
    private static final int ZERO_WIDTH_JOINER = 0x200D;
    /** Emoji tag sequences (subdivision flags) are made of these. */
    private static final int FIRST_TAG = 0xE0020;
    private static final int LAST_TAG = 0xE007F;
    private static final int MAX_QUOTED = 80;

    private FreeText() {
    }

    /** Stripped text of 1 to {@code maxLength} characters; {@code requiredMessage} when it is missing or blank. */
    public static String required(String field, String input, int maxLength, String requiredMessage) {
        if (input == null || input.isBlank()) {
            throw new InvalidValueException(field, requiredMessage);
        }
        return checked(field, input.strip(), maxLength);
    }

    /** Stripped text of at most {@code maxLength} characters, or null when none is given. */
    public static String optional(String field, String input, int maxLength) {
        return input == null || input.isBlank() ? null : checked(field, input.strip(), maxLength);
    }

    private static String checked(String field, String text, int maxLength) {
        if (text.length() > maxLength) {
            // Counted as Java and the embedded database count (UTF-16 units), so that what is accepted fits.
            boolean pairs = text.codePointCount(0, text.length()) < text.length();
            throw new InvalidValueException(field, "at most " + maxLength + " characters, not " + text.length()
                    + (pairs ? " (an emoji or another character beyond U+FFFF counts as two)" : ""));
        }
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (isRefused(c)) {
                throw new InvalidValueException(field, String.format("contains U+%04X at character %d: %s", c,
                        text.codePointCount(0, i) + 1, Character.getType(c) == Character.SURROGATE ? "half of a character (an unpaired "
                                + "surrogate)" : "control, line-breaking and invisible formatting characters "
                                + "are not allowed"));
            }
            i += Character.charCount(c);
        }
        return text;
    }

    /**
     * What a user typed, in single quotes, for an error message: escaped as {@link #escaped}, and
     * shortened when long, so that an echo is one line of reasonable length whatever was sent.
     */
    public static String quoted(String value) {
        return value.length() <= MAX_QUOTED ? "'" + escaped(value) + "'"
                : "'" + escaped(value.substring(0, MAX_QUOTED)) + "...' (" + value.length() + " characters)";
    }

    /**
     * The text with every character this rule refuses written as a backslash escape ({@code \n}, or u
     * and four hex digits): safe to show on one line of a terminal, a log or a page, whatever was typed.
     */
    public static String escaped(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            if (isRefused(c)) {
                out = out == null ? new StringBuilder(text.length() + 8).append(text, 0, i) : out;
                out.append(switch (c) {
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\t' -> "\\t";
                    default -> String.format("\\u%04x", c);
                });
            } else if (out != null) {
                out.append(text, i, next);
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }

    /** A lone surrogate is refused; a pair (an emoji, say) is read as one code point and is not. */
    private static boolean isRefused(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SURROGATE ->
                    true;
            case Character.FORMAT -> c != ZERO_WIDTH_NON_JOINER && c != ZERO_WIDTH_JOINER
                    && (c < FIRST_TAG || c > LAST_TAG);
            default -> false;
        };
    }
}
