package org.senderguard.archfixture;

/** Breaks: every class must belong to a layer. */
public class Unassigned {
}
