package org.senderguard.domain.reputation;

import java.util.Locale;
import java.util.regex.Pattern;
import org.senderguard.domain.common.FreeText;
import org.senderguard.domain.common.InvalidValueException;

/** DNS zone names of block lists: ASCII, lower case, no trailing dot, at least two labels. */
final class Zones {

    /** Letters, digits, inner hyphens; underscores too, which some private zones use. */
    private static final Pattern LABEL = Pattern.compile("[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?");
    private static final int MAX_LENGTH = 253;

    private Zones() {
    }

    /** The canonical form of {@code input}; the exception names {@code field}. */
    static String canonical(String field, String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidValueException(field, "a DNS zone name is required");
        }
        String zone = input.strip().toLowerCase(Locale.ROOT);
        if (zone.endsWith(".")) {
            zone = zone.substring(0, zone.length() - 1);
        }
        if (zone.length() > MAX_LENGTH) {
            throw new InvalidValueException(field, "a DNS zone name is at most " + MAX_LENGTH + " characters");
        }
        String[] labels = zone.split("\\.", -1);
        if (labels.length < 2) {
            throw new InvalidValueException(field, FreeText.quoted(input) + " is not a DNS zone name (it needs at least two"
                    + " labels, like zen.spamhaus.org)");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw new InvalidValueException(field, FreeText.quoted(input) + " is not a DNS zone name (label "
                        + FreeText.quoted(label) + " must be 1-63 ASCII letters, digits, underscores or inner hyphens)");
            }
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            throw new InvalidValueException(field, FreeText.quoted(input) + " is not a DNS zone name (its last label is a"
                    + " number, as in an IP address; a zone ends in a name, like zen.spamhaus.org)");
        }
        return zone;
    }
}
