package org.senderguard.application.port.in;

import java.util.Optional;

public interface AuthenticateApiKeyUseCase {

    /**
     * The caller a bearer token stands for; empty for a malformed, unknown, wrong or revoked token,
     * which counts as a failure of the client at {@code clientIp}. A client that has failed too
     * often gets a TooManyRequestsException instead, without a database read, unless its token is
     * a key this instance has accepted before (so that a mail server sharing an address with an
     * attacker keeps working).
     */
    Optional<Caller> authenticate(String bearerToken, String clientIp);

    /**
     * {@link #authenticate} from what this instance holds in memory, without waiting for a
     * database: empty when the key is not held or does not accept the token, and then only
     * {@link #authenticate} can tell.
     */
    Optional<Caller> authenticateFromMemory(String bearerToken);
}
