package org.senderguard.application.service;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.senderguard.application.port.in.ListQuery;
import org.senderguard.application.port.in.Page;
import org.senderguard.domain.common.Ids;
import org.senderguard.domain.common.InvalidValueException;

/**
 * Cursors of pages: the id of the last item shown, for newest-first lists whose items are never
 * removed; a position that the store hands out, for those whose items may be.
 */
final class Pages {

    private static final Pattern POSITION = Pattern.compile("[1-9][0-9]{0,17}");

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

    /** The position a cursor of positions holds (null: none, from the start). */
    static Long position(String cursor) {
        if (cursor == null) {
            return null;
        }
        if (!POSITION.matcher(cursor).matches()) {
            throw new InvalidValueException("cursor", "not a cursor from a previous page");
        }
        return Long.valueOf(cursor);
    }

    private static UUID parseCursor(String cursor) {
        return Ids.parse(cursor).orElseThrow(() -> new InvalidValueException("cursor", "not a cursor from a previous page"));
    }
}
