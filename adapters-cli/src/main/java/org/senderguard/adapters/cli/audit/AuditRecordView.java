package org.senderguard.adapters.cli.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import org.senderguard.domain.audit.AuditRecord;

@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuditRecordView(String id, Instant at, String actor, String action, String target,
                              @Nullable String before, @Nullable String after) {

    static AuditRecordView from(AuditRecord record) {
        return new AuditRecordView(record.id().toString(), record.at(), record.actor().value(), record.action(),
                record.target(), record.before(), record.after());
    }
}
