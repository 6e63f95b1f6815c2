package org.senderguard.adapters.rest.mailflow;

import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

/**
 * One HTTP/1.1 connection's {@link OutboundRoute}, on its event loop. Answers leave in the order
 * their requests came, as HTTP/1.1 requires of pipelined requests: the route takes a request only
 * when the framework owes the connection no answer, and while its own answer is pending it holds
 * whatever arrives next (and stops reading, by holding the read's end from the framework, which
 * asks for the next read) until that answer is written. When the server shuts down gracefully, the
 * framework closes connections it owes nothing; a close that comes while this route's answer is
 * pending waits for that answer, so that a decision taken is answered.
 */
final class OutboundConnection extends ChannelDuplexHandler {

    private final OutboundRoute route;
    /** Requests handed to the framework and not answered to their end yet. */
    private int owedByFramework;
    /** The request taken, while its body arrives. */
    private HttpRequest taken;
    private CompositeByteBuf body;
    /** From taking a request until its answer is written. */
    private boolean answering;
    private final Queue<Object> held = new ArrayDeque<>();
    private boolean readCompleteHeld;
    /** A close asked for while answering: done once the answer is written. */
    private ChannelPromise closeAfterAnswer;

    OutboundConnection(OutboundRoute route) {
        this.route = route;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (taken != null && msg instanceof HttpContent content) {
            body.addComponent(true, content.content().retain());
            content.release();
            if (msg instanceof LastHttpContent) {
                decide(ctx);
            }
        } else if (answering) {
            held.add(msg);
        } else if (msg instanceof HttpRequest request && owedByFramework == 0 && route.takes(request)) {
            taken = request;
            answering = true;
            body = ctx.alloc().compositeBuffer();
        } else {
            if (msg instanceof HttpRequest) {
                owedByFramework++;
            }
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (!answering) {
            ctx.fireChannelReadComplete();
            return;
        }
        readCompleteHeld = true;
        if (taken != null) {
            ctx.read(); // the rest of the taken request's body
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof LastHttpContent && !isInformational(msg) && owedByFramework > 0) {
            owedByFramework--;
        }
        ctx.write(msg, promise);
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        if (answering && closeAfterAnswer == null) {
            closeAfterAnswer = promise;
        } else {
            ctx.close(promise);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        release();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        release();
    }

    private void decide(ChannelHandlerContext ctx) {
        HttpRequest request = taken;
        taken = null;
        Optional<CompletableFuture<DecisionResponse>> decision = route.decide(request, body);
        if (decision.isEmpty()) {
            // The framework answers it, as if this route were not here.
            owedByFramework++;
            ctx.fireChannelRead(request);
            ctx.fireChannelRead(new DefaultLastHttpContent(body));
            body = null;
            resume(ctx);
            return;
        }
        body.release();
        body = null;
        decision.get().whenCompleteAsync((answer, failure) -> {
            ctx.writeAndFlush(failure == null ? route.answer(answer) : route.failure(failure));
            if (closeAfterAnswer != null) {
                // What the client sent after this request goes unanswered, as on any closing connection.
                ctx.close(closeAfterAnswer);
                return;
            }
            resume(ctx);
        }, ctx.executor());
    }

    /** Takes up what arrived meanwhile, and lets the framework read on once nothing is pending here. */
    private void resume(ChannelHandlerContext ctx) {
        answering = false;
        // A request taken from what was held takes its body from there too.
        while (!held.isEmpty() && (!answering || taken != null)) {
            channelRead(ctx, held.poll());
        }
        if (!answering && readCompleteHeld) {
            readCompleteHeld = false;
            ctx.fireChannelReadComplete();
        }
    }

    private void release() {
        held.forEach(ReferenceCountUtil::release);
        held.clear();
        if (body != null) {
            body.release();
            body = null;
        }
    }

    private static boolean isInformational(Object msg) {
        return msg instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
    }
}
