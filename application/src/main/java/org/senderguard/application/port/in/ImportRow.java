package org.senderguard.application.port.in;

/**
 * One row of an import file, as read: {@code line} is its line number in the file (the header is
 * line 1). Optional columns are null or empty when absent: {@code delistable} is {@code true} by
 * default, {@code exceptions} lists a range's excepted addresses separated by spaces.
 */
public record ImportRow(long line, String type, String value, String reason, String expiresAt, String notes,
                        String delistable, String exceptions) {

    /** A row of the required columns and the first optional ones. */
    public ImportRow(long line, String type, String value, String reason, String expiresAt, String notes) {
        this(line, type, value, reason, expiresAt, notes, null, null);
    }
}
