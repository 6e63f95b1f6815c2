package org.senderguard.application.port.in;

public interface CreateApiKeyUseCase {

    IssuedApiKey create(CreateApiKeyCommand command);
}
