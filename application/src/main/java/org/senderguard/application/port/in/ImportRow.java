package org.senderguard.application.port.in;

/** One row of an import file, as read: {@code line} is its line number in the file (the header is line 1). */
public record ImportRow(long line, String type, String value, String reason, String expiresAt, String notes) {
}
