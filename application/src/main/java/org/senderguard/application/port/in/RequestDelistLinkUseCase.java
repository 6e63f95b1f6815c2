package org.senderguard.application.port.in;

/**
 * The delist portal's first step: mail a single-use confirmation link to the address. The answer is
 * the same whether or not anything is listed, so the portal cannot be used to probe the lists.
 */
public interface RequestDelistLinkUseCase {

    /**
     * True when the link was mailed, or when the relay refused the address for good: answered alike,
     * so that the portal does not tell which mailboxes exist. False when the mail could not be sent
     * for now. Either way a request not mailed is kept as {@code MAIL_FAILED}. Throws
     * TooManyRequestsException over a limit.
     */
    boolean requestLink(DelistLinkCommand command);
}
