package org.senderguard.adapters.email;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.time.Instant;
import org.senderguard.application.port.out.DelistLinkMailer;
import org.senderguard.domain.common.EmailAddress;

/** Without a relay the portal cannot confirm anyone: every link request is reported as not mailed. */
@Singleton
@Secondary
class NoRelayDelistLinkMailer implements DelistLinkMailer {

    @Override
    public void send(EmailAddress to, String ip, String link, Instant expiresAt) {
        throw new NotMailed("no SMTP relay is configured (SENDERGUARD_SMTP_HOST)");
    }
}
