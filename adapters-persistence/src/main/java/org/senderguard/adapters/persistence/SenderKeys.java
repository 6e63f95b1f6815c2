package org.senderguard.adapters.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.senderguard.domain.outbound.SenderKey;

/** Senders as SQL sees them: {@code (tenant_id, address)} pairs for IN lists, and the way back from a row. */
final class SenderKeys {

    private final List<SenderKey> keys;
    private final Map<String, SenderKey> byColumns = new HashMap<>();

    SenderKeys(Collection<SenderKey> keys) {
        this.keys = List.copyOf(keys);
        this.keys.forEach(key -> byColumns.put(columns(key.tenantId().toString(), key.address().value()), key));
    }

    /** {@code (tenant_id, address) IN ((?, ?), ...)}. */
    String in() {
        return in("");
    }

    /** The same, for columns of a table alias such as {@code s.}. */
    String in(String alias) {
        return "(" + alias + "tenant_id, " + alias + "address) IN (" + Sql.rows(keys.size(), 2) + ")";
    }

    List<Object> params() {
        return keys.stream().<Object>flatMap(k -> Stream.of(k.tenantId().toString(),
                k.address().value())).toList();
    }

    SenderKey of(String tenantId, String address) {
        return byColumns.get(columns(tenantId, address));
    }

    private static String columns(String tenantId, String address) {
        return tenantId + "/" + address;
    }
}
