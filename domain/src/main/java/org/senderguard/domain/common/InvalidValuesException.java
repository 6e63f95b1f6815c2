package org.senderguard.domain.common;

import java.util.List;
import java.util.stream.Collectors;

/** Several fields of one request are bad at once, so that a form can show each error next to its field. */
public final class InvalidValuesException extends DomainException {

    private final List<InvalidValueException> errors;

    public InvalidValuesException(List<InvalidValueException> errors) {
        super(errors.stream().map(InvalidValueException::getMessage).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<InvalidValueException> errors() {
        return errors;
    }

    @Override
    public String type() {
        return "invalid-value";
    }
}
