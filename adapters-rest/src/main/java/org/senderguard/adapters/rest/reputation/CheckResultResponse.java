package org.senderguard.adapters.rest.reputation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.senderguard.domain.reputation.CheckResult;

/** One third-party list's answer: LISTED, NOT_LISTED, REFUSED or ERROR, with what it means and where to delist. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CheckResultResponse(String list, String status, List<String> codes, List<String> meanings,
                                  @Nullable String detail, @Nullable String delistUrl) {

    public static CheckResultResponse from(CheckResult result) {
        return new CheckResultResponse(result.list(), result.status().name(), result.codes(), result.meanings(),
                result.detail(), result.delistUrl());
    }
}
