package org.senderguard.application.port.out;

import java.time.Instant;
import org.senderguard.domain.common.EmailAddress;

/** Sends the delist portal's confirmation link; throws when the mail cannot be handed to the relay. */
public interface DelistLinkMailer {

    /**
     * Throws {@link NotMailed} when mail cannot be sent as things are set up, {@link RecipientRefused}
     * when the relay refuses the address for good; other exceptions are failures.
     */
    void send(EmailAddress to, String ip, String link, Instant expiresAt);

    /** The link was not mailed, for a reason of the setup that its message names (no relay configured). */
    final class NotMailed extends RuntimeException {

        public NotMailed(String reason) {
            super(reason);
        }
    }

    /** The relay refused the address for good (no such mailbox, say), as its answer, one line, says. */
    final class RecipientRefused extends RuntimeException {

        public RecipientRefused(String answer) {
            super(answer);
        }
    }
}
