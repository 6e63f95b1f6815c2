package org.senderguard.adapters.postfix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.senderguard.application.port.in.DecideMailTransactionUseCase;
import org.senderguard.application.port.in.MailTransaction;
import org.senderguard.domain.mailflow.Decision;
import org.senderguard.domain.mailflow.Rejections;

/**
 * The server's own limits, on a server of the test's own with a stand-in for the application:
 * the connection bound, idle connections, decisions that never come or fail, start and stop.
 */
class PolicyServerTest {

    private static final String SLOW = "slow@elsewhere.example";
    private static final String BROKEN = "broken@elsewhere.example";
    private static final String REFUSED = "refused@elsewhere.example";
    /** Holds the asking thread until the test ends, as a decision waiting for a late database does. */
    private static final String BLOCKING = "blocking@elsewhere.example";
    private static final CountDownLatch UNBLOCK = new CountDownLatch(1);
    /** A guard against a hang, not a measure. */
    private static final int READ_TIMEOUT_MILLIS = 60_000;

    private final List<Socket> sockets = new ArrayList<>();
    private PolicySettings settings;
    private PolicyServer server;

    @AfterAll
    static void unblock() {
        UNBLOCK.countDown();
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void pastMaxConnectionsANewConnectionIsClosedAtOnce() throws IOException {
        int port = start("2", "10m", "10s");
        Socket first = connect(port);
        Socket second = connect(port);
        assertThat(ask(first, request("CONNECT", ""))).isEqualTo("action=DUNNO");
        assertThat(ask(second, request("CONNECT", ""))).isEqualTo("action=DUNNO");
        Socket third = connect(port);
        assertThat(closedByServer(third)).isTrue();
        assertThat(ask(first, request("CONNECT", ""))).as("the open ones go on").isEqualTo("action=DUNNO");

        first.close();
        String answer = null;
        for (int attempt = 0; attempt < 200 && answer == null; attempt++) {
            // The server counts the closed connection out as soon as it has noticed the close.
            Socket next = connect(port);
            next.getOutputStream().write(request("CONNECT", "").getBytes(StandardCharsets.UTF_8));
            answer = answer(next);
            if (answer == null) {
                sleep();
            }
        }
        assertThat(answer).as("a place came free").isEqualTo("action=DUNNO");
    }

    @Test
    void anIdleConnectionIsClosed() throws IOException {
        int port = start("10", "200ms", "10s");
        Socket idle = connect(port);
        assertThat(ask(idle, request("CONNECT", ""))).isEqualTo("action=DUNNO");
        assertThat(closedByServer(idle)).isTrue();
    }

    /**
     * A client that sends requests and never reads its answers: once the answers fill the buffers
     * between them, nothing more is written, and the connection is closed as idle rather than held
     * for ever (enough such clients would take every connection Postfix has).
     */
    @Test
    void aClientThatNeverReadsItsAnswersIsClosedAfterTheIdleTimeout() throws Exception {
        int port = start("10", "500ms", "10s");
        Socket deaf = new Socket();
        deaf.setReceiveBufferSize(4096);
        deaf.connect(new InetSocketAddress("127.0.0.1", port));
        sockets.add(deaf);
        byte[] requests = request("CONNECT", "").repeat(1000).getBytes(StandardCharsets.UTF_8);
        CompletableFuture<IOException> cutOff = CompletableFuture.supplyAsync(() -> {
            try {
                for (int i = 0; i < 100_000; i++) { // 15 GB: far more than any buffers hold
                    deaf.getOutputStream().write(requests);
                }
                return null;
            } catch (IOException closed) {
                return closed;
            }
        });
        assertThat(cutOff.get(30, TimeUnit.SECONDS)).as("the server closed the connection")
                .isNotNull();
    }

    @Test
    void aClientSendingARequestAByteAtATimeIsClosedAfterTheIdleTimeoutAllTheSame() throws Exception {
        int port = start("10", "300ms", "10s");
        Socket slow = connect(port);
        Thread trickle = new Thread(() -> {
            try {
                slow.getOutputStream().write("request=smtpd_access_policy\nsender=".getBytes(StandardCharsets.UTF_8));
                while (true) { // a sender that never ends, a byte at a time
                    slow.getOutputStream().write('a');
                    Thread.sleep(50);
                }
            } catch (IOException | InterruptedException closed) {
                // The server closed the connection, or the test ended.
            }
        });
        trickle.start();
        try {
            assertThat(closedByServer(slow)).isTrue();
        } finally {
            trickle.interrupt();
        }
    }

    @Test
    void aDecisionThatDoesNotComeOrFailsIsAnsweredByTheFailModeAndCounted() throws IOException {
        int port = start("10", "10m", "300ms");
        PolicyServerStatus status = server.status();
        Socket socket = connect(port);
        String defer = "action=DEFER_IF_PERMIT 4.3.0 senderguard cannot decide now, try again later";
        assertThat(ask(socket, request("RCPT", SLOW))).isEqualTo(defer);
        assertThat(status.undecidedSince()).isPresent();
        assertThat(ask(socket, request("RCPT", BROKEN))).isEqualTo(defer);
        assertThat(status.undecidedTotal()).isEqualTo(2);
        assertThat(ask(socket, request("RCPT", REFUSED))).startsWith("action=550 5.1.8 Access denied, bad outbound "
                + "sender; Secure your account");
        assertThat(status.undecidedSince()).as("decided again").isEmpty();
        assertThat(status.undecidedTotal()).isEqualTo(2);
    }

    /** More requests than the server has asking threads, each decision holding its thread: all answered in time. */
    @Test
    void theDecisionTimeoutCountsWhileTheDecisionHoldsItsThreadOrWaitsForOne() throws IOException {
        int port = start("20", "10m", "300ms");
        List<Socket> connections = new ArrayList<>();
        for (int i = 0; i < 2 * PolicyServer.ASKING_THREADS; i++) {
            Socket socket = connect(port);
            socket.getOutputStream().write(request("RCPT", BLOCKING).getBytes(StandardCharsets.UTF_8));
            connections.add(socket);
        }
        for (Socket socket : connections) {
            assertThat(answer(socket)).isEqualTo("action=DEFER_IF_PERMIT 4.3.0 senderguard cannot decide now, try again "
                    + "later");
        }
    }

    @Test
    void startingOnAPortInUseFailsNamingTheAddressAndStopReleasesThePort() throws IOException {
        int port = start("10", "10m", "10s");
        assertThat(server.status().listening()).isPresent();
        assertThat(server.describe()).isEqualTo("the Postfix policy server on 127.0.0.1:" + port);
        PolicyServer second = new PolicyServer(settings, new PolicyServerStatus(FailMode.DEFER),
                transaction -> CompletableFuture.completedFuture(Decision.ACCEPT));
        assertThatThrownBy(second::start).isInstanceOf(IllegalStateException.class).hasNoCause()
                .hasMessage("cannot listen for Postfix policy requests on 127.0.0.1:" + port
                        + ": Address already in use");

        server.stop();
        assertThat(server.status().listening()).isEmpty();
        server = null;
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    private int start(String maxConnections, String idleTimeout, String decisionTimeout) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        settings = PolicySettings.parse(String.valueOf(port), null, null, null, null, idleTimeout,
                maxConnections, decisionTimeout);
        server = new PolicyServer(settings, new PolicyServerStatus(settings.failMode()), PolicyServerTest::decide);
        server.start();
        return port;
    }

    /** Stands in for the application: the recipient says what happens. */
    private static CompletableFuture<Decision> decide(MailTransaction transaction) {
        String recipient = transaction.recipients().isEmpty() ? "" : transaction.recipients().get(0).value();
        return switch (recipient) {
            case SLOW -> new CompletableFuture<>();
            case BLOCKING -> {
                try {
                    UNBLOCK.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                yield CompletableFuture.completedFuture(Decision.deliver(false));
            }
            case BROKEN -> throw new IllegalStateException("broken");
            case REFUSED -> CompletableFuture.completedFuture(Rejections.restrictedSender(transaction.sender(), "test"));
            default -> CompletableFuture.completedFuture(Decision.deliver(false));
        };
    }

    private static String request(String state, String recipient) {
        return "request=smtpd_access_policy\nprotocol_state=" + state + "\ninstance=1.2.3\nsasl_username=u@t.example\n"
                + "sender=u@t.example\nrecipient=" + recipient
                + "\nclient_address=192.0.2.9\n\n";
    }

    private Socket connect(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        sockets.add(socket);
        return socket;
    }

    private static String ask(Socket socket, String request) throws IOException {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
        return answer(socket);
    }

    /** The answer without its closing empty line; null when the server closed the connection first. */
    private static String answer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        int previous = -1;
        try {
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (b == '\n' && previous == '\n') {
                    String text = answer.toString(StandardCharsets.UTF_8);
                    return text.substring(0, text.length() - 1);
                }
                answer.write(b);
                previous = b;
            }
        } catch (SocketException reset) {
            return null;
        }
        return null;
    }

    private static boolean closedByServer(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketException reset) {
            return true;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
