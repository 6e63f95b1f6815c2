package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SettingNamesTest {

    private static final Pattern SETTING = Pattern.compile("`(SENDERGUARD_[A-Z0-9_]+)`");

    @Test
    void theSettingsAreThoseOfTheReadmesConfigurationTable() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String section = readme.substring(readme.indexOf("\n## Configuration\n"));
        String table = section.substring(0, section.indexOf("\n### "));
        Set<String> documented = table.lines().filter(line -> line.startsWith("| `SENDERGUARD_"))
                .map(line -> line.substring(0, line.indexOf(" | ", 2)))
                .flatMap(cell -> SETTING.matcher(cell).results().map(match -> match.group(1)))
                .collect(Collectors.toSet());
        assertThat(SettingNames.KNOWN).containsExactlyInAnyOrderElementsOf(documented);
    }

    @Test
    void aMistypedSettingIsNamedWithTheSettingItMostLikelyMeant() {
        assertThat(SettingNames.unknown(Map.of("SENDERGUARD_DB_URL", "jdbc:x", "SENDERGUARD_DB_ULR", "jdbc:y",
                "SENDERGUARD_POLICY_FAILMODE", "open")))
                .as("the first by name").contains("SENDERGUARD_DB_ULR is not a setting of senderguard (did you mean "
                        + "SENDERGUARD_DB_URL?); the settings are in the README's Configuration table");
        assertThat(SettingNames.unknown(Map.of("SENDERGUARD_POLICY_FAILMODE", "open")).orElseThrow())
                .contains("(did you mean SENDERGUARD_POLICY_FAIL_MODE?)");
        assertThat(SettingNames.unknown(Map.of("SENDERGUARD_SOMETHING_ELSE_ENTIRELY", "1")).orElseThrow())
                .as("nothing close").doesNotContain("did you mean");
        assertThat(SettingNames.unknown(Map.of("SENDERGUARD_X\nY", "1")).orElseThrow()).doesNotContain("\n");
    }

    @Test
    void knownSettingsOtherVariablesAndTheTestsAndBenchmarksOwnPass() {
        assertThat(SettingNames.unknown(Map.of("SENDERGUARD_DB_URL", "jdbc:x", "PATH", "/bin", "senderguard_db_ulr", "x",
                "SENDERGUARD_TEST_MARIADB_USER", "root", "SENDERGUARD_BENCH_JAR", "a.jar"))).isEmpty();
    }
}
