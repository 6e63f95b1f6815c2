package org.senderguard.adapters.rest.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import org.senderguard.application.port.in.AuthenticateApiKeyUseCase;
import org.senderguard.application.port.in.Caller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Turns {@code Authorization: Bearer <key>} into an authenticated caller whose only role is the
 * key's role, under {@value #API}. An unknown, malformed or revoked key leaves the request
 * anonymous: 401; from a client (the TCP peer) that has presented too many of those: 429, handled
 * as the domain's refusal.
 */
@Singleton
public class ApiKeyTokenValidator implements TokenValidator<HttpRequest<?>> {

    /** Where the endpoints that take keys are. */
    static final String API = "/api/";

    private final AuthenticateApiKeyUseCase authenticate;
    private final ExecutorService blocking;

    public ApiKeyTokenValidator(AuthenticateApiKeyUseCase authenticate,
                                @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.authenticate = authenticate;
        this.blocking = blocking;
    }

    /**
     * A key held in memory is checked right here, on the event loop, so that the request does not
     * change threads; anything else may read the database, which must not happen on the event loop.
     */
    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        if (!request.getPath().startsWith(API)) {
            // The portal, health and metrics take no key: one sent there is not checked, nor counted
            // against its client as a failure, nor answered 429 once its client has too many.
            return Mono.empty();
        }
        Optional<Caller> known = authenticate.authenticateFromMemory(token);
        if (known.isPresent()) {
            return Mono.just(CallerAuthentication.of(known.get()));
        }
        String clientIp = request.getRemoteAddress().getAddress().getHostAddress();
        return Mono.fromCallable(() -> authenticate.authenticate(token, clientIp).map(CallerAuthentication::of)
                        .orElse(null))
                .subscribeOn(Schedulers.fromExecutorService(blocking));
    }
}
