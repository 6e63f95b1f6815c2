package org.senderguard.adapters.cli.reputation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.senderguard.adapters.cli.Table;
import org.senderguard.domain.reputation.ThirdPartyList;

@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ThirdPartyListView(String name, String description, List<String> lists, @Nullable String zone,
                                 String answers, @Nullable String delistUrl, @Nullable String infoUrl,
                                 boolean enabled) {

    static ThirdPartyListView from(ThirdPartyList list) {
        return new ThirdPartyListView(list.name(), list.description(),
                list.lists().stream().map(Enum::name).sorted().toList(), list.zone(), list.scheme().name(),
                list.delistUrl(), list.infoUrl(), list.enabled());
    }

    static Table table(List<ThirdPartyListView> lists) {
        Table table = Table.withHeaders("NAME", "LISTS", "ZONE", "ANSWERS", "ENABLED", "DELIST AT");
        lists.forEach(l -> table.row(l.name, String.join(",", l.lists), l.zone == null ? "-" : l.zone, l.answers,
                l.enabled ? "yes" : "no", l.delistUrl == null ? "" : l.delistUrl));
        return table;
    }
}
