package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.senderguard.application.port.in.DecideMailTransactionUseCase;
import org.senderguard.application.port.in.MailTransaction;
import org.senderguard.application.port.in.MailTransaction.Stage;
import org.senderguard.domain.blocklist.Probe;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.mailflow.Decision;
import org.senderguard.domain.mailflow.MailFlowAction;

/**
 * Mail flow as an MTA asks for it, through the in-port every MTA adapter uses: which mail is a
 * tenant's outbound mail, what each stage decides and counts, and spam verdicts reported later
 * through the REST API.
 */
class MailTransactionTest {

    private static final String OUTSIDE_CLIENT = "100.64.77.50";

    private final DecideMailTransactionUseCase mailFlow =
            TestApplication.context().getBean(DecideMailTransactionUseCase.class);

    @Test
    void aLoginOrATrustedClientSendingFromATenantsDomainIsThatTenantsOutboundMail() {
        TenantClient tenant = new TenantClient();
        String sender = tenant.user("dan");
        restrict(tenant, sender);

        assertThat(recipient(sender, sender, false, OUTSIDE_CLIENT).reply().enhancedCode())
                .as("a SASL login").isEqualTo("5.1.8");
        assertThat(recipient(null, sender, true, "127.0.0.1").reply().enhancedCode())
                .as("a trusted client without a login").isEqualTo("5.1.8");
        assertThat(mailFlow.decide(new MailTransaction(Stage.RECIPIENT, null, Probe.ip(OUTSIDE_CLIENT), sender, false,
                null, null, addresses("someone@elsewhere.example"), 1)).join().reply().enhancedCode())
                .as("a login sending with the null sender answers for it").isEqualTo("5.1.8");
        assertThat(recipient(null, sender, false, OUTSIDE_CLIENT).action())
                .as("anyone else sending in the tenant's name is inbound mail").isEqualTo(MailFlowAction.ACCEPT);
        assertThat(recipient("dan", "dan@mail." + tenant.domain, false, OUTSIDE_CLIENT).action())
                .as("a login without a domain, from a subdomain: the tenant's, not restricted")
                .isEqualTo(MailFlowAction.DELIVER);
    }

    @Test
    void aSubmissionWithNobodyToCountItAgainstIsUndecidableNotInbound() {
        TenantClient tenant = new TenantClient();
        String quoted = "\"dan x\"@" + tenant.domain;
        assertThat(mailFlow.decide(transaction("dan", false, null, null)))
                .as("the empty sender from a login that is no address").failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(ExecutionException.class).havingCause()
                .isInstanceOf(DecideMailTransactionUseCase.Undecidable.class)
                .withMessage("the empty sender from the login 'dan', which is no address either: "
                        + "nobody to count the message against");
        assertThat(mailFlow.decide(transaction(null, true, null, quoted)))
                .as("an unreadable sender from a submitter network").failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(ExecutionException.class).havingCause()
                .isInstanceOf(DecideMailTransactionUseCase.Undecidable.class)
                .withMessageContaining("a submitter network");
        assertThat(mailFlow.decide(transaction(tenant.user("dan"), false, null, quoted)).join().action())
                .as("an unreadable sender counts as its login").isEqualTo(MailFlowAction.DELIVER);
        assertThat(mailFlow.decide(transaction(null, true, null, null)).join().action())
                .as("a trusted client's bounce is nobody's submission: inbound").isEqualTo(MailFlowAction.ACCEPT);
        assertThat(mailFlow.decide(transaction(null, false, null, quoted)).join().action())
                .as("an unreadable sender from elsewhere: inbound").isEqualTo(MailFlowAction.ACCEPT);
    }

    /** Counted against its login, an unreadable sender is still the name the message is sent in. */
    @Test
    void aLoginSendingAsAnUnreadableSenderOfAnotherDomainIsRefused() {
        TenantClient tenant = new TenantClient();
        TenantClient other = new TenantClient();
        String login = tenant.user("dan");
        for (String foreign : List.of("\"c e o\"@" + other.domain, "c e o@" + other.domain, "ceo", "a..b@bank.example")) {
            Decision atRecipient = mailFlow.decide(transaction(login, false, null, foreign)).join();
            assertThat(atRecipient.reply().toString()).as(foreign)
                    .isEqualTo("550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains");
            assertThat(mailFlow.decide(new MailTransaction(Stage.END_OF_MESSAGE, "t-" + UUID.randomUUID(),
                    Probe.ip(OUTSIDE_CLIENT), login, false, null, foreign, addresses("x@elsewhere.example"), 1))
                    .join().action()).as(foreign).isEqualTo(MailFlowAction.REJECT);
        }
        assertThat(mailFlow.decide(transaction(login, false, null, "c e o@" + other.domain)).join().ndr().text())
                .contains("sent from c e o@" + other.domain + ", and " + other.domain + " is not one of your");
        assertThat(mailFlow.decide(transaction(login, false, null, "c e o@" + tenant.domain)).join().action())
                .as("its own domain").isEqualTo(MailFlowAction.DELIVER);
    }

    private static MailTransaction transaction(String login, boolean trusted, EmailAddress sender, String unreadable) {
        return new MailTransaction(Stage.RECIPIENT, null, Probe.ip(OUTSIDE_CLIENT), login, trusted, sender, unreadable,
                addresses("someone@elsewhere.example"), 1);
    }

    @Test
    void aLoginOfOneTenantSendingFromADomainItDoesNotHaveIsRefused() {
        TenantClient tenant = new TenantClient();
        TenantClient other = new TenantClient();
        Decision decision = recipient(tenant.user("eve"), other.user("ceo"), false, OUTSIDE_CLIENT);
        assertThat(decision.reply().toString()).isEqualTo(
                "550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains");
        assertThat(decision.ndr().nextStep()).isNotBlank();
    }

    @Test
    void theEndOfAMessageCountsItsRecipientsOnceAndTheOneOverTheLimitRestricts() {
        TenantClient tenant = new TenantClient();
        tenant.defaultPolicy(5, 0, 0, 10, "BLOCK_USER_FOR_TODAY", List.of());
        String sender = tenant.user("fay");
        List<EmailAddress> two = addresses("a@elsewhere.example", "b@elsewhere.example");

        assertThat(endOfMessage("inst1/Q1", sender, two, 2).action()).isEqualTo(MailFlowAction.DELIVER);
        assertThat(endOfMessage("inst1/Q1", sender, two, 2).action()).as("repeated: counted once")
                .isEqualTo(MailFlowAction.DELIVER);
        assertThat(endOfMessage("inst2/Q2", sender, List.of(), 3).action())
                .as("2 + 3 unnamed recipients: at the limit").isEqualTo(MailFlowAction.DELIVER);
        Decision over = endOfMessage("inst3/Q3", sender, List.of(), 1);
        assertThat(over.reply().enhancedCode()).isEqualTo("5.1.8");
        assertThat(over.ndr().text()).contains("more than 5 external recipients in the last hour");
        assertThat(Http.get("/api/v1/restricted-users/" + sender, tenant.reader).status()).isEqualTo(200);
        assertThat(recipient(sender, sender, false, OUTSIDE_CLIENT).reply().enhancedCode())
                .as("the next recipient is refused").isEqualTo("5.1.8");
    }

    /**
     * A login that is an address of the tenant answers for its mail whatever sender it names: it is
     * counted once over all of them and, once restricted, cannot send on under another sender; and a
     * restricted sender cannot be sent as by another login either.
     */
    @Test
    void aLoginAnswersForItsMailWhateverSenderItNames() {
        TenantClient tenant = new TenantClient();
        tenant.defaultPolicy(3, 0, 0, 10, "BLOCK_USER", List.of());
        String shared = tenant.user("shared");
        restrict(tenant, shared);
        String login = tenant.user("hal");
        List<EmailAddress> two = addresses("a@elsewhere.example", "b@elsewhere.example");

        assertThat(endOfMessage("i/H1", login, tenant.user("sales"), two, 2).action()).isEqualTo(MailFlowAction.DELIVER);
        Decision over = endOfMessage("i/H2", login, tenant.user("info"), two, 2);
        assertThat(over.reply().enhancedCode()).as("2 + 2 recipients of one login, limit 3").isEqualTo("5.1.8");
        assertThat(Http.get("/api/v1/restricted-users/" + login, tenant.reader).status()).isEqualTo(200);
        assertThat(Http.get("/api/v1/restricted-users/" + tenant.user("info"), tenant.reader).status())
                .as("the sender it named is not restricted").isEqualTo(404);
        assertThat(recipient(login, tenant.user("other"), false, OUTSIDE_CLIENT).reply().enhancedCode())
                .as("the restricted login under yet another sender").isEqualTo("5.1.8");

        String ida = tenant.user("ida");
        assertThat(recipient(ida, shared, false, OUTSIDE_CLIENT).reply().enhancedCode())
                .as("another login sending as the restricted sender").isEqualTo("5.1.8");
        assertThat(endOfMessage("i/H3", ida, shared, two, 2).reply().enhancedCode()).isEqualTo("5.1.8");
        assertThat(endOfMessage("i/H4", ida, ida, two, 2).action()).as("that login as itself")
                .isEqualTo(MailFlowAction.DELIVER);
    }

    /** A restricted sender cannot send on as a subaddress of itself ({@code user+tag@}), through an MTA or the API. */
    @Test
    void aRestrictedSenderCannotSendOnAsASubaddressOfItself() {
        TenantClient tenant = new TenantClient();
        String sender = tenant.user("jan");
        restrict(tenant, sender);
        String tagged = sender.replace("@", "+news@");

        assertThat(recipient(null, tagged, true, "127.0.0.1").reply().enhancedCode()).isEqualTo("5.1.8");
        assertThat(mailFlow.decide(new MailTransaction(Stage.END_OF_MESSAGE, "i/J1", Probe.ip("127.0.0.1"), null, true,
                EmailAddress.of(tagged), null, addresses("a@elsewhere.example"), 1)).join().reply().enhancedCode())
                .isEqualTo("5.1.8");
        assertThat(tenant.outbound(tagged, List.of("a@elsewhere.example"), "CLEAN").json())
                .containsEntry("action", "REJECT");
        assertThat(tenant.outbound(tenant.user("jane+news"), List.of("a@elsewhere.example"), "CLEAN").json())
                .as("a subaddress of someone else").containsEntry("action", "DELIVER");
    }

    @Test
    void aRecipientOnTheTenantsOwnListIsRefusedAtRcpt() {
        TenantClient tenant = new TenantClient();
        String blocked = "spam-target@blocked-" + tenant.domain.replace('.', '-') + ".example";
        assertThat(TenantClient.post("/api/v1/block-list/entries", tenant.admin,
                Map.of("type", "SENDER", "values", List.of(blocked))).status()).isEqualTo(201);
        Decision decision = mailFlow.decide(new MailTransaction(Stage.RECIPIENT, null, Probe.ip(OUTSIDE_CLIENT),
                tenant.user("gil"), false, EmailAddress.of(tenant.user("gil")), null, addresses(blocked), 1)).join();
        assertThat(decision.reply().enhancedCode()).isEqualTo("5.7.703");
        assertThat(decision.reply().text()).contains(blocked);
    }

    @Test
    void aSpamVerdictCountsOnceInEitherOrderAndRoutesTheSendersMailThroughTheHighRiskPool() {
        TenantClient tenant = new TenantClient();
        tenant.defaultPolicy(100, 100, 1000, 2, "BLOCK_USER_FOR_TODAY", List.of());
        String sender = tenant.user("hal");
        List<EmailAddress> one = addresses("x@elsewhere.example");
        assertThat(endOfMessage("i/A", sender, one, 1).action()).isEqualTo(MailFlowAction.DELIVER);

        assertThat(verdict(tenant, "A", sender, "SPAM")).containsEntry("counted", true)
                .containsEntry("senderRestricted", false);
        assertThat(verdict(tenant, "A", sender, "SPAM")).as("reported again").containsEntry("counted", false);
        assertThat(verdict(tenant, "B", sender, "CLEAN")).as("clean mail counts nothing")
                .containsEntry("counted", false);
        assertThat(endOfMessage("i/B", sender, one, 1).action()).as("a sender with spam this hour")
                .isEqualTo(MailFlowAction.DELIVER_HIGH_RISK_POOL);

        assertThat(verdict(tenant, "C", sender, "PHISH")).as("reported before its end of message")
                .containsEntry("counted", true).containsEntry("senderRestricted", false);
        assertThat(endOfMessage("i/C", sender, one, 1).action()).isEqualTo(MailFlowAction.DELIVER_HIGH_RISK_POOL);
        Map<String, Object> third = verdict(tenant, "D", sender, "SPAM");
        assertThat(third).as("the third spam message of the hour goes over the limit of 2")
                .containsEntry("counted", false).containsEntry("senderRestricted", true);
        assertThat(endOfMessage("i/D", sender, one, 1).reply().enhancedCode()).isEqualTo("5.1.8");
    }

    @Test
    void aMessagesVerdictCountsOnceWhateverVerdictOrSubaddressARepeatNames() {
        TenantClient tenant = new TenantClient();
        String sender = tenant.user("ike");
        assertThat(verdict(tenant, "Q", sender, "SPAM")).containsEntry("counted", true);
        assertThat(verdict(tenant, "Q", sender, "PHISH")).as("another verdict").containsEntry("counted", false);
        assertThat(verdict(tenant, "Q", tenant.user("ike+x"), "SPAM")).as("a subaddress of its sender")
                .containsEntry("counted", false);
    }

    @Test
    void aVerdictNamingTheLoginCountsAgainstItWhateverSenderTheMessageNamed() {
        TenantClient tenant = new TenantClient();
        tenant.defaultPolicy(100, 100, 1000, 2, "BLOCK_USER_FOR_TODAY", List.of());
        String login = tenant.user("jan");
        List<EmailAddress> one = addresses("x@elsewhere.example");
        assertThat(endOfMessage("i/L1", login, tenant.user("rotated-l1"), one, 1).action())
                .isEqualTo(MailFlowAction.DELIVER);
        assertThat(endOfMessage("i/L2", login, tenant.user("rotated-l2"), one, 1).action())
                .isEqualTo(MailFlowAction.DELIVER);
        for (String queueId : List.of("L1", "L2")) {
            assertThat(verdict(tenant, queueId, tenant.user("rotated-" + queueId.toLowerCase()), login, "SPAM"))
                    .containsEntry("counted", true);
        }
        assertThat(verdict(tenant, "L1", tenant.user("rotated-l1"), null, "SPAM"))
                .as("a message reported again without its login").containsEntry("counted", false);
        assertThat(endOfMessage("i/L3", login, tenant.user("rotated-l3"), one, 1).action())
                .as("the login has spam this hour").isEqualTo(MailFlowAction.DELIVER_HIGH_RISK_POOL);
        assertThat(verdict(tenant, "L3", tenant.user("rotated-l3"), login, "SPAM"))
                .as("its third spam message of the hour").containsEntry("senderRestricted", true);
        assertThat(endOfMessage("i/L4", login, tenant.user("rotated-l4"), one, 1).reply().enhancedCode())
                .isEqualTo("5.1.8");
        assertThat(verdict(tenant, "L5", tenant.user("kim"), "someone@another.example", "SPAM"))
                .as("a login of another organisation: its sender answers").containsEntry("counted", true);
        assertThat(verdict(tenant, "L6", tenant.user("kim"), "kim", "SPAM")).as("a login that is no address")
                .containsEntry("counted", true).containsEntry("senderRestricted", false);
        assertThat(verdict(tenant, "L6", tenant.user("kim"), null, "SPAM")).as("the same message without its login")
                .containsEntry("counted", false);
    }

    @Test
    void verdictReportsNameTheirMessageAndAValidVerdict() {
        TenantClient tenant = new TenantClient();
        Http.Response unnamed = TenantClient.post("/api/v1/mail-flow/verdicts", tenant.mailFlow,
                Map.of("sender", tenant.user("ivy"), "verdict", "SPAM"));
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.body()).contains("queueId");
        Http.Response badVerdict = TenantClient.post("/api/v1/mail-flow/verdicts", tenant.mailFlow,
                Map.of("messageId", "<m@x>", "sender", tenant.user("ivy"), "verdict", "EVIL"));
        assertThat(badVerdict.status()).isEqualTo(400);
        assertThat(badVerdict.body()).contains("verdict");
        assertThat(TenantClient.post("/api/v1/mail-flow/verdicts", tenant.reader,
                Map.of("messageId", "<m@x>", "sender", tenant.user("ivy"), "verdict", "SPAM")).status())
                .as("mail flow's role only").isEqualTo(403);
    }

    @Test
    void inboundMailIsCheckedAtEachRecipientAgainstTheServiceAndTheRecipientTenantsLists() {
        TenantClient tenant = new TenantClient();
        String ip = TestApplication.uniqueNet() + "1";
        assertThat(TestApplication.cli("blocklist", "add", ip, "--type", "IP", "--reason", "test").exitCode())
                .isZero();
        Decision listed = inbound(ip, "someone@outside.example", tenant.user("jo"));
        assertThat(listed.reply().toString()).startsWith("550 5.7.606 Access denied, banned sending IP [" + ip + "]")
                .contains("/delist");
        assertThat(inbound(ip, "someone@outside.example", "nobody@no-tenant.example").reply().enhancedCode())
                .as("the service list applies to recipients of no tenant too").isEqualTo("5.7.606");
        assertThat(inbound(OUTSIDE_CLIENT, "someone@outside.example", tenant.user("jo")).action())
                .isEqualTo(MailFlowAction.ACCEPT);
        assertThat(mailFlow.decide(new MailTransaction(Stage.END_OF_MESSAGE, "i/E", Probe.ip(ip), null, false,
                EmailAddress.of("someone@outside.example"), null, List.of(), 1)).join().action())
                .as("inbound: decided at each recipient").isEqualTo(MailFlowAction.ACCEPT);
    }

    /**
     * A sender the MTA passes with a local part senderguard cannot read (Postfix takes quoted ones,
     * and invisible characters in 8-bit ones) is looked up by its domain, so that the domain's listings still refuse it.
     */
    @Test
    void inboundMailFromASenderWhoseDomainAloneCanBeReadIsCheckedByThatDomain() {
        TenantClient tenant = new TenantClient();
        String listed = "listed-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        assertThat(TestApplication.cli("blocklist", "add", listed, "--type", "DOMAIN", "--reason", "spam run",
                "--not-delistable").exitCode()).isZero();
        for (String unreadable : List.of("\"x y\"@" + listed, "a\u200bb@" + listed, "a..b@" + listed)) {
            assertThat(mailFlow.decide(new MailTransaction(Stage.RECIPIENT, null, Probe.ip(OUTSIDE_CLIENT), null,
                    false, null, unreadable, addresses(tenant.user("jo")), 1)).join().reply().enhancedCode())
                    .as(unreadable).isEqualTo("5.7.511");
        }
        assertThat(mailFlow.decide(new MailTransaction(Stage.RECIPIENT, null, Probe.ip(OUTSIDE_CLIENT), null, false,
                null, "x@[192.0.2.1]", addresses(tenant.user("jo")), 1)).join().action())
                .as("nothing of it can be read: no listing matches").isEqualTo(MailFlowAction.ACCEPT);
    }

    private Decision recipient(String login, String sender, boolean trusted, String client) {
        return mailFlow.decide(new MailTransaction(Stage.RECIPIENT, null, Probe.ip(client), login, trusted,
                EmailAddress.of(sender), null, addresses("someone@elsewhere.example"), 1)).join();
    }

    private Decision endOfMessage(String transaction, String sender, List<EmailAddress> recipients, int count) {
        return endOfMessage(transaction, sender, sender, recipients, count);
    }

    private Decision endOfMessage(String transaction, String login, String sender, List<EmailAddress> recipients,
                                  int count) {
        return mailFlow.decide(new MailTransaction(Stage.END_OF_MESSAGE, transaction, Probe.ip(OUTSIDE_CLIENT),
                login, false, EmailAddress.of(sender), null, recipients, count)).join();
    }

    private Decision inbound(String client, String sender, String recipient) {
        return mailFlow.decide(new MailTransaction(Stage.RECIPIENT, null, Probe.ip(client), null, false,
                EmailAddress.of(sender), null, addresses(recipient), 1)).join();
    }

    private static Map<String, Object> verdict(TenantClient tenant, String queueId, String sender, String verdict) {
        return verdict(tenant, queueId, sender, null, verdict);
    }

    private static Map<String, Object> verdict(TenantClient tenant, String queueId, String sender, String login,
                                               String verdict) {
        Map<String, Object> report = new HashMap<>(Map.of("queueId", queueId, "sender", sender, "verdict", verdict));
        if (login != null) {
            report.put("login", login);
        }
        Http.Response response = TenantClient.post("/api/v1/mail-flow/verdicts", tenant.mailFlow, report);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static void restrict(TenantClient tenant, String sender) {
        assertThat(TestApplication.cli("restricted", "add", "--tenant", tenant.name, sender, "--reason", "test")
                .exitCode()).isZero();
    }

    private static List<EmailAddress> addresses(String... values) {
        return Stream.of(values).map(EmailAddress::of).toList();
    }
}
