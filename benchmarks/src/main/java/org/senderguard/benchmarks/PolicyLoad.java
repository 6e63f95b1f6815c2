package org.senderguard.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A closed-loop load of policy requests: {@code connections} persistent connections, each with
 * one request in flight, as Postfix's smtpd keeps them, sending the next request as soon as the
 * answer to the last one is in. One thread drives every connection through a selector, so that
 * the load takes as little of the machine from the server as it can.
 *
 * <p>It runs for the warm-up and then for the measured time; only answers that arrive within the
 * measured time are counted, and {@code window} is told when that time starts and ends (to read
 * the servers' CPU use at the same moments). After the end no new request is sent, and the
 * answers still due are awaited. A connection that fails is counted as an error and replaced.
 */
final class PolicyLoad {

    /** How long to wait after the end for the answers still due. */
    private static final Duration DRAIN = Duration.ofSeconds(30);
    private static final int MOST_OTHER_ACTIONS = 10;

    /** Told when the measured time starts and when it ends. */
    interface Window {
        void opened();

        void closed();
    }

    /**
     * What the measured time saw.
     *
     * @param actions           answers by stage ({@link PolicyMessages.Stage#ordinal()}) and kind ({@link PolicyAction#ordinal()})
     * @param otherActions      the texts of up to ten kinds of answer counted as {@link PolicyAction#OTHER}, with their counts
     * @param unanswered        requests still unanswered when the wait for them ended
     */
    record Result(int connections, Duration measured, long[] sortedNanos, long[] sortedEndOfMessageNanos,
                  long[][] actions, Map<String, Long> otherActions, long errors, long unanswered) {

        long requests() {
            return sortedNanos.length;
        }

        long messages() {
            return sortedEndOfMessageNanos.length;
        }

        double perSecond(long count) {
            return count / (measured.toNanos() / 1e9);
        }

        long count(PolicyAction action) {
            return actions[0][action.ordinal()] + actions[1][action.ordinal()];
        }

        long count(PolicyMessages.Stage stage, PolicyAction action) {
            return actions[stage.ordinal()][action.ordinal()];
        }

        static double millis(long[] sorted, double percentile) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }
    }

    private final InetSocketAddress target;
    private final IntFunction<PolicyMessages> streams;

    /**
     * @param streams the messages of the connection with that number (each connection, also a
     *                replacement, gets a number of its own)
     */
    PolicyLoad(InetSocketAddress target, IntFunction<PolicyMessages> streams) {
        this.target = target;
        this.streams = streams;
    }

    private final class Connection {

        private final SocketChannel channel;
        private final SelectionKey key;
        private final PolicyMessages messages;
        private final ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        private ByteBuffer out;
        private long sentAt;

        Connection(Selector selector, int number) throws IOException {
            channel = SocketChannel.open(target);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            key = channel.register(selector, SelectionKey.OP_READ, this);
            messages = streams.apply(number);
        }

        void send() throws IOException {
            out = ByteBuffer.wrap(messages.next());
            sentAt = System.nanoTime();
            flush();
        }

        void flush() throws IOException {
            channel.write(out);
            key.interestOps(out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        /** The action of the answer that is complete in the buffer, or null while it is not. */
        String answer() {
            int end = -1;
            for (int i = 1; i < in.position(); i++) {
                if (in.get(i) == '\n' && in.get(i - 1) == '\n') {
                    end = i;
                    break;
                }
            }
            if (end < 0) {
                return null;
            }
            int lineEnd = 0;
            while (in.get(lineEnd) != '\n') {
                lineEnd++;
            }
            String line = new String(in.array(), 0, lineEnd, StandardCharsets.UTF_8).strip();
            in.flip().position(end + 1);
            in.compact();
            return line.startsWith("action=") ? line.substring("action=".length()) : line;
        }

        void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing anyway.
            }
        }
    }

    Result run(int connections, Duration warmUp, Duration measure, Window window) throws IOException {
        long[] latencies = new long[1 << 16];
        long[] endOfMessage = new long[1 << 14];
        int latencyCount = 0;
        int endOfMessageCount = 0;
        long[][] actions = new long[PolicyMessages.Stage.values().length][PolicyAction.values().length];
        Map<String, Long> others = new LinkedHashMap<>();
        long errors = 0;
        int numbers = 0;
        int live = 0;
        try (Selector selector = Selector.open()) {
            for (int c = 0; c < connections; c++) {
                new Connection(selector, numbers++).send();
                live++;
            }
            long start = System.nanoTime() + warmUp.toNanos();
            long end = start + measure.toNanos();
            boolean opened = false;
            boolean closed = false;
            while (live > 0) {
                selector.select(5);
                long now = System.nanoTime();
                if (!opened && now >= start) {
                    opened = true;
                    window.opened();
                }
                if (!closed && now >= end) {
                    closed = true;
                    window.closed();
                }
                if (closed && now - end > DRAIN.toNanos()) {
                    break;
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    Connection connection = (Connection) key.attachment();
                    try {
                        if (key.isWritable()) {
                            connection.flush();
                        }
                        if (!key.isReadable()) {
                            continue;
                        }
                        if (connection.channel.read(connection.in) < 0) {
                            throw new IOException("closed by the server");
                        }
                        String action = connection.answer();
                        if (action == null) {
                            if (!connection.in.hasRemaining()) {
                                throw new IOException("an answer longer than " + connection.in.capacity() + " bytes");
                            }
                            continue;
                        }
                        long answeredAt = System.nanoTime();
                        if (answeredAt >= start && answeredAt < end) {
                            long nanos = answeredAt - connection.sentAt;
                            if (latencyCount == latencies.length) {
                                latencies = Arrays.copyOf(latencies, latencyCount * 2);
                            }
                            latencies[latencyCount++] = nanos;
                            PolicyMessages.Stage stage = connection.messages.stage();
                            if (stage == PolicyMessages.Stage.END_OF_MESSAGE) {
                                if (endOfMessageCount == endOfMessage.length) {
                                    endOfMessage = Arrays.copyOf(endOfMessage, endOfMessageCount * 2);
                                }
                                endOfMessage[endOfMessageCount++] = nanos;
                            }
                            PolicyAction kind = PolicyAction.of(action);
                            actions[stage.ordinal()][kind.ordinal()]++;
                            if (kind == PolicyAction.OTHER && (others.containsKey(action)
                                    || others.size() < MOST_OTHER_ACTIONS)) {
                                others.merge(action, 1L, Long::sum);
                            }
                        }
                        if (answeredAt < end) {
                            connection.send();
                        } else {
                            connection.close();
                            live--;
                        }
                    } catch (IOException e) {
                        connection.close();
                        live--;
                        errors++;
                        if (System.nanoTime() < end) {
                            new Connection(selector, numbers++).send();
                            live++;
                        }
                    }
                }
                selector.selectedKeys().clear();
            }
            for (SelectionKey key : selector.keys()) {
                ((Connection) key.attachment()).close();
            }
            if (!closed) {
                throw new IllegalStateException("every connection failed before the measured time ended");
            }
        }
        long[] all = Arrays.copyOf(latencies, latencyCount);
        long[] messages = Arrays.copyOf(endOfMessage, endOfMessageCount);
        Arrays.sort(all);
        Arrays.sort(messages);
        return new Result(connections, measure, all, messages, actions, others, errors, live);
    }
}
