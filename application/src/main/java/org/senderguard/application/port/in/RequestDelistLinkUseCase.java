package org.senderguard.application.port.in;

/**
 * The delist portal's first step: mail a single-use confirmation link to the address. The answer is
 * the same whether or not anything is listed, so the portal cannot be used to probe the lists.
 */
public interface RequestDelistLinkUseCase {

    /**
     * True when the link was mailed; false when the mail could not be sent (the request is kept as
     * {@code MAIL_FAILED}). Throws TooManyRequestsException over the client's or the address's limit.
     */
    boolean requestLink(DelistLinkCommand command);
}
