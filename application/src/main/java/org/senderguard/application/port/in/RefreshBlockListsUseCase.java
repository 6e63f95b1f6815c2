package org.senderguard.application.port.in;

public interface RefreshBlockListsUseCase {

    /** Applies the block-list changes committed since the last refresh, by any instance, to this one's index. */
    void refresh();
}
