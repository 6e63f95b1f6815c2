package org.senderguard.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The policy requests Postfix's smtpd sends for one connection's messages, one after another:
 * for each message one {@code RCPT} request per recipient, then one {@code END-OF-MESSAGE}
 * request with {@code recipient_count}, all with the message's {@code instance}, the SASL login
 * {@code sasl_username} and the same address as {@code sender}, and every attribute Postfix 3.x
 * sends. As with Postfix's default {@code smtpd_delay_open_until_valid_rcpt = yes}, the first
 * recipient's request has no {@code queue_id} yet (the queue file is opened once a recipient is
 * accepted); the later ones and the end of the message have it. At the end of a message Postfix
 * names the recipient only when there is exactly one. Instances and queue ids are unique across
 * all streams of the run, so that no message looks like a repeat of another.
 */
final class PolicyMessages {

    /** The five tenants' accepted domains; user {@code n} is {@code userNNNNN@} the domain {@code n % 5}. */
    static final List<String> DOMAINS = List.of("example.com", "example.net", "example.org", "corp.example",
            "mail.example");
    private static final List<String> RECIPIENT_DOMAINS = List.of("gmail.example", "outlook.example",
            "yahoo.example", "web.example", "gmx.example");
    private static final AtomicLong MESSAGES = new AtomicLong();
    /** Keeps this run's queue ids apart from an earlier run's on a database that outlived it. */
    private static final long RUN = ThreadLocalRandom.current().nextLong(1 << 20, 1 << 24);

    /** What a request asks about: a recipient, or the whole message at its end. */
    enum Stage {
        RCPT, END_OF_MESSAGE
    }

    private final Random random;
    private final Function<Random, String> users;
    private final int fewestRecipients;
    private final int mostRecipients;

    private String sender;
    private String clientAddress;
    private String clientName;
    private String helo;
    private String instance;
    private String queueId;
    private int size;
    private int recipients;
    private int asked;
    private String firstRecipient;
    private Stage stage = Stage.END_OF_MESSAGE;

    /**
     * @param users picks the sender of each new message
     */
    PolicyMessages(long seed, Function<Random, String> users, int fewestRecipients, int mostRecipients) {
        this.random = new Random(seed);
        this.users = users;
        this.fewestRecipients = fewestRecipients;
        this.mostRecipients = mostRecipients;
    }

    /** {@code n} of {@code users} users, at random. */
    static Function<Random, String> randomUsers(int users) {
        return random -> user(random.nextInt(users));
    }

    static String user(int n) {
        return String.format("user%05d@%s", n, DOMAINS.get(n % DOMAINS.size()));
    }

    /** The stage of the request {@link #next()} returned last. */
    Stage stage() {
        return stage;
    }

    /** The recipients of the current message. */
    int recipients() {
        return recipients;
    }

    /** The next request: the next recipient of the current message, its end, or the first recipient of a new one. */
    byte[] next() {
        if (stage == Stage.END_OF_MESSAGE) {
            start();
        }
        if (asked < recipients) {
            asked++;
            stage = Stage.RCPT;
            String recipient = "r" + random.nextInt(1_000_000) + "@"
                    + RECIPIENT_DOMAINS.get(random.nextInt(RECIPIENT_DOMAINS.size()));
            if (asked == 1) {
                firstRecipient = recipient;
            }
            return request("RCPT", recipient, 0, asked == 1 ? "" : queueId);
        }
        stage = Stage.END_OF_MESSAGE;
        return request("END-OF-MESSAGE", recipients == 1 ? firstRecipient : "", recipients, queueId);
    }

    private void start() {
        long message = MESSAGES.incrementAndGet();
        sender = users.apply(random);
        int user = sender.hashCode() & 0xffffff;
        clientAddress = "10." + (user >> 16) + "." + ((user >> 8) & 255) + "." + Math.max(1, user & 255);
        clientName = "host-" + clientAddress.replace('.', '-') + ".dyn.isp.example";
        helo = random.nextInt(10) < 3 ? "[" + clientAddress + "]" : "laptop-" + (user & 0xfff) + ".lan";
        instance = Long.toHexString(RUN) + "." + Long.toHexString(message) + ".0";
        queueId = String.format("%X%07X", RUN, message);
        size = 800 + random.nextInt(200_000);
        recipients = fewestRecipients + random.nextInt(mostRecipients - fewestRecipients + 1);
        asked = 0;
    }

    private byte[] request(String state, String recipient, int recipientCount, String queue) {
        String text = "request=smtpd_access_policy\n"
                + "protocol_state=" + state + "\n"
                + "protocol_name=ESMTP\n"
                + "helo_name=" + helo + "\n"
                + "queue_id=" + queue + "\n"
                + "sender=" + sender + "\n"
                + "recipient=" + recipient + "\n"
                + "recipient_count=" + recipientCount + "\n"
                + "client_address=" + clientAddress + "\n"
                + "client_name=" + clientName + "\n"
                + "reverse_client_name=" + clientName + "\n"
                + "instance=" + instance + "\n"
                + "sasl_method=PLAIN\n"
                + "sasl_username=" + sender + "\n"
                + "sasl_sender=\n"
                + "size=" + size + "\n"
                + "ccert_subject=\nccert_issuer=\nccert_fingerprint=\nccert_pubkey_fingerprint=\n"
                + "encryption_protocol=TLSv1.3\nencryption_cipher=TLS_AES_256_GCM_SHA384\nencryption_keysize=256\n"
                + "etrn_domain=\nstress=\n"
                + "client_port=" + (20_000 + (instance.hashCode() & 0x7fff)) + "\n"
                + "policy_context=\n"
                + "server_address=127.0.0.1\nserver_port=587\n"
                + "compatibility_level=3.6\nmail_version=3.7.11\n"
                + "\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
