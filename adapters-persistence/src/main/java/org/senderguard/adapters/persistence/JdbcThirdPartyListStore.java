package org.senderguard.adapters.persistence;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.senderguard.application.port.out.ThirdPartyListStore;
import org.senderguard.domain.reputation.AnswerScheme;
import org.senderguard.domain.reputation.ListedKind;
import org.senderguard.domain.reputation.ThirdPartyList;

@Singleton
class JdbcThirdPartyListStore implements ThirdPartyListStore {

    private static final String INTO_THIRD_PARTY_LIST = "INTO third_party_list (description, listed_kinds, zone, scheme, "
            + "delist_url, info_url, enabled, name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final Sql sql;

    JdbcThirdPartyListStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public List<ThirdPartyList> findAll() {
        return sql.list("SELECT * FROM third_party_list ORDER BY name", JdbcThirdPartyListStore::list);
    }

    @Override
    public Optional<ThirdPartyList> find(String name) {
        return sql.one("SELECT * FROM third_party_list WHERE name = ?", JdbcThirdPartyListStore::list, name);
    }

    @Override
    public void addMissing(List<ThirdPartyList> lists) {
        lists.forEach(list -> sql.update("INSERT IGNORE " + INTO_THIRD_PARTY_LIST, params(list)));
    }

    @Override
    public void insert(ThirdPartyList list) {
        sql.update("INSERT " + INTO_THIRD_PARTY_LIST, params(list));
    }

    @Override
    public void update(ThirdPartyList list) {
        sql.update("UPDATE third_party_list SET description = ?, listed_kinds = ?, zone = ?, scheme = ?, "
                + "delist_url = ?, info_url = ?, enabled = ? WHERE name = ?", params(list));
    }

    /** The columns in the order both statements take them: the name last. */
    private static Object[] params(ThirdPartyList list) {
        return new Object[] {list.description(),
                list.lists().stream().map(Enum::name).sorted().collect(Collectors.joining(",")), list.zone(),
                list.scheme(), list.delistUrl(), list.infoUrl(), list.enabled(), list.name()};
    }

    private static ThirdPartyList list(ResultSet rs) throws SQLException {
        Set<ListedKind> kinds = EnumSet.noneOf(ListedKind.class);
        Arrays.stream(rs.getString("listed_kinds").split(",")).filter(k -> !k.isBlank())
                .map(ListedKind::valueOf).forEach(kinds::add);
        return new ThirdPartyList(rs.getString("name"), rs.getString("description"), kinds, rs.getString("zone"),
                AnswerScheme.valueOf(rs.getString("scheme")), rs.getString("delist_url"), rs.getString("info_url"),
                rs.getBoolean("enabled"));
    }
}
