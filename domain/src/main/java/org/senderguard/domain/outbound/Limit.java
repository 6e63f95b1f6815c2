package org.senderguard.domain.outbound;

/** The limits of an outbound spam policy, and the reason a user was restricted by hand. */
public enum Limit {
    EXTERNAL_RECIPIENTS_PER_HOUR("more than %d external recipients in the last hour"),
    INTERNAL_RECIPIENTS_PER_HOUR("more than %d internal recipients in the last hour"),
    RECIPIENTS_PER_DAY("more than %d recipients today (UTC)"),
    SPAM_MESSAGES_PER_HOUR("more than %d spam messages in the last hour"),
    MANUAL("restricted by Support");

    private final String description;

    Limit(String description) {
        this.description = description;
    }

    /** Says in words which limit was passed, e.g. "more than 500 external recipients in the last hour". */
    public String describe(int value) {
        return String.format(description, value);
    }
}
