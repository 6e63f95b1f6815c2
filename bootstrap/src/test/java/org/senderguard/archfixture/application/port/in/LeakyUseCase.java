package org.senderguard.archfixture.application.port.in;

import org.senderguard.archfixture.application.port.out.SomePort;

/** Breaks: an in-port exposes an out-port. */
public interface LeakyUseCase {

    SomePort port();
}
