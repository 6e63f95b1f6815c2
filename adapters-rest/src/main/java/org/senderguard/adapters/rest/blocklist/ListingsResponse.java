package org.senderguard.adapters.rest.blocklist;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.senderguard.adapters.rest.reputation.CheckResultResponse;
import org.senderguard.application.port.in.Listings;
import org.senderguard.domain.reputation.CheckResult;

/**
 * Where a value is listed: {@code listed} is true when the service list or the tenant's list has an
 * entry for it or a third-party list answers LISTED (error answers are never listings).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ListingsResponse(String value, boolean listed, List<BlockListEntryResponse> service,
                               List<BlockListEntryResponse> tenant, List<CheckResultResponse> thirdParty) {

    static ListingsResponse from(Listings listings) {
        return new ListingsResponse(listings.probe().value(),
                !listings.service().isEmpty() || !listings.tenant().isEmpty()
                        || listings.thirdParty().stream().anyMatch(CheckResult::listed),
                listings.service().stream().map(BlockListEntryResponse::from).toList(),
                listings.tenant().stream().map(BlockListEntryResponse::from).toList(),
                listings.thirdParty().stream().map(CheckResultResponse::from).toList());
    }
}
