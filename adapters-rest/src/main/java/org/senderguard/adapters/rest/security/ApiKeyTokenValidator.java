package org.senderguard.adapters.rest.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import org.senderguard.application.port.in.AuthenticateApiKeyUseCase;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Turns {@code Authorization: Bearer <key>} into an authenticated caller whose only role is the
 * key's role. An unknown, malformed or revoked key leaves the request anonymous: 401.
 */
@Singleton
public class ApiKeyTokenValidator implements TokenValidator<HttpRequest<?>> {

    private final AuthenticateApiKeyUseCase authenticate;
    private final ExecutorService blocking;

    public ApiKeyTokenValidator(AuthenticateApiKeyUseCase authenticate,
                                @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.authenticate = authenticate;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        // The lookup reads the database, so it must not run on the event loop.
        return Mono.fromCallable(() -> authenticate.authenticate(token).map(CallerAuthentication::of).orElse(null))
                .subscribeOn(Schedulers.fromExecutorService(blocking));
    }
}
