package org.senderguard.application.port.out;

import java.time.Instant;
import org.senderguard.domain.common.EmailAddress;

/** Sends the delist portal's confirmation link; throws when the mail cannot be handed to the relay. */
public interface DelistLinkMailer {

    void send(EmailAddress to, String ip, String link, Instant expiresAt);
}
