package org.senderguard.application.port.in;

import org.senderguard.domain.apikey.ApiKey;
import org.senderguard.domain.apikey.ApiKeyToken;

/** A freshly created key together with its token, which exists only here and is never stored. */
public record IssuedApiKey(ApiKey key, ApiKeyToken token) {
}
