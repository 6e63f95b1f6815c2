package org.senderguard.adapters.rest;

import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.function.Function;
import org.senderguard.application.port.in.Page;

/** A page of a list: {@code {"items": [...], "nextCursor": ...}}; pass the cursor back to get the next page. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PageResponse<T>(List<T> items, @Nullable String nextCursor) {

    public static <D, T> PageResponse<T> from(Page<D> page, Function<D, T> view) {
        return new PageResponse<>(page.items().stream().map(view).toList(), page.nextCursor());
    }
}
