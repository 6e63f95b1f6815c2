package org.senderguard.application.port.in;

import java.util.Optional;

public interface AuthenticateApiKeyUseCase {

    /** The caller a bearer token stands for; empty for a malformed, unknown, wrong or revoked token. */
    Optional<Caller> authenticate(String bearerToken);
}
