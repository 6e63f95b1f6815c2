package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandNamesTest {

    @Test
    void commandsAreCheckedUpToTheFirstOptionOrTheCommandThatTakesParameters() {
        assertThat(CommandNames.unknown(new String[] {"blocklist", "lookup", "198.51.100.7"})).isEmpty();
        assertThat(CommandNames.unknown(new String[] {"restricted", "unblock", "--tenant", "x", "a@b.example"})).isEmpty();
        assertThat(CommandNames.unknown(new String[] {"serve", "--port", "8080"})).isEmpty();
        assertThat(CommandNames.unknown(new String[] {"--help"})).isEmpty();
        assertThat(CommandNames.unknown(new String[] {"@commands.txt"})).as("picocli's @file").isEmpty();
        assertThat(CommandNames.unknown(new String[] {"tenant", "@commands.txt"})).isEmpty();
        assertThat(CommandNames.unknown(new String[] {})).isEmpty();
        assertThat(CommandNames.unknown(new String[] {"tenant"})).as("a group alone: picocli says what it needs")
                .isEmpty();
    }

    @Test
    void anUnknownCommandIsNamedWithWhatItsParentHas() {
        assertThat(CommandNames.unknown(new String[] {"tenant", "lsit", "--output", "json"})).hasValueSatisfying(why ->
                assertThat(why).startsWith("unknown command 'senderguard tenant lsit'; 'senderguard tenant' has ")
                        .contains("create, list"));
        assertThat(CommandNames.unknown(new String[] {"srve"})).hasValueSatisfying(why ->
                assertThat(why).contains("'senderguard srve'").contains("serve").contains("blocklist"));
    }
}
