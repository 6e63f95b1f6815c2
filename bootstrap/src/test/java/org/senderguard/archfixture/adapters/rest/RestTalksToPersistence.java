package org.senderguard.archfixture.adapters.rest;

import jakarta.inject.Inject;
import org.senderguard.archfixture.adapters.persistence.Store;

/** Breaks: one adapter uses another, and by field injection. */
public class RestTalksToPersistence {

    @Inject
    Store store;
}
