package org.senderguard.adapters.rest.logs;

import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import org.senderguard.domain.audit.AuditRecord;

@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuditRecordResponse(String id, String actor, String action, String target, @Nullable String before,
                                  @Nullable String after, Instant at) {

    static AuditRecordResponse from(AuditRecord record) {
        return new AuditRecordResponse(record.id().toString(), record.actor().value(), record.action(),
                record.target(), record.before(), record.after(), record.at());
    }
}
