package org.senderguard.domain.outbound;

/** What a sender has sent in the current windows: the rolling hour and the UTC day. */
public record SendingUsage(int externalLastHour, int internalLastHour, int recipientsToday, int spamMessagesLastHour) {

    public static final SendingUsage NONE = new SendingUsage(0, 0, 0, 0);

    /** The usage once {@code message} is counted too. */
    public SendingUsage plus(MessageWeight message) {
        return new SendingUsage(externalLastHour + message.external(), internalLastHour + message.internal(),
                recipientsToday + message.external() + message.internal(), spamMessagesLastHour + message.spam());
    }
}
