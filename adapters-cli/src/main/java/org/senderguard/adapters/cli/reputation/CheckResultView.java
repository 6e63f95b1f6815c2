package org.senderguard.adapters.cli.reputation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.senderguard.adapters.cli.Table;
import org.senderguard.domain.reputation.CheckResult;

@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CheckResultView(String list, String status, List<String> codes, List<String> meanings,
                              @Nullable String detail, @Nullable String delistUrl) {

    public static CheckResultView from(CheckResult result) {
        return new CheckResultView(result.list(), result.status().name(), result.codes(), result.meanings(),
                result.detail(), result.delistUrl());
    }

    public static Table table(List<CheckResultView> results) {
        Table table = Table.withHeaders("LIST", "STATUS", "CODES", "MEANING", "DELIST AT");
        results.forEach(r -> table.row(r.list, r.status, String.join(", ", r.codes),
                r.meanings.isEmpty() ? (r.detail == null ? "" : r.detail) : String.join("; ", r.meanings),
                r.delistUrl == null ? "" : r.delistUrl));
        return table;
    }
}
