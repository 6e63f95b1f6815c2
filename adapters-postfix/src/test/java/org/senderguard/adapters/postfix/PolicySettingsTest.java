package org.senderguard.adapters.postfix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.senderguard.domain.blocklist.Probe;

/** The policy server's settings: defaults, and one line naming the setting for each bad value. */
class PolicySettingsTest {

    @Test
    void defaultsApplyToWhatIsNotSet() {
        PolicySettings settings = PolicySettings.parse("10040", null, "", null, " ", null, null, null);
        assertThat(settings.hostAndPort()).isEqualTo("127.0.0.1:10040");
        assertThat(settings.failMode()).isEqualTo(FailMode.DEFER);
        assertThat(settings.highRiskTransport()).isEmpty();
        assertThat(settings.idleTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.maxConnections()).isEqualTo(1000);
        assertThat(settings.decisionTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.submitters().contain(Probe.ip("client", "127.0.0.9"))).isTrue();
        assertThat(settings.submitters().contain(Probe.ip("client", "::1"))).isTrue();
        assertThat(settings.submitters().contain(Probe.ip("client", "::ffff:127.0.0.1"))).as("IPv4-mapped").isTrue();
        assertThat(settings.submitters().contain(Probe.ip("client", "192.0.2.1"))).isFalse();
        assertThat(settings.submitters().contain(null)).isFalse();
    }

    @Test
    void everySettingIsTaken() {
        PolicySettings settings = PolicySettings.parse(" 10041 ", "::1", "10.0.0.0/8, 2001:db8::/32,192.0.2.7", "OPEN",
                "smtp-highrisk", "90s", "5", "PT2S");
        assertThat(settings.hostAndPort()).isEqualTo("[::1]:10041");
        assertThat(settings.failMode()).isEqualTo(FailMode.OPEN);
        assertThat(settings.highRiskTransport()).isEqualTo(Optional.of("smtp-highrisk"));
        assertThat(settings.idleTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.maxConnections()).isEqualTo(5);
        assertThat(settings.decisionTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.submitters().contain(Probe.ip("client", "10.200.0.1"))).isTrue();
        assertThat(settings.submitters().contain(Probe.ip("client", "2001:db8:1::5"))).isTrue();
        assertThat(settings.submitters().contain(Probe.ip("client", "192.0.2.7"))).isTrue();
        assertThat(settings.submitters().contain(Probe.ip("client", "192.0.2.8"))).isFalse();
        assertThat(settings.submitters().contain(Probe.ip("client", "127.0.0.1"))).as("the default is replaced")
                .isFalse();
        assertThat(PolicySettings.parse("1", null, "none", null, null, null, null, null).submitters()
                .contain(Probe.ip("client", "127.0.0.1"))).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "port=abc         | SENDERGUARD_POLICY_PORT: 'abc' is not a port number (1-65535)",
        "port=0           | SENDERGUARD_POLICY_PORT: '0' is not a port number (1-65535)",
        "port=65536       | SENDERGUARD_POLICY_PORT: '65536' is not a port number (1-65535)",
        "mode=closed      | SENDERGUARD_POLICY_FAIL_MODE: 'closed' is not a fail mode (defer or open)",
        "submitters=10.0.0.0/8,mail.example | SENDERGUARD_POLICY_SUBMITTERS: 'mail.example'",
        "submitters=10.0.0.1/8 | SENDERGUARD_POLICY_SUBMITTERS: '10.0.0.1/8'",
        "submitters=10.0.0.0/8,, | SENDERGUARD_POLICY_SUBMITTERS: '10.0.0.0/8,,' has an empty item",
        "transport=high risk | SENDERGUARD_POLICY_HIGH_RISK_TRANSPORT: 'high risk' is not a Postfix transport name",
        "transport=smtp:[relay] | SENDERGUARD_POLICY_HIGH_RISK_TRANSPORT: 'smtp:[relay]' is not a Postfix transport name",
        "idle=soon        | SENDERGUARD_POLICY_IDLE_TIMEOUT: 'soon' is not a duration",
        "idle=0s          | SENDERGUARD_POLICY_IDLE_TIMEOUT: '0s' must be longer than zero",
        "max=-1           | SENDERGUARD_POLICY_MAX_CONNECTIONS: '-1' is not a whole number greater than zero",
        "decision=10 s    | SENDERGUARD_POLICY_DECISION_TIMEOUT: '10 s' is not a duration",
    })
    void aBadSettingIsOneLineNamingIt(String setting, String message) {
        String name = setting.substring(0, setting.indexOf('='));
        String value = setting.substring(setting.indexOf('=') + 1);
        assertThatThrownBy(() -> PolicySettings.parse(name.equals("port") ? value : "10040", null,
                name.equals("submitters") ? value : null, name.equals("mode") ? value : null,
                name.equals("transport") ? value : null, name.equals("idle") ? value : null,
                name.equals("max") ? value : null, name.equals("decision") ? value : null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message)
                .hasNoCause()
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
