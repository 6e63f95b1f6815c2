package org.senderguard.domain.outbound;

import java.util.Optional;
import org.senderguard.domain.common.InvalidValueException;

/**
 * A policy's limits as configured. A recipient limit of 0 means the service default (500 external
 * and 1000 internal per hour, 1000 per day); a spam limit of 0 means the default of 10 per hour.
 */
public record SendingLimits(int recipientLimitExternalPerHour, int recipientLimitInternalPerHour,
                            int recipientLimitPerDay, int spamMessageLimitPerHour) {

    public static final SendingLimits DEFAULTS = new SendingLimits(0, 0, 0, 10);
    private static final int MAX = 10_000;

    public SendingLimits {
        requireWithin("recipientLimitExternalPerHour", recipientLimitExternalPerHour);
        requireWithin("recipientLimitInternalPerHour", recipientLimitInternalPerHour);
        requireWithin("recipientLimitPerDay", recipientLimitPerDay);
        requireWithin("spamMessageLimitPerHour", spamMessageLimitPerHour);
    }

    public int externalPerHour() {
        return orDefault(recipientLimitExternalPerHour, 500);
    }

    public int internalPerHour() {
        return orDefault(recipientLimitInternalPerHour, 1000);
    }

    public int perDay() {
        return orDefault(recipientLimitPerDay, 1000);
    }

    public int spamPerHour() {
        return orDefault(spamMessageLimitPerHour, 10);
    }

    /**
     * The first limit that {@code message} would take {@code usage} past: the message that would
     * exceed a limit is the one that trips it.
     */
    public Optional<Limit> exceededBy(SendingUsage usage, MessageWeight message) {
        if (usage.externalLastHour() + message.external() > externalPerHour()) {
            return Optional.of(Limit.EXTERNAL_RECIPIENTS_PER_HOUR);
        }
        if (usage.internalLastHour() + message.internal() > internalPerHour()) {
            return Optional.of(Limit.INTERNAL_RECIPIENTS_PER_HOUR);
        }
        if (usage.recipientsToday() + message.external() + message.internal() > perDay()) {
            return Optional.of(Limit.RECIPIENTS_PER_DAY);
        }
        if (usage.spamMessagesLastHour() + message.spam() > spamPerHour()) {
            return Optional.of(Limit.SPAM_MESSAGES_PER_HOUR);
        }
        return Optional.empty();
    }

    /** The effective value of a limit, for messages that name it. */
    public int valueOf(Limit limit) {
        return switch (limit) {
            case EXTERNAL_RECIPIENTS_PER_HOUR -> externalPerHour();
            case INTERNAL_RECIPIENTS_PER_HOUR -> internalPerHour();
            case RECIPIENTS_PER_DAY -> perDay();
            case SPAM_MESSAGES_PER_HOUR -> spamPerHour();
            case MANUAL -> 0;
        };
    }

    private static int orDefault(int configured, int fallback) {
        return configured == 0 ? fallback : configured;
    }

    private static void requireWithin(String field, int value) {
        if (value < 0 || value > MAX) {
            throw new InvalidValueException(field, "must be between 0 and " + MAX + " (0 means the service default), was "
                    + value);
        }
    }
}
