package org.senderguard.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The correctness check, not timed: one user sends {@code limit + 1} recipients' worth of
 * messages of {@code perMessage} recipients over one connection, as Postfix would; every recipient
 * and every message that stays within the limit must be answered DUNNO, and the message that
 * takes the user past the limit must be the one refused with {@code 550 5.1.8}. Then one more
 * message's first recipient shows whether the server holds the user restricted (senderguard
 * refuses it at RCPT already; postfwd has no such state).
 */
final class PolicyVerify {

    /** What came back. */
    record Outcome(boolean passed, String report) {
    }

    private PolicyVerify() {
    }

    static Outcome run(InetSocketAddress target, String user, int limit, int perMessage, boolean expectRestricted)
            throws IOException {
        int messageCount = (limit + 1 + perMessage - 1) / perMessage;
        PolicyMessages messages = new PolicyMessages(42, random -> user, perMessage, perMessage);
        List<String> problems = new ArrayList<>();
        String overLimit = null;
        String afterwards;
        try (Socket socket = new Socket(target.getAddress(), target.getPort())) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            for (int message = 1; message <= messageCount; message++) {
                for (int recipient = 1; recipient <= perMessage; recipient++) {
                    String action = ask(out, in, messages.next());
                    if (PolicyAction.of(action) != PolicyAction.DUNNO && problems.size() < 5) {
                        problems.add("message " + message + ", recipient " + recipient + ": " + action);
                    }
                }
                String action = ask(out, in, messages.next());
                boolean last = message == messageCount;
                if (last) {
                    overLimit = action;
                    if (PolicyAction.of(action) != PolicyAction.REJECT_BAD_SENDER) {
                        problems.add("message " + message + " (over the limit) was answered " + action);
                    }
                } else if (PolicyAction.of(action) != PolicyAction.DUNNO && problems.size() < 5) {
                    problems.add("message " + message + " (within the limit) was answered " + action);
                }
            }
            afterwards = ask(out, in, messages.next());
            if (expectRestricted && PolicyAction.of(afterwards) != PolicyAction.REJECT_BAD_SENDER) {
                problems.add("the next message's first recipient was answered " + afterwards
                        + ", not refused as from a restricted sender");
            }
        }
        int within = messageCount - 1;
        String report = String.format("%s, %d messages of %d recipients (%d recipients), limit %d: messages 1-%d "
                        + "(%d recipients) %s; message %d (recipients %d-%d) answered \"%s\"; "
                        + "then the next message's first recipient: \"%s\"%s",
                user, messageCount, perMessage, messageCount * perMessage, limit, within, within * perMessage,
                problems.stream().anyMatch(p -> !p.contains("over the limit") && !p.contains("next message"))
                        ? "NOT all answered DUNNO" : "all answered DUNNO, at every RCPT and at the end",
                messageCount, within * perMessage + 1, messageCount * perMessage, overLimit, afterwards,
                problems.isEmpty() ? "" : "; problems: " + String.join("; ", problems));
        return new Outcome(problems.isEmpty(), report);
    }

    private static String ask(OutputStream out, BufferedReader in, byte[] request) throws IOException {
        out.write(request);
        out.flush();
        String first = null;
        for (String line = in.readLine(); ; line = in.readLine()) {
            if (line == null) {
                throw new IOException("the server closed the connection");
            }
            if (line.isEmpty()) {
                break;
            }
            if (first == null) {
                first = line;
            }
        }
        if (first == null) {
            throw new IOException("an empty answer");
        }
        return first.startsWith("action=") ? first.substring("action=".length()) : first;
    }
}
