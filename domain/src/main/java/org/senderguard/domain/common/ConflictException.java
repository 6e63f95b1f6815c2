package org.senderguard.domain.common;

/** The request is well-formed but clashes with the current state, e.g. a name already taken. */
public class ConflictException extends DomainException {

    private final String type;

    public ConflictException(String type, String message) {
        super(message);
        this.type = type;
    }

    @Override
    public String type() {
        return type;
    }
}
