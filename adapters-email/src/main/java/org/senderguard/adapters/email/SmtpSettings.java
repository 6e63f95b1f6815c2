package org.senderguard.adapters.email;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * The SMTP relay, from {@code SENDERGUARD_SMTP_HOST}, {@code _PORT} (default 25), {@code _FROM},
 * {@code _USER}, {@code _PASSWORD} and {@code _TLS} ({@code true}: STARTTLS required).
 */
@ConfigurationProperties("senderguard.smtp")
public record SmtpSettings(String host, @Nullable Integer port, @Nullable String from, @Nullable String user,
                           @Nullable String password, @Nullable Boolean tls) {

    int portOrDefault() {
        return port == null ? 25 : port;
    }

    String fromOrDefault() {
        return from == null || from.isBlank() ? "senderguard@" + host : from;
    }
}
