package org.senderguard.adapters.cli.apikey;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import org.senderguard.application.port.in.IssuedApiKey;

/** A key just created, with the one and only copy of its secret token. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record IssuedApiKeyView(String id, String key, String tenant, String role) {

    static IssuedApiKeyView from(IssuedApiKey issued, String tenant) {
        return new IssuedApiKeyView(issued.key().id().value(), issued.token().value(), tenant,
                issued.key().role().name());
    }
}
