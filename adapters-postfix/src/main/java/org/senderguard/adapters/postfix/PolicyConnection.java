package org.senderguard.adapters.postfix;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.senderguard.application.port.DatabaseUnavailableException;
import org.senderguard.application.port.in.DecideMailTransactionUseCase;
import org.senderguard.domain.mailflow.Decision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Postfix connection: answers its requests one at a time, in the order they came, also when
 * several arrive in one write. A request that needs a decision is handed to the application and
 * answered when the decision completes (the event loop never waits for it); meanwhile the requests
 * behind it wait, and reading pauses when too many are waiting. A client that shuts down its
 * output still gets the answers to the complete requests it sent, then the connection is closed; so
 * does every client when the server stops.
 * A client that breaks the protocol is logged once and disconnected. All state is touched on the
 * connection's event loop only.
 */
final class PolicyConnection extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyConnection.class);
    /** Requests waiting behind the one in flight before reading pauses. */
    private static final int PAUSE_READING_AT = 16;
    /** Fired at each connection as the server stops: the requests read so far are answered, then it closes. */
    static final Object STOPPING = new Object();
    private static final LogThrottle UNDECIDABLE_REQUESTS = new LogThrottle(PolicyServerStatus.REPORT_EVERY);

    private final DecideMailTransactionUseCase decisions;
    private final Executor asking;
    private final PolicySettings settings;
    private final PolicyAnswers answers;
    private final PolicyServerStatus status;
    private final RecipientMemory memory = new RecipientMemory();
    private final Deque<PolicyRequest> waiting = new ArrayDeque<>();
    private String client = "an unknown client";
    private boolean inFlight;
    /** No more requests are read: the client closed its side, or the server is stopping. */
    private boolean closing;
    private boolean failed;

    /**
     * @param asking runs the application's decide call, which may read the database before it
     *               returns its future, so that the event loop never does
     */
    PolicyConnection(DecideMailTransactionUseCase decisions, Executor asking, PolicySettings settings,
                     PolicyAnswers answers, PolicyServerStatus status) {
        this.decisions = decisions;
        this.asking = asking;
        this.settings = settings;
        this.answers = answers;
        this.status = status;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (ctx.channel().remoteAddress() != null) {
            client = ctx.channel().remoteAddress().toString().replaceFirst("^/", "");
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (failed) {
            return;
        }
        waiting.add((PolicyRequest) message);
        if (waiting.size() >= PAUSE_READING_AT) {
            ctx.channel().config().setAutoRead(false);
        }
        next(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof ChannelInputShutdownEvent) {
            closing = true;
            PolicyRequestDecoder decoder = ctx.pipeline().get(PolicyRequestDecoder.class);
            if (decoder != null && decoder.hasPartialRequest()) {
                LOG.debug("The Postfix policy client {} closed its side in the middle of a request", client);
            }
            next(ctx);
        } else if (event == STOPPING) {
            closing = true;
            ctx.channel().config().setAutoRead(false);
            next(ctx);
        } else if (event instanceof IdleStateEvent) {
            // Nothing answered for the idle time: no request, or a client that does not read its
            // answers (they fill the buffers, and requests wait), which would hold its slot for ever.
            if (!inFlight && (waiting.isEmpty() || !ctx.channel().isWritable())) {
                LOG.debug("Closing the idle Postfix policy connection from {}", client);
                ctx.close();
            }
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        next(ctx);
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable problem = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (problem instanceof PolicyProtocolException) {
            fail(ctx, problem.getMessage());
        } else if (problem instanceof TooLongFrameException) {
            fail(ctx, "a line longer than " + PolicyRequestDecoder.MAX_REQUEST_BYTES + " bytes");
        } else if (problem instanceof IOException) {
            LOG.debug("The Postfix policy connection from {} failed: {}", client, problem.getMessage());
            ctx.close();
        } else {
            LOG.warn("Closing the Postfix policy connection from {} after an unexpected error", client, problem);
            failed = true;
            ctx.close();
        }
    }

    /** Takes on the waiting requests while none is in flight. */
    private void next(ChannelHandlerContext ctx) {
        while (!inFlight && !failed && ctx.channel().isActive() && ctx.channel().isWritable()) {
            PolicyRequest request = waiting.poll();
            if (request == null) {
                if (closing) {
                    // After the answers written so far have gone out.
                    ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
                } else if (!ctx.channel().config().isAutoRead()) {
                    ctx.channel().config().setAutoRead(true);
                }
                return;
            }
            if (!RequestMapping.POLICY_REQUEST.equals(request.get("request"))) {
                fail(ctx, "a request without request=" + RequestMapping.POLICY_REQUEST);
                return;
            }
            RequestMapping.Outcome outcome;
            try {
                outcome = RequestMapping.map(request, memory, settings.submitters());
            } catch (RuntimeException e) {
                LOG.debug("Cannot read the policy request from {}", client, e);
                status.undecided("a request that could not be read: " + e.getMessage());
                write(ctx, settings.failMode().action());
                continue;
            }
            if (outcome instanceof RequestMapping.Answer answer) {
                write(ctx, answer.action());
            } else if (outcome instanceof RequestMapping.Undecidable undecidable) {
                warnUndecidable(undecidable.problem());
                write(ctx, settings.failMode().action());
            } else {
                inFlight = true;
                ask(ctx, (RequestMapping.Ask) outcome);
            }
        }
    }

    /**
     * Asks on the asking pool and answers on the event loop. The decision timeout counts from
     * here, so that a request that waits for a thread of the pool (all of them waiting for a late
     * database), or whose decision waits inside the application, is answered by the fail mode in
     * time all the same.
     */
    private void ask(ChannelHandlerContext ctx, RequestMapping.Ask ask) {
        CompletableFuture<Decision> decision = new CompletableFuture<Decision>()
                .orTimeout(settings.decisionTimeout().toNanos(), TimeUnit.NANOSECONDS);
        decision.whenComplete((decided, failure) -> answerOnLoop(ctx, ask, decided, failure));
        try {
            asking.execute(() -> {
                if (decision.isDone()) {
                    return; // answered by the fail mode while it waited for a thread
                }
                try {
                    decisions.decide(ask.transaction()).whenComplete((decided, failure) -> {
                        if (failure == null) {
                            decision.complete(decided);
                        } else {
                            decision.completeExceptionally(failure);
                        }
                    });
                } catch (RuntimeException e) {
                    decision.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException stopping) {
            decision.completeExceptionally(stopping);
        }
    }

    private void answerOnLoop(ChannelHandlerContext ctx, RequestMapping.Ask ask, Decision decision, Throwable failure) {
        try {
            ctx.executor().execute(() -> answer(ctx, ask, decision, failure));
        } catch (RejectedExecutionException stopping) {
            // The server is stopping; its connections are being closed.
        }
    }

    private void answer(ChannelHandlerContext ctx, RequestMapping.Ask ask, Decision decision, Throwable failure) {
        inFlight = false;
        String action;
        boolean recipientMayBeAccepted;
        if (failure == null) {
            status.decided();
            action = answers.render(decision);
            recipientMayBeAccepted = !decision.rejected();
        } else {
            if (cause(failure) instanceof DecideMailTransactionUseCase.Undecidable undecidable) {
                warnUndecidable(undecidable.getMessage()); // the request's doing, not an outage
            } else {
                status.undecided(describe(failure));
            }
            action = settings.failMode().action();
            recipientMayBeAccepted = settings.failMode() == FailMode.OPEN;
        }
        if (ask.recipient() != null && recipientMayBeAccepted) {
            memory.remember(ask.recipient());
        }
        if (!failed) {
            write(ctx, action);
        }
        next(ctx);
    }

    /** A request that lacks what a decision needs: a throttled warning naming what. */
    private void warnUndecidable(String problem) {
        long heldBack = UNDECIDABLE_REQUESTS.due();
        if (heldBack >= 0) {
            LOG.warn("Answering {} to a request with {} from {}{}", settings.failMode().actionName(), problem, client,
                    heldBack > 0 ? " (and " + heldBack + " more since the last such warning)" : "");
        }
    }

    private static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private String describe(Throwable failure) {
        Throwable cause = cause(failure);
        if (cause instanceof TimeoutException) {
            return "no decision within " + settings.decisionTimeout().toMillis() + " ms";
        }
        if (cause instanceof DatabaseUnavailableException) {
            return cause.getMessage();
        }
        LOG.debug("A policy decision failed", cause);
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private void write(ChannelHandlerContext ctx, String action) {
        ByteBuf answer = ctx.alloc().buffer(action.length() + 10);
        answer.writeCharSequence("action=" + action + "\n\n", StandardCharsets.UTF_8);
        ctx.writeAndFlush(answer);
    }

    private void fail(ChannelHandlerContext ctx, String reason) {
        if (!failed) {
            failed = true;
            waiting.clear();
            LOG.warn("Closing the Postfix policy connection from {}: it sent {}", client, reason);
            ctx.close();
        }
    }
}
