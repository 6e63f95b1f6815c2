package org.senderguard.archfixture.domain;

import io.micronaut.core.annotation.Introspected;
import org.senderguard.archfixture.application.port.out.SomePort;

/** Breaks: the domain reaches up into the application, knows a framework, and prints. */
@Introspected
public class DomainUsesApplication {

    public void run(SomePort port, java.sql.Connection connection) {
        System.out.println(port + " " + connection);
    }
}
