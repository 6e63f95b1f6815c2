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
        // Not ofInstant: on Java 17 that builds the offset's ZoneRules anew for every value.
        return instant == null ? null
                : LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
    }

    static Instant fromColumn(LocalDateTime column) {
        return column == null ? null : column.toInstant(ZoneOffset.UTC);
    }
}
