package org.senderguard.archfixture.adapters.persistence;

public class Store {
}
