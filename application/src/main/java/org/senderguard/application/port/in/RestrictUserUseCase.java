package org.senderguard.application.port.in;

public interface RestrictUserUseCase {

    RestrictedUser restrict(RestrictUserCommand command);
}
