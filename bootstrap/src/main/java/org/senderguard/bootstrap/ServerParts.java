package org.senderguard.bootstrap;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.senderguard.application.port.ServerPart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link ServerPart}s of a server: starts them all once the server is up, in the order of
 * their beans, and stops the started ones in reverse as the application context closes. A part
 * that cannot start stops those started before it and fails the server's start.
 */
@Singleton
class ServerParts implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ServerParts.class);

    private final List<ServerPart> parts;
    private final Deque<ServerPart> started = new ArrayDeque<>();

    ServerParts(List<ServerPart> parts) {
        this.parts = parts;
    }

    @Override
    public synchronized void onApplicationEvent(ServerStartupEvent event) {
        for (ServerPart part : parts) {
            try {
                part.start();
            } catch (RuntimeException e) {
                stop();
                throw new IllegalStateException("cannot start " + part.describe() + ": " + e.getMessage(), e);
            }
            started.push(part);
            LOG.debug("started {}", part.describe());
        }
    }

    @PreDestroy
    synchronized void stop() {
        while (!started.isEmpty()) {
            ServerPart part = started.pop();
            try {
                part.stop();
            } catch (RuntimeException e) {
                LOG.warn("could not stop {} cleanly: {}", part.describe(), e.getMessage());
            }
        }
    }
}
