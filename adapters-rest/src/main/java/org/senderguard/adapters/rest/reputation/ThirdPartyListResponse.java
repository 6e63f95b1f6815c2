package org.senderguard.adapters.rest.reputation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.senderguard.domain.reputation.ThirdPartyList;

@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ThirdPartyListResponse(String name, String description, List<String> lists, @Nullable String zone,
                                     String answers, @Nullable String delistUrl, @Nullable String infoUrl,
                                     boolean enabled) {

    static ThirdPartyListResponse from(ThirdPartyList list) {
        return new ThirdPartyListResponse(list.name(), list.description(),
                list.lists().stream().map(Enum::name).sorted().toList(), list.zone(), list.scheme().name(),
                list.delistUrl(), list.infoUrl(), list.enabled());
    }
}
