package org.senderguard.bootstrap;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.senderguard.adapters.postfix.PolicyServer;

/**
 * Stops the Postfix policy server in the graceful part of a stop, beside the HTTP server, while
 * the deciders still run: the requests its connections have read are answered before they close.
 * The server parts' own stop, later, then finds it stopped.
 */
@Singleton
@Requires(bean = PolicyServer.class)
class PolicyServerStop implements GracefulShutdownCapable {

    private final PolicyServer server;

    PolicyServerStop(PolicyServer server) {
        this.server = server;
    }

    @Override
    public CompletionStage<?> shutdownGracefully() {
        return CompletableFuture.runAsync(server::stop);
    }
}
