package org.senderguard.application.service;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.senderguard.application.port.in.ListQuery;
import org.senderguard.application.port.in.Page;
import org.senderguard.domain.common.InvalidValueException;

/** Pages of newest-first lists whose cursor is the id of the last item shown. */
final class Pages {

    private Pages() {
    }

    /** Fetches one more than the page holds ({@code fetch(before, limit)}), to know whether there is a next page. */
    static <T> Page<T> newestFirst(ListQuery query, PageFetch<T> fetch, Function<T, UUID> idOf) {
        List<T> found = fetch.fetch(query.cursor() == null ? null : parseCursor(query.cursor()), query.limit() + 1);
        List<T> items = found.stream().limit(query.limit()).toList();
        return new Page<>(items, found.size() > query.limit() ? idOf.apply(items.get(items.size() - 1)).toString()
                : null);
    }

    @FunctionalInterface
    interface PageFetch<T> {
        List<T> fetch(UUID before, int limit);
    }

    private static UUID parseCursor(String cursor) {
        try {
            return UUID.fromString(cursor);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("cursor", "not a cursor from a previous page");
        }
    }
}
