package org.senderguard.application.port.in;

import java.util.Optional;

public interface AuthenticateApiKeyUseCase {

    /** The caller a bearer token stands for; empty for a malformed, unknown, wrong or revoked token. */
    Optional<Caller> authenticate(String bearerToken);

    /**
     * {@link #authenticate} from what this instance holds in memory, without waiting for a
     * database: empty when the key is not held or does not accept the token, and then only
     * {@link #authenticate} can tell.
     */
    Optional<Caller> authenticateFromMemory(String bearerToken);
}
