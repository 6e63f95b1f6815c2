package org.senderguard.adapters.cli.apikey;

import io.micronaut.serde.annotation.Serdeable;
import org.senderguard.application.port.in.IssuedApiKey;

/** A key just created, with the one and only copy of its secret token. */
@Serdeable
public record IssuedApiKeyView(String id, String key, String tenant, String role) {

    static IssuedApiKeyView from(IssuedApiKey issued, String tenant) {
        return new IssuedApiKeyView(issued.key().id().value(), issued.token().value(), tenant,
                issued.key().role().name());
    }
}
