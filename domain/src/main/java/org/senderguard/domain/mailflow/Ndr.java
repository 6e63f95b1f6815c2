package org.senderguard.domain.mailflow;

import org.senderguard.domain.common.EmailAddress;

/** The rejections of outbound mail, with non-delivery reports that say what happened and what to do. */
public final class Ndr {

    public static final String RESTRICTED_SENDER = "550 5.1.8 Access denied, bad outbound sender";
    public static final String UNREGISTERED_DOMAIN =
            "550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains";

    private Ndr() {
    }

    public static Decision restrictedSender(EmailAddress sender, String reason) {
        return Decision.reject(RESTRICTED_SENDER, """
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
                """.formatted(sender, reason));
    }

    public static Decision unregisteredDomain(EmailAddress sender) {
        return Decision.reject(UNREGISTERED_DOMAIN, """
                Your message wasn't delivered because it was sent from %s, and %s is not one of your \
                organization's registered (accepted) domains. The service only relays mail from domains your \
                organization has registered, so that nobody can send in another organization's name.

                What to do:
                1. Check the address you send from: it must end in one of your organization's domains.
                2. If %s is your organization's domain, ask your email administrator to add it as an accepted \
                domain, then send the message again.
                """.formatted(sender, sender.domain(), sender.domain()));
    }
}
