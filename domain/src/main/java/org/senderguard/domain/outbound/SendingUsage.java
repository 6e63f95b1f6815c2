package org.senderguard.domain.outbound;

/** What a sender has sent in the current windows: the rolling hour and the UTC day. */
public record SendingUsage(int externalLastHour, int internalLastHour, int recipientsToday, int spamMessagesLastHour) {

    public static final SendingUsage NONE = new SendingUsage(0, 0, 0, 0);
}
