package org.senderguard.domain.mailflow;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.StringJoiner;
import org.senderguard.domain.common.EmailAddress;

/** The rejections of mail flow, with non-delivery reports that say what happened and what to do. */
public final class Rejections {

    public static final SmtpReply RESTRICTED_SENDER =
            SmtpReply.rejection("5.1.8", "Access denied, bad outbound sender");
    public static final SmtpReply UNREGISTERED_DOMAIN = SmtpReply.rejection("5.7.750",
            "Service unavailable. Client blocked from sending from unregistered domains");
    public static final SmtpReply RECIPIENT_BLOCK_LIST = SmtpReply.rejection("5.7.1",
            "Message rejected: the sender or a link in the message is blocked by the recipient's organization");

    private static final int REPLY_NAMES = 300;
    private static final int REPORT_NAMES = 10_000;

    private Rejections() {
    }

    public static Decision restrictedSender(EmailAddress sender, String reason) {
        return reject(RESTRICTED_SENDER, """
                Your message wasn't delivered because your account, %s, has been blocked from sending email.

                Why: %s. Accounts are blocked like this when they send unusually much mail or mail that \
                looks like spam, which usually means someone else has taken control of the account.

                What to do:
                1. Secure your account: change your password now, and turn on multi-factor sign-in if you can.
                2. Check your mailbox settings for forwarding and inbox rules you did not create, and remove them.
                3. Scan your computer and phone for malware with up-to-date security software.
                4. Ask your email administrator to unblock you. They can do it from the restricted users list. \
                If you have been unblocked several times recently, your administrator will need to contact Support.

                Messages you send while blocked are not delivered; send them again once you are unblocked.
                """.formatted(sender, reason), "Secure your account (password, forwarding and inbox rules, malware), "
                + "then ask your email administrator to unblock you");
    }

    /**
     * @param sender what the message is sent from, escaped by the caller if it is no address
     * @param domain its domain, or the whole sender when it names none
     */
    public static Decision unregisteredDomain(String sender, String domain) {
        return reject(UNREGISTERED_DOMAIN, """
                Your message wasn't delivered because it was sent from %s, and %s is not one of your \
                organization's registered (accepted) domains. The service only relays mail from domains your \
                organization has registered, so that nobody can send in another organization's name.

                What to do:
                1. Check the address you send from: it must end in one of your organization's domains.
                2. If %s is your organization's domain, ask your email administrator to add it as an accepted \
                domain, then send the message again.
                """.formatted(sender, domain, domain),
                "Send from one of your organization's accepted domains");
    }

    /**
     * Outbound: some recipients are on the sender's own organization's block list. The reply names as
     * many as fit in a reply line (SMTP allows 512 octets), the report as many as a person reads.
     */
    public static Decision blockedRecipients(List<EmailAddress> recipients) {
        return reject(SmtpReply.rejection("5.7.703", "Your message can't be delivered because messages to "
                + named(recipients, REPLY_NAMES) + " are blocked by your organization"), """
                Your message wasn't delivered because your organization blocks mail to %s.

                Your email administrator has put these recipients, or their domain, on your organization's \
                block list, usually because mail to them was unwanted or unsafe. None of the recipients \
                received the message.

                What to do:
                1. If you did not mean to write to these recipients, there is nothing to do.
                2. If you need to reach them, ask your email administrator to remove them from your \
                organization's block list, then send the message again.
                """.formatted(named(recipients, REPORT_NAMES)), null);
    }

    /** The first recipients, as many as fit in {@code budget} characters (the first always), and how many more. */
    private static String named(List<EmailAddress> recipients, int budget) {
        StringJoiner names = new StringJoiner(", ");
        int named = 0;
        for (EmailAddress recipient : recipients) {
            if (named > 0 && names.length() + 2 + recipient.value().length() > budget) {
                break;
            }
            names.add(recipient.value());
            named++;
        }
        int more = recipients.size() - named;
        return more == 0 ? names.toString()
                : names + " and " + more + " more recipient" + (more == 1 ? "" : "s");
    }

    /** Inbound: the client IP is on the service block list, and the sender can delist it through the portal. */
    public static Decision delistableIp(String ip, String portalUrl) {
        return reject(SmtpReply.rejection("5.7.606", "Access denied, banned sending IP [" + ip + "]. To request "
                + "removal from this list please visit " + portalUrl + " and follow the directions."), """
                Your message wasn't delivered because it came from the IP address %s, which is on our block list. \
                Addresses are listed when spam or other unwanted mail comes from them.

                What to do:
                1. Make sure the mail server at %s is secure and sends only mail you mean to send (check for \
                compromised accounts, open relays and malware).
                2. Visit %s?ip=%s, enter your email address (the IP address %s is filled in), and follow the \
                link we send you to remove the address from the list.
                3. Send your message again.
                """.formatted(ip, ip, portalUrl, URLEncoder.encode(ip, StandardCharsets.UTF_8), ip), null);
    }

    /** Inbound: the sender, its domain, a link in the message or the client IP is banned for good. */
    public static Decision bannedSender(String ip, String supportContact) {
        return reject(SmtpReply.rejection("5.7.511", "Access denied, banned sender [" + ip + "]. To request "
                + "removal from this list, contact " + supportContact + "."), """
                Your message wasn't delivered because the sender, the sending IP address %s or a link in the \
                message is on our block list, and this listing cannot be removed through the self-service portal.

                What to do:
                1. Make sure your mail server and accounts are secure and that your messages link only to \
                safe sites.
                2. Contact %s, quoting this message, to ask for the listing to be reviewed.
                """.formatted(ip, supportContact), null);
    }

    /** Inbound: third-party DNS block lists list the sending IP address or the sender's domain. */
    public static Decision listedByThirdParty(String ip, List<String> lists) {
        String names = String.join(", ", lists);
        return reject(SmtpReply.rejection("5.7.1", "Service unavailable; client host [" + ip + "] or sender domain "
                + "blocked using " + names), """
                Your message wasn't delivered because the sending IP address %s or your domain is listed on \
                %s, public block lists that the recipient's organization consults.

                What to do:
                1. Look the address and the domain up on the website of %s to see why they are listed.
                2. Fix the cause (a compromised account or server, an open relay, malware), then follow that \
                list's delisting procedure.
                3. Send your message again once the listing is gone.
                """.formatted(ip, names, names), "Ask " + names + " to delist you");
    }

    /** Inbound: the recipient's organization has blocked the sender, its domain or a link in the message. */
    public static Decision blockedByRecipient() {
        return reject(RECIPIENT_BLOCK_LIST, """
                Your message wasn't delivered because the organization you wrote to has blocked your address, \
                your domain or a website your message links to.

                What to do:
                1. Contact the person you wrote to by another way (phone, another email address) and ask them \
                to have their email administrator remove the block.
                2. Send your message again once the block is removed.
                """, "Ask the recipient to have the block removed");
    }

    private static Decision reject(SmtpReply reply, String ndrText, String nextStep) {
        return Decision.reject(reply, new Ndr(ndrText, nextStep));
    }
}
