package org.senderguard.domain.common;

/** A value given from outside breaks a rule; the message names the field and the rule. */
public final class InvalidValueException extends DomainException {

    private final String field;

    public InvalidValueException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    @Override
    public String type() {
        return "invalid-value";
    }
}
