package org.senderguard.application.port.in;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.senderguard.domain.blocklist.BlockListEntry;
import org.senderguard.domain.blocklist.EntryType;
import org.senderguard.domain.common.FreeText;
import org.senderguard.domain.common.InvalidValueException;

/**
 * What every entry of one add request shares: reason, expiry (an instant, none for the type's
 * default, or never), notes, and whether the portal may delist it (service entries only).
 */
public record BlockListEntryDraft(EntryType type, String reason, Instant expiresAt, boolean noExpiration,
                                  String notes, boolean delistable) {

    public static final int MAX_REASON = 1000;
    public static final int MAX_NOTES = 4000;

    public BlockListEntryDraft {
        if (type == null) {
            throw new InvalidValueException("type", "one of SENDER, DOMAIN, URL, IP is required");
        }
        reason = FreeText.required("reason", reason, MAX_REASON, "say why the values are blocked (1-" + MAX_REASON
                + " characters)");
        notes = FreeText.optional("notes", notes, MAX_NOTES);
        if (expiresAt != null && noExpiration) {
            throw new InvalidValueException("expiresAt", "give an expiry or no expiration, not both");
        }
    }

    /** The expiry instant for entries created at {@code now}: given, never, or the type's default. */
    public Instant expiryFrom(Instant now) {
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvalidValueException("expiresAt", expiresAt + " is not in the future");
        }
        if (expiresAt != null || noExpiration) {
            return expiresAt;
        }
        return type.defaultExpiresAt(now);
    }

    public static EntryType parseType(String field, String input) {
        try {
            return EntryType.valueOf(input.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InvalidValueException(field, FreeText.quoted(input) + " is not one of SENDER, DOMAIN, URL, IP");
        }
    }

    /**
     * An expiry as people write it: an ISO instant ({@code 2027-01-31T12:00:00Z}) or a date
     * ({@code 2027-01-31}), which means to the end of that UTC day; at the latest
     * {@link BlockListEntry#LATEST_EXPIRY}.
     */
    public static Instant parseExpiry(String field, String input) {
        if (input == null || input.isBlank()) {
            return null;
        }
        String text = input.strip();
        Instant expiry;
        try {
            expiry = text.length() == 10 ? endOf(LocalDate.parse(text)) : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, FreeText.quoted(text) + " is not a date (2027-01-31) or an instant "
                    + "(2027-01-31T12:00:00Z)");
        }
        if (expiry.isAfter(BlockListEntry.LATEST_EXPIRY)) {
            throw new InvalidValueException(field, FreeText.quoted(text) + " is after " + BlockListEntry.LATEST_EXPIRY
                    + ", the latest expiry; for entries that should not expire, say never");
        }
        return expiry;
    }

    /** The end of a UTC day; of the latest day, the latest expiry (the next instant is in the year 10000). */
    private static Instant endOf(LocalDate day) {
        Instant latest = BlockListEntry.LATEST_EXPIRY;
        return day.equals(LocalDate.ofInstant(latest, ZoneOffset.UTC)) ? latest
                : day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
