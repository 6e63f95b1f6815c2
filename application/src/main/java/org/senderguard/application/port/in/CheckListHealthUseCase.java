package org.senderguard.application.port.in;

import java.util.List;

public interface CheckListHealthUseCase {

    /** Checks every enabled DNS list against its test points. */
    List<ListHealth> health();
}
