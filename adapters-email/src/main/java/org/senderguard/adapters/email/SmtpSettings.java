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

    /** {@code senderguard@} the relay's host; a relay named by its IP address gives an address literal. */
    String fromOrDefault() {
        if (from != null && !from.isBlank()) {
            return from;
        }
        String domain = host.contains(":") ? "[IPv6:" + host.replaceAll("^\\[|]$", "") + "]"
                : host.matches("[0-9.]+") ? "[" + host + "]" : host;
        return "senderguard@" + domain;
    }
}
