package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Postfix policy server over TCP against the shared application: the protocol as Postfix
 * speaks it, its robustness against clients that break it, and mail-flow decisions asked through it.
 */
class PolicyProtocolTest {

    private static final String RESTRICTED = "action=550 5.1.8 Access denied, bad outbound sender; Secure your "
            + "account (password, forwarding and inbox rules, malware), then ask your email administrator to unblock you";
    private static final String UNREGISTERED = "action=550 5.7.750 Service unavailable. Client blocked from sending "
            + "from unregistered domains; Send from one of your organization's accepted domains";
    private static final String DUNNO = "action=DUNNO";
    /** The shared application's fail mode, defer: what a request that cannot be decided is answered. */
    private static final String FAIL_MODE = "action=DEFER_IF_PERMIT 4.3.0 senderguard cannot decide now, try again later";
    private static final Pattern WELL_FORMED = Pattern.compile("action=[A-Z_]+|action=[245]\\d\\d [245]\\.\\d+\\.\\d+ .+"
            + "|action=(DEFER_IF_PERMIT|FILTER) \\S.*");
    /** Outside the submitter networks; the upper half of 203.0.113.0/24 is listed by no other test. */
    private static final String OUTSIDE = "192.0.2.200";

    @Test
    void aSaslUsersRecipientIsLetThrough() {
        TenantClient tenant = new TenantClient();
        String user = tenant.user("ann");
        assertThat(ask(rcpt(user, user, "friend@elsewhere.example"))).isEqualTo(DUNNO);
        assertThat(ask(rcpt(user, user, tenant.user("colleague")))).isEqualTo(DUNNO);
    }

    @Test
    void aRestrictedSenderIsRefusedAtEachRecipientWithTheNextStep() {
        TenantClient tenant = new TenantClient();
        String user = restricted(tenant, "mallory");
        assertThat(ask(rcpt(user, user, "friend@elsewhere.example"))).isEqualTo(RESTRICTED);
        assertThat(ask(rcpt("", user, "friend@elsewhere.example", "127.0.0.1")))
                .as("a submitter network's client without a login").isEqualTo(RESTRICTED);
        assertThat(ask(rcpt("", user, "friend@elsewhere.example", OUTSIDE)))
                .as("neither a login nor a submitter network: inbound mail, not the tenant's").isEqualTo(DUNNO);
        restricted(tenant, "dan");
        assertThat(ask(rcpt(tenant.user("ann"), "dan.+x@" + tenant.domain, "friend@elsewhere.example")))
                .as("a subaddress after a dot: the mailbox is dan@, not an outage").isEqualTo(RESTRICTED);
    }

    @Test
    void aSenderFromADomainTheLoginsTenantDoesNotHaveIsRefused() {
        TenantClient tenant = new TenantClient();
        assertThat(ask(rcpt(tenant.user("ann"), "ceo@not-" + tenant.domain, "friend@elsewhere.example")))
                .isEqualTo(UNREGISTERED);
        TenantClient other = new TenantClient();
        assertThat(ask(rcpt(tenant.user("ann"), other.user("ceo"), "friend@elsewhere.example")))
                .as("another tenant's domain").isEqualTo(UNREGISTERED);
    }

    @Test
    void aRecipientOnTheTenantsBlockListIsRefusedNamingIt() {
        TenantClient tenant = new TenantClient();
        String partner = "partner-" + unique() + ".example";
        Http.Response added = TenantClient.post("/api/v1/block-list/entries", tenant.admin,
                Map.of("type", "DOMAIN", "values", List.of(partner)));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String user = tenant.user("ann");
        assertThat(ask(rcpt(user, user, "Bob@" + partner))).isEqualTo("action=550 5.7.703 Your message can't be "
                + "delivered because messages to bob@" + partner + " are blocked by your organization");
        assertThat(ask(rcpt(user, user, "bob@sub." + partner))).as("the entry names that domain only").isEqualTo(DUNNO);
    }

    /**
     * SMTPUTF8 mail (RFC 6531): Postfix passes its addresses as UTF-8, and they are decided like any
     * other, one mailbox however its accents are composed, and not another mailbox without them.
     */
    @Test
    void theAddressesOfSmtputf8MailAreDecidedLikeAnyOther() {
        TenantClient tenant = new TenantClient();
        String user = tenant.user("j\u00fcrgen");
        assertThat(ask(rcpt(user, user, "zo\u00eb@elsewhere.example"))).isEqualTo(DUNNO);

        String restricted = restricted(tenant, "J\u00f6rg");
        assertThat(ask(rcpt(restricted, "jo\u0308rg@" + tenant.domain, "friend@elsewhere.example")))
                .as("the same mailbox, its accent decomposed").isEqualTo(RESTRICTED);
        assertThat(ask(rcpt(tenant.user("jorg"), tenant.user("jorg"), "friend@elsewhere.example")))
                .as("another mailbox").isEqualTo(DUNNO);

        String partner = "partner-" + unique() + ".example";
        Http.Response added = TenantClient.post("/api/v1/block-list/entries", tenant.admin,
                Map.of("type", "SENDER", "values", List.of("Zo\u00eb@" + partner)));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(ask(rcpt(user, user, "zoe\u0308@" + partner))).isEqualTo("action=550 5.7.703 Your message can't be "
                + "delivered because messages to zo\u00eb@" + partner + " are blocked by your organization");
        assertThat(ask(rcpt(user, user, "zoe@" + partner))).isEqualTo(DUNNO);
    }

    @Test
    void attributeOrderDoesNotMatter() {
        TenantClient tenant = new TenantClient();
        String user = restricted(tenant, "eve");
        Map<String, String> request = rcpt(user, user, "friend@elsewhere.example");
        List<Map.Entry<String, String>> reversed = new ArrayList<>(request.entrySet());
        Collections.reverse(reversed);
        Map<String, String> reordered = new LinkedHashMap<>();
        reversed.forEach(attribute -> reordered.put(attribute.getKey(), attribute.getValue()));
        assertThat(PolicyClient.request(reordered)).startsWith("mail_version=");
        assertThat(ask(reordered)).isEqualTo(RESTRICTED);
        assertThat(ask(request)).isEqualTo(RESTRICTED);
    }

    @Test
    void unknownAttributesAreIgnored() {
        TenantClient tenant = new TenantClient();
        String user = restricted(tenant, "oscar");
        Map<String, String> request = rcpt(user, user, "friend@elsewhere.example");
        request.put("x_future_attribute", "some value = with equals");
        request.put("empty_attribute", "");
        request.put("client_port", "54321");
        assertThat(ask(request)).isEqualTo(RESTRICTED);
    }

    @Test
    void statesOtherThanRecipientAndEndOfMessageAreAnsweredDunno() {
        TenantClient tenant = new TenantClient();
        String user = restricted(tenant, "trent");
        for (String state : List.of("CONNECT", "EHLO", "HELO", "MAIL", "DATA", "VRFY", "ETRN")) {
            assertThat(ask(PolicyClient.postfixRequest(state, instance(), user, OUTSIDE, user, "")))
                    .as(state).isEqualTo(DUNNO);
        }
        assertThat(ask(rcpt(user, user, "friend@elsewhere.example"))).as("the same sender at RCPT")
                .isEqualTo(RESTRICTED);
    }

    /** A restricted sender's requests, each lacking what a decision needs: none of them is let through. */
    @Test
    void aRequestThatCannotBeDecidedIsAnsweredByTheFailModeNeverLetThrough() {
        TenantClient tenant = new TenantClient();
        String user = restricted(tenant, "uma");
        String quoted = "\"" + user.substring(0, user.indexOf('@')) + "\"" + user.substring(user.indexOf('@'));
        Map<String, Map<String, String>> undecidable = new LinkedHashMap<>();
        undecidable.put("a recipient that is no address", rcpt(user, user, "not an address"));
        undecidable.put("a sender senderguard cannot read, as Postfix passes a quoted one, from a login that is no "
                + "address", rcpt(user.substring(0, user.indexOf('@')), quoted, "friend@elsewhere.example"));
        undecidable.put("a sender senderguard cannot read from a submitter network", rcpt("", quoted,
                "friend@elsewhere.example", "127.0.0.1"));
        undecidable.put("an unknown protocol_state", with(rcpt(user, user, "friend@elsewhere.example"),
                "protocol_state", "rcpt"));
        undecidable.put("no protocol_state", with(rcpt(user, user, "friend@elsewhere.example"), "protocol_state", null));
        undecidable.put("a login that is no address, sending as a bounce", endOfMessage(instance(), queueId(),
                user.substring(0, user.indexOf('@')), "", 1, "a@elsewhere.example", OUTSIDE));
        undecidable.put("an END-OF-MESSAGE without its queue id", endOfMessage(instance(), "", user, 1,
                "a@elsewhere.example"));
        for (String count : List.of("", "1x", "-5", " 3", "2147483648")) {
            undecidable.put("recipient_count '" + count + "'", with(endOfMessage(instance(), queueId(), user, 1,
                    "a@elsewhere.example"), "recipient_count", count));
        }
        undecidable.forEach((what, request) -> assertThat(ask(request)).as(what).isEqualTo(FAIL_MODE));
        assertThat(ask(rcpt(user, quoted, "friend@elsewhere.example"))).as("an unreadable sender counts as its login")
                .isEqualTo(RESTRICTED);
        assertThat(ask(rcpt("", quoted, tenant.user("inbox"), OUTSIDE)))
                .as("inbound mail, whose sender is on no list: checked as usual").isEqualTo(DUNNO);
        assertThat(ask(endOfMessage(instance(), queueId(), user, 1, "a@elsewhere.example")))
                .as("the same sender's message, whole").isEqualTo(RESTRICTED);
    }

    @Test
    void anAttributeNamedTwiceClosesTheConnection() {
        try (PolicyClient client = new PolicyClient()) {
            client.sendIgnoringClose(("request=smtpd_access_policy\nprotocol_state=RCPT\nsender=a@x.example\n"
                    + "sender=b@x.example\nrecipient=c@y.example\n\n").getBytes(StandardCharsets.UTF_8));
            assertThat(client.closedByServer()).isTrue();
        }
    }

    private static Map<String, String> with(Map<String, String> request, String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(request);
        if (value == null) {
            changed.remove(name);
        } else {
            changed.put(name, value);
        }
        return changed;
    }

    @Test
    void threeRequestsInOneWriteAreAnsweredInOrder() {
        TenantClient tenant = new TenantClient();
        String user = restricted(tenant, "pipe");
        String three = PolicyClient.request(rcpt(user, user, "a@elsewhere.example"))
                + PolicyClient.request(PolicyClient.postfixRequest("CONNECT", instance(), "", OUTSIDE, "", ""))
                + PolicyClient.request(rcpt(tenant.user("ann"), "ceo@not-" + tenant.domain, "b@elsewhere.example"));
        try (PolicyClient client = new PolicyClient()) {
            client.send(three);
            assertThat(List.of(client.answer(), client.answer(), client.answer()))
                    .containsExactly(RESTRICTED, DUNNO, UNREGISTERED);
        }
    }

    @Test
    void aHalfClosedConnectionGetsItsAnswerThenIsClosed() {
        TenantClient tenant = new TenantClient();
        String user = restricted(tenant, "half");
        try (PolicyClient client = new PolicyClient()) {
            client.send(PolicyClient.request(rcpt(user, user, "a@elsewhere.example"))
                    + PolicyClient.request(PolicyClient.postfixRequest("MAIL", instance(), "", OUTSIDE, "", "")));
            client.shutdownOutput();
            assertThat(client.answer()).isEqualTo(RESTRICTED);
            assertThat(client.answer()).isEqualTo(DUNNO);
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void oversizedInputClosesThatConnectionOnly() {
        try (PolicyClient idle = new PolicyClient()) {
            try (PolicyClient client = new PolicyClient()) {
                client.sendIgnoringClose(("request=smtpd_access_policy\nprotocol_state=RCPT\nccert_subject="
                        + "a".repeat(1 << 20) + "\n\n").getBytes(StandardCharsets.UTF_8));
                assertThat(client.closedByServer()).as("a 1 MiB attribute").isTrue();
            }
            try (PolicyClient client = new PolicyClient()) {
                String line = "x_attribute=" + "b".repeat(1000) + "\n";
                client.sendIgnoringClose(("request=smtpd_access_policy\n" + line.repeat(70) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                assertThat(client.closedByServer()).as("70 lines of 1 KB in one request").isTrue();
            }
            assertThat(idle.ask(PolicyClient.postfixRequest("CONNECT", instance(), "", OUTSIDE, "", "")))
                    .as("a connection opened before").isEqualTo(DUNNO);
        }
        assertThat(ask(PolicyClient.postfixRequest("CONNECT", instance(), "", OUTSIDE, "", "")))
                .as("a new connection").isEqualTo(DUNNO);
    }

    @Test
    void binaryJunkClosesThatConnectionOnly() {
        byte[] junk = {'r', 'e', 'q', 'u', 'e', 's', 't', '=', 0, (byte) 0x9f, (byte) 0xff, (byte) 0xc3, '(', '\n', '\n'};
        try (PolicyClient client = new PolicyClient()) {
            client.sendIgnoringClose(junk);
            assertThat(client.closedByServer()).isTrue();
        }
        try (PolicyClient client = new PolicyClient()) {
            client.sendIgnoringClose("request=smtpd_access_policy\nhelo_name=a\u0007b\n\n".getBytes(StandardCharsets.UTF_8));
            assertThat(client.closedByServer()).as("a control character in valid UTF-8").isTrue();
        }
        assertThat(ask(PolicyClient.postfixRequest("CONNECT", instance(), "", OUTSIDE, "", ""))).isEqualTo(DUNNO);
    }

    @Test
    void aLineWithoutEqualsOrARequestOfAnotherKindClosesTheConnection() {
        try (PolicyClient client = new PolicyClient()) {
            client.sendIgnoringClose("request=smtpd_access_policy\nprotocol_state RCPT\n\n"
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(client.closedByServer()).isTrue();
        }
        try (PolicyClient client = new PolicyClient()) {
            client.sendIgnoringClose("request=something_else\nprotocol_state=RCPT\n\n".getBytes(StandardCharsets.UTF_8));
            assertThat(client.closedByServer()).isTrue();
        }
        assertThat(ask(PolicyClient.postfixRequest("CONNECT", instance(), "", OUTSIDE, "", ""))).isEqualTo(DUNNO);
    }

    @Test
    void twoThousandRequestsOverTwoHundredConcurrentConnectionsAreAllAnswered() throws Exception {
        TenantClient tenant = new TenantClient();
        String user = tenant.user("busy");
        String outsider = "someone@" + unique() + ".example";
        int connections = 200;
        int perConnection = 10;
        CyclicBarrier allConnected = new CyclicBarrier(connections);
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<List<String>>> answered = new ArrayList<>();
        try {
            for (int c = 0; c < connections; c++) {
                answered.add(pool.submit(() -> {
                    try (PolicyClient client = new PolicyClient()) {
                        allConnected.await();
                        List<String> answers = new ArrayList<>();
                        for (int i = 0; i < perConnection; i++) {
                            answers.add(client.ask(switch (i % 3) {
                                case 0 -> PolicyClient.postfixRequest("CONNECT", instance(), "", OUTSIDE, "", "");
                                case 1 -> rcpt("", outsider, tenant.user("inbox"), "203.0.113.250");
                                default -> rcpt(user, user, "r" + i + "@elsewhere.example");
                            }));
                        }
                        return answers;
                    }
                }));
            }
            List<String> answers = new ArrayList<>();
            for (Future<List<String>> connection : answered) {
                answers.addAll(connection.get());
            }
            assertThat(answers).hasSize(connections * perConnection);
            assertThat(answers).allMatch(answer -> WELL_FORMED.matcher(answer).matches());
            assertThat(answers).as("every one decided, none answered by the fail mode").containsOnly(DUNNO);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theEndOfAMessageCountsItsRecipientsAndTheMessageThatGoesOverIsRefused() {
        TenantClient tenant = new TenantClient();
        tenant.defaultPolicy(3, 0, 0, 10, "BLOCK_USER", List.of());
        String user = tenant.user("counted");
        try (PolicyClient client = new PolicyClient()) {
            String first = instance();
            for (String colleague : List.of(tenant.user("x"), tenant.user("y"))) {
                assertThat(client.ask(rcpt(first, user, user, colleague, OUTSIDE))).isEqualTo(DUNNO);
            }
            assertThat(client.ask(endOfMessage(first, queueId(), user, 2, "")))
                    .as("the two recipients asked about at RCPT are internal").isEqualTo(DUNNO);
            assertThat(client.ask(endOfMessage(instance(), queueId(), user, 3, "")))
                    .as("three unnamed recipients count as external: the limit reached, not passed").isEqualTo(DUNNO);
            assertThat(client.ask(endOfMessage(instance(), queueId(), user, 1, "last@elsewhere.example")))
                    .as("the fourth external recipient").isEqualTo(RESTRICTED);
        }
        Http.Response restriction = Http.get("/api/v1/restricted-users/" + user, tenant.reader);
        assertThat(restriction.status()).as(restriction.body()).isEqualTo(200);
        assertThat(restriction.json()).containsEntry("address", user).containsEntry("action", "BLOCK_USER");
        assertThat(ask(rcpt(user, user, tenant.user("x")))).as("restricted from now on").isEqualTo(RESTRICTED);
    }

    @Test
    void recipientsPostfixRefusedAfterwardsAreNotNamed() {
        TenantClient tenant = new TenantClient();
        tenant.defaultPolicy(2, 0, 0, 10, "BLOCK_USER", List.of());
        String user = tenant.user("strict");
        try (PolicyClient client = new PolicyClient()) {
            String transaction = instance();
            for (String colleague : List.of(tenant.user("x"), tenant.user("y"), tenant.user("z"))) {
                assertThat(client.ask(rcpt(transaction, user, user, colleague, OUTSIDE))).isEqualTo(DUNNO);
            }
            assertThat(client.ask(endOfMessage(transaction, queueId(), user, 2, "")))
                    .as("three remembered, two accepted: which is unknown, so both count as external").isEqualTo(DUNNO);
            assertThat(client.ask(endOfMessage(instance(), queueId(), user, 1, tenant.user("w"))))
                    .as("an internal recipient does not count against the external limit").isEqualTo(DUNNO);
            assertThat(client.ask(endOfMessage(instance(), queueId(), user, 1, "a@elsewhere.example")))
                    .isEqualTo(RESTRICTED);
        }
    }

    @Test
    void aRepeatedEndOfMessageIsAnsweredTheSameAndCountedOnce() {
        TenantClient tenant = new TenantClient();
        tenant.defaultPolicy(2, 0, 0, 10, "BLOCK_USER", List.of());
        String user = tenant.user("again");
        Map<String, String> message = endOfMessage(instance(), queueId(), user, 2, "");
        try (PolicyClient client = new PolicyClient()) {
            assertThat(client.ask(message)).isEqualTo(DUNNO);
            assertThat(client.ask(message)).as("repeated on the same connection").isEqualTo(DUNNO);
        }
        assertThat(ask(message)).as("repeated on another connection, as Postfix retries").isEqualTo(DUNNO);
        assertThat(ask(endOfMessage(instance(), queueId(), user, 1, "c@elsewhere.example")))
                .as("the first message counted: this one goes over").isEqualTo(RESTRICTED);
        assertThat(ask(message)).as("the repeat keeps its recorded answer").isEqualTo(DUNNO);
    }

    @Test
    void aSpamVerdictRoutesTheSendersNextMessageThroughTheHighRiskTransport() {
        TenantClient tenant = new TenantClient();
        tenant.defaultPolicy(100, 0, 0, 10, "BLOCK_USER", List.of());
        String user = tenant.user("spammy");
        String scanned = queueId();
        assertThat(ask(endOfMessage(instance(), scanned, user, 1, "a@elsewhere.example"))).isEqualTo(DUNNO);
        Http.Response verdict = TenantClient.post("/api/v1/mail-flow/verdicts", tenant.mailFlow,
                Map.of("queueId", scanned, "sender", user, "verdict", "SPAM"));
        assertThat(verdict.status()).as(verdict.body()).isEqualTo(200);
        assertThat(verdict.json()).containsEntry("counted", true);
        assertThat(ask(endOfMessage(instance(), queueId(), user, 1, "b@elsewhere.example")))
                .isEqualTo("action=FILTER highrisk:");
        assertThat(ask(endOfMessage(instance(), queueId(), tenant.user("clean"), 1, "b@elsewhere.example")))
                .as("another sender of the tenant").isEqualTo(DUNNO);
    }

    @Test
    void inboundMailFromAListedClientIsRefusedAtTheRecipient() {
        TenantClient tenant = new TenantClient();
        assertThat(TestApplication.cli("blocklist", "add", "203.0.113.200", "--type", "IP", "--reason", "spam source")
                .exitCode()).isZero();
        assertThat(TestApplication.cli("blocklist", "add", "203.0.113.201", "--type", "IP", "--reason", "abuse",
                "--not-delistable").exitCode()).isZero();
        String sender = "someone@" + unique() + ".example";
        String inbox = tenant.user("inbox");
        assertThat(ask(rcpt("", sender, inbox, "203.0.113.200"))).isEqualTo("action=550 5.7.606 Access denied, "
                + "banned sending IP [203.0.113.200]. To request removal from this list please visit "
                + TestApplication.uri("/delist") + " and follow the directions.");
        assertThat(ask(rcpt("", sender, inbox, "203.0.113.201"))).startsWith("action=550 5.7.511 Access denied, "
                + "banned sender [203.0.113.201]. To request removal from this list, contact ");
        assertThat(ask(rcpt("", sender, inbox, "203.0.113.202"))).isEqualTo(DUNNO);
        assertThat(ask(rcpt("", "", inbox, "203.0.113.200"))).as("a bounce (the null sender) from there")
                .startsWith("action=550 5.7.606 ");
        assertThat(ask(endOfMessage(instance(), queueId(), "", sender, 1, inbox, "203.0.113.200")))
                .as("each recipient was checked as it came").isEqualTo(DUNNO);
    }

    private static String ask(Map<String, String> request) {
        try (PolicyClient client = new PolicyClient()) {
            return client.ask(request);
        }
    }

    private static String restricted(TenantClient tenant, String local) {
        String user = tenant.user(local);
        TestApplication.CliResult added = TestApplication.cli("restricted", "add", "--tenant", tenant.name, user,
                "--reason", "compromised");
        assertThat(added.exitCode()).as(added.err()).isZero();
        return user;
    }

    /** A recipient of a new transaction from outside the submitter networks. */
    private static Map<String, String> rcpt(String login, String sender, String recipient) {
        return rcpt(login, sender, recipient, OUTSIDE);
    }

    private static Map<String, String> rcpt(String login, String sender, String recipient, String client) {
        return rcpt(instance(), login, sender, recipient, client);
    }

    private static Map<String, String> rcpt(String instance, String login, String sender, String recipient,
                                            String client) {
        return PolicyClient.postfixRequest("RCPT", instance, login, client, sender, recipient);
    }

    /** A SASL user's message: Postfix names the recipient only when there is one. */
    private static Map<String, String> endOfMessage(String instance, String queueId, String user, int recipients,
                                                    String onlyRecipient) {
        return endOfMessage(instance, queueId, user, user, recipients, onlyRecipient, OUTSIDE);
    }

    private static Map<String, String> endOfMessage(String instance, String queueId, String login, String sender,
                                                    int recipients, String onlyRecipient, String client) {
        Map<String, String> request = PolicyClient.postfixRequest("END-OF-MESSAGE", instance, login, client, sender,
                onlyRecipient);
        request.put("queue_id", queueId);
        request.put("recipient_count", String.valueOf(recipients));
        request.put("size", "2048");
        return request;
    }

    /** Like Postfix's: unique per transaction. */
    private static String instance() {
        String hex = UUID.randomUUID().toString().replace("-", "").toUpperCase();
        return hex.substring(0, 5) + "." + hex.substring(5, 13) + "." + hex.substring(13, 18) + ".0";
    }

    private static String queueId() {
        return "4" + UUID.randomUUID().toString().replace("-", "").substring(0, 11).toUpperCase();
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
