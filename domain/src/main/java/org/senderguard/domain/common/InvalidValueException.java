package org.senderguard.domain.common;

/** A value given from outside breaks a rule; the message names the field and the rule. */
public final class InvalidValueException extends DomainException {

    private final String type;
    private final String field;

    public InvalidValueException(String field, String message) {
        this("invalid-value", field, message);
    }

    /** A bad value with a more specific type than {@code invalid-value}, e.g. {@code confirmation-required}. */
    public InvalidValueException(String type, String field, String message) {
        super(field + ": " + message);
        this.type = type;
        this.field = field;
    }

    public String field() {
        return field;
    }

    @Override
    public String type() {
        return type;
    }
}
