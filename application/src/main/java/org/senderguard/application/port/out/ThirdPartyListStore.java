package org.senderguard.application.port.out;

import java.util.List;
import java.util.Optional;
import org.senderguard.domain.reputation.ThirdPartyList;

/** The catalog of third-party lists, by name. */
public interface ThirdPartyListStore {

    List<ThirdPartyList> findAll();

    Optional<ThirdPartyList> find(String name);

    /** Adds the lists that are not there yet (by name); changes none. */
    void addMissing(List<ThirdPartyList> lists);

    void insert(ThirdPartyList list);

    void update(ThirdPartyList list);
}
