package org.senderguard.application.port.in;

import java.util.List;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.reputation.ThirdPartyList;

/** The catalog of third-party lists: admins read it, operators extend and change it. */
public interface ThirdPartyCatalogUseCase {

    List<ThirdPartyList> lists();

    ThirdPartyList add(ThirdPartyList list, Actor actor);

    /** Replaces the list of that name (404 when there is none). */
    ThirdPartyList change(ThirdPartyList list, Actor actor);
}
