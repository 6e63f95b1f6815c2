package org.senderguard.adapters.rest.mailflow;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.netty.NettyHttpRequest;
import java.util.concurrent.Executor;

/**
 * The event loop that serves a request's connection. A decision completes on the thread that
 * committed its batch; rendering and writing the answer there would hold that thread from the next
 * batch, and the write would be handed to the event loop anyway.
 */
final class RequestLoop {

    private RequestLoop() {
    }

    /** The request's event loop, or the completing thread itself for a request not served by Netty. */
    static Executor of(HttpRequest<?> request) {
        return request instanceof NettyHttpRequest<?> netty ? netty.getChannelHandlerContext().executor()
                : Runnable::run;
    }
}
