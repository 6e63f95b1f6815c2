package org.senderguard.application.port.in;

import org.senderguard.domain.apikey.ApiKey;
import org.senderguard.domain.apikey.ApiKeyId;
import org.senderguard.domain.audit.Actor;

public interface RevokeApiKeyUseCase {

    /** Revokes the key; the next request that presents it is refused. */
    ApiKey revoke(ApiKeyId id, Actor actor);
}
