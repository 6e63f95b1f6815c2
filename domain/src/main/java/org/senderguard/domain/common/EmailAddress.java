package org.senderguard.domain.common;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An email address in canonical form: a dot-atom local part and a {@link DomainName}, lower-cased
 * as a whole so that the same mailbox always compares equal. The local part may hold UTF-8 beyond
 * ASCII (RFC 6531, the addresses of SMTPUTF8 mail), case-folded and composed (see
 * {@link #canonicalText}) so that one name typed two ways is one mailbox; the limits count its
 * UTF-8 octets, as SMTP does.
 */
public record EmailAddress(String localPart, DomainName domain) implements Comparable<EmailAddress> {

    /** The characters of a dot-atom's atoms beside lower-case letters and digits (RFC 5322 atext). */
    private static final String ATEXT_SYMBOLS = "!#$%&'*+/=?^_`{|}~-";
    private static final int MAX_LOCAL_PART = 64;
    private static final int MAX_LENGTH = 254;
    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();

    public EmailAddress {
        if (localPart == null || !isDotAtom(localPart) || octets(localPart) > MAX_LOCAL_PART
                || !isAscii(localPart) && !localPart.equals(canonicalText(localPart))) {
            throw new IllegalArgumentException("not a canonical local part: " + localPart);
        }
        if (domain == null) {
            throw new IllegalArgumentException("domain is required");
        }
    }

    /** Parses user input; the exception names {@code field} and says what is wrong. */
    public static EmailAddress parse(String field, String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidValueException(field, "an email address is required");
        }
        String trimmed = input.strip();
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1) {
            throw new InvalidValueException(field, FreeText.quoted(trimmed) + " is not an email address (local@domain)");
        }
        String typed = trimmed.substring(0, at);
        // Invisible characters are refused as typed: folding would drop some of them silently. (An
        // ASCII local part, nearly every one on a message's path, is not streamed through.)
        boolean legible = isAscii(typed) || typed.codePoints().allMatch(c -> c < 0x80 || isUtf8Atext(c));
        String local = legible ? canonicalText(typed) : "";
        if (octets(local) > MAX_LOCAL_PART || !isDotAtom(local)) {
            throw new InvalidValueException(field, FreeText.quoted(trimmed) + " has an invalid local part (at most "
                    + MAX_LOCAL_PART + " bytes of letters, digits or !#$%&'*+/=?^_`{|}~- separated by single dots)");
        }
        EmailAddress address = new EmailAddress(local, DomainName.parse(field, trimmed.substring(at + 1)));
        if (octets(address.value()) > MAX_LENGTH) {
            throw new InvalidValueException(field, FreeText.quoted(trimmed) + " is longer than " + MAX_LENGTH + " bytes");
        }
        return address;
    }

    /**
     * Text in the case and composition of a canonical address: lower case; beyond ASCII, Unicode's
     * NFKC_Casefold, which folds case fully as Postfix folds its lookup keys (ſales@ and straße@
     * are sales@ and strasse@ to it) and composes, so that one mailbox is never two senders here.
     * Then whatever Java's case-insensitive comparison takes as one letter is made one (the
     * dotless ı is i to it, as to H2's case-insensitive text): no two canonical addresses are one
     * key to a store. What a search by the start of an address compares too.
     */
    public static String canonicalText(String text) {
        if (isAscii(text)) {
            return text.toLowerCase(Locale.ROOT);
        }
        StringBuilder folded = new StringBuilder(text.length());
        NFKC_CASEFOLD.normalize(text).codePoints()
                .forEach(c -> folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(c))));
        return NFKC_CASEFOLD.normalize(folded);
    }

    /**
     * Lower-case atoms separated by single dots, checked by hand rather than with a regular
     * expression: every message's sender and recipients are read through here, twice.
     */
    private static boolean isDotAtom(String text) {
        int length = text.length();
        if (length == 0 || text.charAt(0) == '.' || text.charAt(length - 1) == '.') {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (text.charAt(i - 1) == '.') {
                    return false;
                }
            } else if (c >= 0x80) {
                int codePoint = text.codePointAt(i);
                if (!isUtf8Atext(codePoint)) {
                    return false;
                }
                i += Character.charCount(codePoint) - 1;
            } else if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || ATEXT_SYMBOLS.indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A character beyond ASCII that a local part may hold: RFC 6531 admits any, but a control,
     * format or separator character, a private-use, unassigned or unpaired code point, or one that
     * is ignorable (drawn as nothing, as a variation selector or a filler), names no mailbox, and
     * could hide or reorder what an NDR, an alert or a log shows of the address.
     */
    private static boolean isUtf8Atext(int codePoint) {
        if (UCharacter.hasBinaryProperty(codePoint, UProperty.DEFAULT_IGNORABLE_CODE_POINT)) {
            return false;
        }
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR, Character.PRIVATE_USE, Character.UNASSIGNED, Character.SURROGATE ->
                    false;
            default -> true;
        };
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static int octets(String text) {
        return isAscii(text) ? text.length() : text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Parses an address already in canonical form, as stored. */
    public static EmailAddress of(String canonical) {
        int at = canonical.lastIndexOf('@');
        return new EmailAddress(canonical.substring(0, at), new DomainName(canonical.substring(at + 1)));
    }

    public String value() {
        return localPart + "@" + domain.value();
    }

    /**
     * The mailbox the address reaches with most mail systems: without a subaddress after '+'
     * (RFC 5233), so that user+1@ and user+2@ count as the same recipient. What precedes the '+'
     * may end in dots ({@code dan.+x}), which no dot-atom does: they go too, so that the mailbox
     * is {@code dan@}, never an address that cannot be made.
     */
    public EmailAddress mailbox() {
        int end = localPart.indexOf('+');
        while (end > 0 && localPart.charAt(end - 1) == '.') {
            end--;
        }
        return end > 0 ? new EmailAddress(localPart.substring(0, end), domain) : this;
    }

    @Override
    public int compareTo(EmailAddress other) {
        return value().compareTo(other.value());
    }

    @Override
    public String toString() {
        return value();
    }
}
