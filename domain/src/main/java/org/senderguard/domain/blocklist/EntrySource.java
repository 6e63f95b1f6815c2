package org.senderguard.domain.blocklist;

/** How an entry got onto a block list. */
public enum EntrySource {
    MANUAL, SPAM_MESSAGE, IMPORT, THIRD_PARTY
}
