package org.senderguard.domain.common;

import com.ibm.icu.text.IDNA;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A fully qualified DNS domain name in its canonical form: ASCII (IDN labels as punycode),
 * lower case, without a trailing dot, at least two labels.
 */
public record DomainName(String value) implements Comparable<DomainName> {

    private static final int MAX_LABEL_LENGTH = 63;
    private static final int MAX_LENGTH = 253;
    private static final IDNA UTS46 = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.USE_STD3_RULES
            | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ | IDNA.CHECK_CONTEXTO);

    public DomainName {
        if (value == null || !value.equals(canonical(value))) {
            throw new IllegalArgumentException("not a canonical domain name: " + value);
        }
    }

    /** Parses user input; the exception names {@code field} and says what is wrong. */
    public static DomainName parse(String field, String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidValueException(field, "a domain name is required");
        }
        String ascii;
        try {
            ascii = canonical(input);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(field, FreeText.quoted(input.strip()) + " is not a valid domain name ("
                    + e.getMessage() + ")");
        }
        return new DomainName(ascii);
    }

    /** True when this domain is {@code other} or one of its subdomains. */
    public boolean isWithin(DomainName other) {
        return value.equals(other.value) || value.endsWith("." + other.value);
    }

    /**
     * A host name as browsers map it before anything else (the URL standard's "domain to ASCII"):
     * without one trailing dot, lower-cased, UTS #46-mapped (full-width digits become digits,
     * ideographic full stops dots), so that an IPv4 address written so is recognised; empty when
     * the mapping finds the name invalid.
     */
    public static Optional<String> asciiHost(String host) {
        try {
            return Optional.of(ascii(host));
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }

    private static String ascii(String input) {
        String trimmed = input.strip();
        if (trimmed.endsWith(".")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return isPlainAscii(trimmed) ? trimmed.toLowerCase(Locale.ROOT) : toAscii(trimmed);
    }

    private static String canonical(String input) {
        String ascii = ascii(input);
        if (ascii.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("longer than " + MAX_LENGTH + " characters");
        }
        // Labels are read in place rather than split out: names are read on every message.
        int lastDot = ascii.lastIndexOf('.');
        if (lastDot < 0) {
            throw new IllegalArgumentException("a domain needs at least two labels, like example.com");
        }
        for (int start = 0, end; start <= ascii.length(); start = end + 1) {
            end = ascii.indexOf('.', start);
            end = end < 0 ? ascii.length() : end;
            if (!isLabel(ascii, start, end)) {
                throw new IllegalArgumentException("label '" + ascii.substring(start, end)
                        + "' must be 1-63 letters, digits or inner hyphens");
            }
        }
        if (isDigits(ascii, lastDot + 1)) {
            throw new IllegalArgumentException("the top-level label cannot be numeric");
        }
        return ascii;
    }

    private static boolean isDigits(String name, int start) {
        for (int i = start; i < name.length(); i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code name} from {@code start} to {@code end} is 1-63 lower-case ASCII letters, digits and inner hyphens. */
    private static boolean isLabel(String name, int start, int end) {
        int length = end - start;
        if (length == 0 || length > MAX_LABEL_LENGTH || name.charAt(start) == '-' || name.charAt(end - 1) == '-') {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Labels of ASCII letters, digits and inner hyphens, without "--" in third and fourth place
     * (reserved for encodings such as punycode's xn--): UTS #46 only lower-cases these, so most
     * names, read on every message, skip its costly processing.
     */
    private static boolean isPlainAscii(String name) {
        int labelStart = 0;
        for (int i = 0; i <= name.length(); i++) {
            char c = i < name.length() ? name.charAt(i) : '.';
            if (c == '.') {
                int length = i - labelStart;
                if (length == 0 || name.charAt(labelStart) == '-' || name.charAt(i - 1) == '-'
                        || length >= 4 && name.charAt(labelStart + 2) == '-' && name.charAt(labelStart + 3) == '-') {
                    return false;
                }
                labelStart = i + 1;
            } else if (c >= 128 || !(Character.isLetterOrDigit(c) || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** UTS #46 non-transitional processing, as browsers and current mail systems use: straße stays straße. */
    static String toAscii(String unicode) {
        StringBuilder ascii = new StringBuilder();
        IDNA.Info info = new IDNA.Info();
        UTS46.nameToASCII(unicode, ascii, info);
        // Lengths are checked afterwards with clearer messages.
        Set<IDNA.Error> errors = EnumSet.noneOf(IDNA.Error.class);
        errors.addAll(info.getErrors());
        errors.removeAll(EnumSet.of(IDNA.Error.LABEL_TOO_LONG, IDNA.Error.DOMAIN_NAME_TOO_LONG));
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("not allowed in a domain name: " + errors.stream()
                    .map(error -> error.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .collect(Collectors.joining(", ")));
        }
        return ascii.toString();
    }

    @Override
    public int compareTo(DomainName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
