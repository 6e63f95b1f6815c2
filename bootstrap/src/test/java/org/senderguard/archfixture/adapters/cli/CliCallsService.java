package org.senderguard.archfixture.adapters.cli;

import org.senderguard.archfixture.application.service.SomeService;

/** Breaks: an adapter reaches past the ports to a service. */
public class CliCallsService {

    private final SomeService service;

    public CliCallsService(SomeService service) {
        this.service = service;
    }
}
