package org.senderguard.adapters.rest;

import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import java.util.function.Consumer;

/**
 * Runs an action on each HTTP connection's pipeline once Micronaut has built it: how this adapter
 * changes Netty's pipeline (the codec that refuses ambiguous lengths, the outbound decision's route).
 */
public final class StreamPipelineCustomizer implements NettyServerCustomizer {

    private final Consumer<ChannelPipeline> action;
    /** Null in the server-wide customizer, which only hands out one per connection. */
    private final Channel channel;

    private StreamPipelineCustomizer(Consumer<ChannelPipeline> action, Channel channel) {
        this.action = action;
        this.channel = channel;
    }

    /** Runs {@code action} on the pipeline of every connection the server accepts from now on. */
    public static void register(NettyServerCustomizer.Registry registry, Consumer<ChannelPipeline> action) {
        registry.register(new StreamPipelineCustomizer(action, null));
    }

    @Override
    public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
        return new StreamPipelineCustomizer(action, channel);
    }

    @Override
    public void onStreamPipelineBuilt() {
        if (channel != null) {
            action.accept(channel.pipeline());
        }
    }
}
