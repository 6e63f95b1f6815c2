package org.senderguard.adapters.persistence;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Lists of normalised values (addresses, domains) stored one per line in a text column. */
final class Lines {

    private Lines() {
    }

    static String join(Collection<?> values) {
        return values.stream().map(Object::toString).collect(Collectors.joining("\n"));
    }

    static List<String> split(String column) {
        return column == null || column.isEmpty() ? List.of() : List.of(column.split("\n"));
    }
}
