package org.senderguard.domain.common;

/** The request is well-formed but clashes with the current state, e.g. a name already taken. */
public class ConflictException extends DomainException {

    /** The type of the conflict a transaction ends with when a concurrent one won a race: worth trying again. */
    public static final String CONCURRENT_CHANGE = "conflict";

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
