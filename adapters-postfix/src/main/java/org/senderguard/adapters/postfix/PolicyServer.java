package org.senderguard.adapters.postfix;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.senderguard.application.port.ServerPart;
import org.senderguard.application.port.in.DecideMailTransactionUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Postfix SMTPD access policy delegation server (Postfix's SMTPD_POLICY_README): Postfix asks
 * at each recipient and at the end of each message, and is answered from the application's mail
 * flow decisions. Runs only when {@code SENDERGUARD_POLICY_PORT} is set, beside the HTTP server, on
 * event loops of its own (one thread accepts, two serve every connection), and starts after the
 * other server parts, so that the block lists are loaded before the first question.
 */
@Singleton
@Requires(property = PolicyServerFactory.PORT_PROPERTY)
@Order(Ordered.LOWEST_PRECEDENCE)
public class PolicyServer implements ServerPart {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyServer.class);
    private static final int WORKER_THREADS = 2;
    /** Threads that hand questions to the application: its decide call may read the database before it returns. */
    static final int ASKING_THREADS = 4;
    private static final Duration QUIET_PERIOD = Duration.ofMillis(100);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(3);

    private final PolicySettings settings;
    private final PolicyServerStatus status;
    private final DecideMailTransactionUseCase decisions;
    private final PolicyAnswers answers;
    private final AtomicInteger open = new AtomicInteger();
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final LogThrottle refusals = new LogThrottle(PolicyServerStatus.REPORT_EVERY);
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private ExecutorService asking;
    private Channel listener;

    public PolicyServer(PolicySettings settings, PolicyServerStatus status, DecideMailTransactionUseCase decisions) {
        this.settings = settings;
        this.status = status;
        this.decisions = decisions;
        this.answers = new PolicyAnswers(settings.highRiskTransport());
    }

    @Override
    public String describe() {
        return "the Postfix policy server on " + settings.hostAndPort();
    }

    public PolicyServerStatus status() {
        return status;
    }

    @Override
    public synchronized void start() {
        boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("senderguard-policy-accept", true),
                NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(WORKER_THREADS, new DefaultThreadFactory("senderguard-policy", true),
                NioIoHandler.newFactory());
        asking = Executors.newFixedThreadPool(ASKING_THREADS, new DefaultThreadFactory("senderguard-policy-ask", true));
        ServerBootstrap bootstrap = new ServerBootstrap().group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        accept(channel);
                    }
                });
        ChannelFuture bound = bootstrap.bind(settings.address()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            Throwable cause = bound.cause();
            release();
            // Its own message, without a cause: a failed start is reported by its deepest cause's message.
            IllegalStateException failure = new IllegalStateException("cannot listen for Postfix policy requests on "
                    + settings.hostAndPort() + ": " + (cause == null || cause.getMessage() == null
                    ? String.valueOf(cause) : cause.getMessage()));
            if (cause != null) {
                failure.addSuppressed(cause);
            }
            throw failure;
        }
        listener = bound.channel();
        status.listening(settings.address());
        LOG.info("Answering Postfix policy requests on {} (fail mode {}, submitters {}, high-risk transport {})",
                settings.hostAndPort(), settings.failMode().name().toLowerCase(java.util.Locale.ROOT),
                settings.submitters(), settings.highRiskTransport().orElse("none"));
    }

    /** A new connection: served, unless max-connections are open already, then closed at once. */
    private void accept(SocketChannel channel) {
        if (open.incrementAndGet() > settings.maxConnections()) {
            open.decrementAndGet();
            channel.close();
            long heldBack = refusals.due();
            if (heldBack >= 0) {
                LOG.warn("Refused a Postfix policy connection from {}: {} connections are open already{}",
                        channel.remoteAddress(), settings.maxConnections(),
                        heldBack > 0 ? " (" + heldBack + " more refused since the last such warning)" : "");
            }
            return;
        }
        channel.closeFuture().addListener(closed -> open.decrementAndGet());
        connections.add(channel);
        long idle = settings.idleTimeout().toMillis();
        channel.pipeline()
                // Idle: nothing answered for that long. Bytes read do not count, so that a client
                // sending a request a byte at a time cannot hold its connection for ever.
                .addLast(new IdleStateHandler(0, idle, 0, TimeUnit.MILLISECONDS))
                .addLast(new LineBasedFrameDecoder(PolicyRequestDecoder.MAX_REQUEST_BYTES, true, true))
                .addLast(new PolicyRequestDecoder())
                .addLast(new PolicyConnection(decisions, asking, settings, answers, status));
    }

    /**
     * Stops accepting, answers the requests each connection has read (each within the decision
     * timeout), closes the connections and ends the threads. Stopping again does nothing.
     */
    @Override
    public synchronized void stop() {
        status.listening(null);
        if (listener != null) {
            listener.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT.toMillis());
            listener = null;
        }
        connections.forEach(connection -> connection.pipeline().fireUserEventTriggered(PolicyConnection.STOPPING));
        connections.newCloseFuture().awaitUninterruptibly(settings.decisionTimeout().plus(SHUTDOWN_TIMEOUT).toMillis());
        release();
    }

    private void release() {
        long quiet = QUIET_PERIOD.toMillis();
        long timeout = SHUTDOWN_TIMEOUT.toMillis();
        if (boss != null) {
            boss.shutdownGracefully(quiet, timeout, TimeUnit.MILLISECONDS);
        }
        if (workers != null) {
            workers.shutdownGracefully(quiet, timeout, TimeUnit.MILLISECONDS).awaitUninterruptibly(timeout);
        }
        if (boss != null) {
            boss.terminationFuture().awaitUninterruptibly(timeout);
        }
        if (asking != null) {
            asking.shutdownNow();
        }
        boss = null;
        workers = null;
        asking = null;
    }
}
