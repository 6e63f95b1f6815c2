package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The private Postfix harness against Debian's real Postfix, driven by swaks. */
@RequiresPostfix
class PrivatePostfixTest {

    private static final String[] ALICE_TO_BOB = {"--from", "alice@example.com", "--to", "bob@example.net",
            "--xclient", "ADDR=198.51.100.9 LOGIN=alice@example.com"};

    @Test
    void queuesAMessageSentThroughXclientAndLeavesNoProcessBehind() throws Exception {
        PrivatePostfix postfix = PrivatePostfix.start();
        Path folder = postfix.directory();
        long master = postfix.masterPid();
        try (postfix) {
            assertThat(postfix.processes()).contains(master);

            PrivatePostfix.SwaksResult sent = postfix.swaks(ALICE_TO_BOB);

            assertThat(sent.exitCode()).as(sent.transcript()).isZero();
            // Postfix takes XCLIENT by greeting anew, as the client it names.
            assertThat(sent.transcript())
                    .containsPattern("-> XCLIENT ADDR=198\\.51\\.100\\.9 LOGIN=alice@example\\.com\\R<- +220 ")
                    .contains("250 2.0.0 Ok: queued as ");
            String queueId = sent.queueId().orElseThrow();
            assertThat(postfix.awaitLog(queueId + ": client=")).singleElement().asString()
                    .contains("[198.51.100.9]", "sasl_method=XCLIENT", "sasl_username=alice@example.com");
            assertThat(postfix.awaitLog(queueId + ": to=<bob@example.net>")).singleElement().asString()
                    .contains("postfix/smtp[", "status=deferred", "127.0.0.1[127.0.0.1]:" + postfix.relayPort());
        }
        assertThat(ProcessHandle.of(master).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(postfix.processes()).isEmpty();
        assertThat(Files.exists(folder)).isFalse();
    }

    @Test
    void refusesWithATemporaryErrorWhileThePolicyServiceIsDown() throws Exception {
        int closed = freePort();
        try (PrivatePostfix postfix = PrivatePostfix.builder()
                .mainCf("smtpd_sender_restrictions = check_policy_service inet:127.0.0.1:" + closed)
                .start()) {

            PrivatePostfix.SwaksResult sent = postfix.swaks(ALICE_TO_BOB);

            // 24: no recipient accepted. The sender restrictions are applied at RCPT TO (smtpd_delay_reject).
            assertThat(sent.exitCode()).as(sent.transcript()).isEqualTo(24);
            assertThat(sent.transcript()).containsPattern("-> RCPT TO:<bob@example\\.net>\\R<\\*\\* +451 4\\.3\\.5 ")
                    .doesNotContain("queued as");
            List<String> refused = postfix.awaitLog("NOQUEUE: reject: RCPT from");
            assertThat(refused).singleElement().asString().contains(
                    "451 4.3.5 <alice@example.com>: Sender address rejected: Server configuration problem");
        }
    }

    @Test
    void passesTheXclientLoginToAPolicyServiceAndDeliversThroughTheFilterTransportItNames() throws Exception {
        try (PolicyStub policy = new PolicyStub();
             PrivatePostfix postfix = PrivatePostfix.builder()
                     .mainCf("smtpd_sender_restrictions = check_policy_service inet:127.0.0.1:" + policy.port(),
                             "smtpd_end_of_data_restrictions = check_policy_service inet:127.0.0.1:" + policy.port())
                     .masterCf("highrisk unix - - n - - smtp -o smtp_bind_address=127.0.0.2"
                             + " -o syslog_name=postfix-highrisk")
                     .start()) {

            PrivatePostfix.SwaksResult sent = postfix.swaks(ALICE_TO_BOB);

            assertThat(sent.exitCode()).as(sent.transcript()).isZero();
            String queueId = sent.queueId().orElseThrow();
            assertThat(policy.requests())
                    .extracting(request -> request.get("protocol_state"), request -> request.get("client_address"),
                            request -> request.get("sasl_username"), request -> request.get("sender"))
                    .containsExactly(tuple("RCPT", "198.51.100.9", "alice@example.com", "alice@example.com"),
                            tuple("END-OF-MESSAGE", "198.51.100.9", "alice@example.com", "alice@example.com"));
            assertThat(postfix.awaitLog(queueId + ": filter: END-OF-MESSAGE")).singleElement().asString()
                    .contains("triggers FILTER highrisk:");
            assertThat(postfix.awaitLog(queueId + ": to=<bob@example.net>")).singleElement().asString()
                    .contains("postfix-highrisk/smtp[", "status=deferred");
        }
    }

    /**
     * A policy service that records each request and answers {@code FILTER highrisk:} at the end
     * of the message, {@code DUNNO} before.
     */
    private static final class PolicyStub implements AutoCloseable {

        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();

        PolicyStub() throws IOException {
            daemon(this::accept);
        }

        int port() {
            return server.getLocalPort();
        }

        List<Map<String, String>> requests() {
            return requests;
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket connection = server.accept();
                    daemon(() -> serve(connection));
                } catch (IOException closed) {
                    return;
                }
            }
        }

        /** Attribute lines, an empty line ending each request; Postfix keeps the connection for more. */
        private void serve(Socket connection) {
            try (connection; BufferedReader in = new BufferedReader(new InputStreamReader(
                    connection.getInputStream(), StandardCharsets.UTF_8))) {
                Map<String, String> request = new HashMap<>();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!line.isEmpty()) {
                        request.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
                        continue;
                    }
                    requests.add(request);
                    String action = "END-OF-MESSAGE".equals(request.get("protocol_state")) ? "FILTER highrisk:"
                            : "DUNNO";
                    connection.getOutputStream().write(("action=" + action + "\n\n")
                            .getBytes(StandardCharsets.UTF_8));
                    request = new HashMap<>();
                }
            } catch (IOException gone) {
                // Postfix closed the connection.
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }

        private static void daemon(Runnable task) {
            Thread thread = new Thread(task, "policy-stub");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
