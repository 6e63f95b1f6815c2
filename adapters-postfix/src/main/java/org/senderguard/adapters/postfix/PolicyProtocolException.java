package org.senderguard.adapters.postfix;

/**
 * A client broke the policy protocol in a way that leaves nothing sensible to answer (a line too
 * long, binary junk, a line that is no attribute): its connection is closed. The message is the
 * reason, for the one log line that names the client.
 */
final class PolicyProtocolException extends RuntimeException {

    PolicyProtocolException(String reason) {
        super(reason, null, false, false);
    }
}
