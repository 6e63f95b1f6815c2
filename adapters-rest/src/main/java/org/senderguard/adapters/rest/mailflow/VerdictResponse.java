package org.senderguard.adapters.rest.mailflow;

import io.micronaut.serde.annotation.Serdeable;
import org.senderguard.application.port.in.ReportVerdictUseCase.VerdictCounted;

/** Whether the verdict counted against the sender's spam limit, and whether the sender is restricted now. */
@Serdeable
public record VerdictResponse(boolean counted, boolean senderRestricted) {

    static VerdictResponse from(VerdictCounted counted) {
        return new VerdictResponse(counted.counted(), counted.senderRestricted());
    }
}
