package org.senderguard.adapters.rest.mailflow;

import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import org.senderguard.domain.mailflow.Decision;

/** The Contract's answer: the action, and for a rejection the SMTP reply and the NDR (null otherwise, shown as null). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DecisionResponse(String action, @Nullable String smtpReply, @Nullable Ndr ndr) {

    @Serdeable
    public record Ndr(String text) {
    }

    public static DecisionResponse from(Decision decision) {
        return new DecisionResponse(decision.action().name(),
                decision.reply() == null ? null : decision.reply().toString(),
                decision.ndr() == null ? null : new Ndr(decision.ndr().text()));
    }
}
