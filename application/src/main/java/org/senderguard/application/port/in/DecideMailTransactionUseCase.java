package org.senderguard.application.port.in;

import java.util.concurrent.CompletableFuture;
import org.senderguard.domain.mailflow.Decision;

/**
 * Mail flow as an MTA asks for it, stage by stage of the SMTP transaction: the same rules as the
 * mail-flow API, applied to what the MTA knows. Outbound mail (a SASL login or a trusted client,
 * sending from a tenant's accepted domain) gets that tenant's outbound rules: at a recipient its
 * checks, at the end of the message its counting. Anything else is inbound, checked at each
 * recipient against the service list and the recipient tenant's lists.
 */
public interface DecideMailTransactionUseCase {

    /**
     * Completes once decided, and at the end of a message once the count is committed; or with
     * {@link org.senderguard.application.port.DatabaseUnavailableException} when no decision can be
     * made in time, or with {@link Undecidable} when the transaction lacks what a decision needs;
     * the adapter answers both according to its fail mode, never as if the mail had been checked.
     */
    CompletableFuture<Decision> decide(MailTransaction transaction);

    /**
     * The transaction cannot be decided from what the MTA reported: a submission with nobody to
     * count it against (no readable sender, and no login that is an address) would escape its
     * sender's limits and restriction if it were let through or treated as inbound mail.
     */
    final class Undecidable extends RuntimeException {

        public Undecidable(String problem) {
            super(problem, null, false, false);
        }
    }
}
