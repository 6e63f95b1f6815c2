package org.senderguard.domain.common;

/** The thing a request names does not exist (or is not visible to the caller). */
public final class NotFoundException extends DomainException {

    public NotFoundException(String message) {
        super(message);
    }

    @Override
    public String type() {
        return "not-found";
    }
}
