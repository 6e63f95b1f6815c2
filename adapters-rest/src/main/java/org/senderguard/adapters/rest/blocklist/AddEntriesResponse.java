package org.senderguard.adapters.rest.blocklist;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.senderguard.application.port.in.AddedEntries;

/** The entries created and every value rejected, with the reason. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AddEntriesResponse(List<BlockListEntryResponse> created, List<ValueError> errors) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ValueError(String value, String detail) {
    }

    static AddEntriesResponse from(AddedEntries added) {
        return new AddEntriesResponse(added.created().stream().map(BlockListEntryResponse::from).toList(),
                added.errors().stream().map(e -> new ValueError(e.value(), e.detail())).toList());
    }
}
