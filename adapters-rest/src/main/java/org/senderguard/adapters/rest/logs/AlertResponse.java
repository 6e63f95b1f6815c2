package org.senderguard.adapters.rest.logs;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import org.senderguard.domain.alert.Alert;

/** @param mail whether the alert was mailed to those it notifies ({@code NONE}, {@code PENDING}, {@code SENT}, {@code FAILED}), and how often the relay was asked */
@Serdeable
public record AlertResponse(String id, String kind, String title, String severity, String user, String detail,
                            List<String> notified, Instant createdAt, Mail mail) {

    static AlertResponse from(Alert alert) {
        return new AlertResponse(alert.id().toString(), alert.kind().name(), alert.kind().title(),
                alert.kind().severity().name(), alert.user().value(), alert.detail(),
                alert.recipients().stream().map(Object::toString).toList(), alert.createdAt(),
                new Mail(alert.mail().state().name(), alert.mail().attempts()));
    }

    @Serdeable
    public record Mail(String state, int attempts) {
    }
}
