package org.senderguard.adapters.rest.blocklist;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.senderguard.application.port.in.Listings;

/** Where a value is listed: {@code listed} is true when any part has an entry. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ListingsResponse(String value, boolean listed, List<BlockListEntryResponse> service,
                               List<BlockListEntryResponse> tenant) {

    static ListingsResponse from(Listings listings) {
        return new ListingsResponse(listings.probe().value(),
                !listings.service().isEmpty() || !listings.tenant().isEmpty(),
                listings.service().stream().map(BlockListEntryResponse::from).toList(),
                listings.tenant().stream().map(BlockListEntryResponse::from).toList());
    }
}
