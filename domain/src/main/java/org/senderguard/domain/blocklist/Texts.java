package org.senderguard.domain.blocklist;

import org.senderguard.domain.common.FreeText;
import org.senderguard.domain.common.InvalidValueException;

/** Helpers for error messages that echo what a user typed. */
final class Texts {

    private Texts() {
    }

    /** Input stripped and checked for presence, length and control characters. */
    static String required(String field, String input, String requiredMessage, int maxLength) {
        if (input == null || input.isBlank()) {
            throw new InvalidValueException(field, requiredMessage);
        }
        String value = input.strip();
        if (value.length() > maxLength) {
            throw new InvalidValueException(field, FreeText.quoted(value) + " is longer than " + maxLength
                    + " characters");
        }
        requirePrintable(field, value);
        return value;
    }

    /**
     * Refuses control characters, and unpaired surrogates, which no UTF-8 text holds (MariaDB would
     * keep a '?'). Other invisible characters are kept: a URL path percent-encodes them.
     */
    static void requirePrintable(String field, String value) {
        if (hasControlCharacter(value)) {
            throw new InvalidValueException(field, FreeText.quoted(value) + " contains a control character");
        }
        if (value.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE)) {
            throw new InvalidValueException(field, FreeText.quoted(value) + " contains half of a character (an "
                    + "unpaired surrogate)");
        }
    }

    static String unbracket(String value) {
        return value.length() > 2 && value.startsWith("[") && value.endsWith("]")
                ? value.substring(1, value.length() - 1) : value;
    }

    static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static boolean hasWhitespace(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isWhitespace(value.charAt(i)) || Character.isSpaceChar(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The message of {@code e} without its {@code field: } prefix. */
    static String reason(InvalidValueException e) {
        String message = e.getMessage();
        String prefix = e.field() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
