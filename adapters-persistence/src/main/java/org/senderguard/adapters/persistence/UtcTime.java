package org.senderguard.adapters.persistence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants go into DATETIME columns as UTC wall-clock time, so what is stored does not depend on
 * the time zone of the machine or of the database session.
 */
final class UtcTime {

    private UtcTime() {
    }

    static LocalDateTime toColumn(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant fromColumn(LocalDateTime column) {
        return column == null ? null : column.toInstant(ZoneOffset.UTC);
    }
}
