package org.senderguard.archfixture.application.port.out;

public interface SomePort {
}
