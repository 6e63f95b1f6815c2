package org.senderguard.adapters.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmtpSettingsTest {

    @ParameterizedTest
    @CsvSource({
            "relay.example.com, senderguard@relay.example.com",
            "192.0.2.25,        senderguard@[192.0.2.25]",
            "2001:db8::25,      senderguard@[IPv6:2001:db8::25]",
            "[2001:db8::25],    senderguard@[IPv6:2001:db8::25]",
    })
    void theDefaultSenderIsAnAddressARelayTakesForAHostNameOrAnIpAddress(String host, String from) {
        assertThat(new SmtpSettings(host, null, null, null, null, null).fromOrDefault()).isEqualTo(from);
        assertThat(new SmtpSettings(host, null, "alerts@example.com", null, null, null).fromOrDefault())
                .isEqualTo("alerts@example.com");
    }
}
