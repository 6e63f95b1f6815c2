package org.senderguard.archfixture.application.service;

public class SomeService {
}
