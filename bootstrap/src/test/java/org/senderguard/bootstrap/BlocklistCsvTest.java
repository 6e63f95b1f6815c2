package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Block-list files as operators meet them: ranges that would block the internet, cells a spreadsheet
 * would run, files saved by Excel, and files that are not CSV or not UTF-8.
 */
class BlocklistCsvTest {

    private static final String HEADER = "type,value,reason";

    @TempDir
    Path dir;

    @Test
    void rangesWiderThanTheBoundsNeedTheOperatorsFlag() throws IOException {
        String tag = unique();
        Path wide = write("wide.csv", HEADER, "DOMAIN,wide-" + tag + ".example,ok", "IP,0.0.0.0/0,everything",
                "IP,::/0,everything");
        TestApplication.CliResult refused = TestApplication.cli("blocklist", "import", wide.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("line 3: ", "'0.0.0.0/0' is wider than a /8")
                .contains("line 4: ", "'::/0' is wider than a /32");
        assertThat(listed("wide-" + tag + ".example")).as("nothing of a refused import").isFalse();

        TestApplication.CliResult add = TestApplication.cli("blocklist", "add", "0.0.0.0/1", "--type", "IP",
                "--reason", "x");
        assertThat(add.exitCode()).isEqualTo(2);
        assertThat(add.err().lines()).hasSize(1).first().asString().contains("'0.0.0.0/1' is wider than a /8");
        assertThat(listed("1.2.3.4")).isFalse();

        // With the flag, reserved ranges that no other test uses: 240.0.0.0/4 (class E), 3fff::/20 (documentation).
        TestApplication.CliResult allowed = TestApplication.cli("blocklist", "add", "240.0.0.0/4", "--type", "IP",
                "--reason", "x", "--allow-wide-ranges");
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        TestApplication.CliResult imported = TestApplication.cli("blocklist", "import", "--allow-wide-ranges",
                write("allowed.csv", HEADER, "IP,3fff::/20,documentation").toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        for (String address : List.of("240.1.2.3", "3fff:0:1::1")) {
            assertThat(listed(address)).isTrue();
            String id = (String) BlockListTest.first(lookup(address).get("service")).get("id");
            assertThat(TestApplication.cli("blocklist", "remove", id).exitCode()).isZero();
        }

        TenantClient tenant = new TenantClient();
        Http.Response rest = TenantClient.post("/api/v1/block-list/entries", tenant.admin,
                Map.of("type", "IP", "values", List.of("0.0.0.0/0")));
        RestApiTest.assertProblem(rest, 400, "invalid-value");
        assertThat((String) rest.json().get("detail")).contains("'0.0.0.0/0' is wider than a /8");
    }

    @Test
    void exportNeutralisesFormulaCellsAndImportsThemBackUnchanged() throws IOException {
        String tag = unique();
        List<String> reasons = List.of("=cmd|' /C calc'!A0", "-2+3", "+1", "@SUM(A1)", "'=already quoted",
                "''@twice", "it's fine");
        for (int i = 0; i < reasons.size(); i++) {
            TestApplication.CliResult added = TestApplication.cli("blocklist", "add", "f" + i + "-" + tag + ".example",
                    "--type", "DOMAIN", "--reason", reasons.get(i), "--notes", "-" + reasons.get(i));
            assertThat(added.exitCode()).as(added.err()).isZero();
        }
        Path export = dir.resolve("export.csv");
        assertThat(TestApplication.cli("blocklist", "export", "--file", export.toString()).exitCode()).isZero();
        List<String> mine = Files.readAllLines(export).stream().filter(line -> line.contains("-" + tag + ".example"))
                .sorted().toList();
        assertThat(mine).hasSize(reasons.size());
        assertThat(mine.get(0)).startsWith("DOMAIN,f0-" + tag + ".example,'=cmd|' /C calc'!A0,")
                .contains(",'-=cmd|' /C calc'!A0,");
        assertThat(mine.get(1)).startsWith("DOMAIN,f1-" + tag + ".example,'-2+3,").contains(",'--2+3,");
        assertThat(mine.get(4)).startsWith("DOMAIN,f4-" + tag + ".example,''=already quoted,");
        assertThat(mine.get(6)).startsWith("DOMAIN,f6-" + tag + ".example,it's fine,").contains(",'-it's fine,");
        assertThat(mine).noneMatch(line -> line.matches("(^|.*,)[=+\\-@].*"));

        for (int i = 0; i < reasons.size(); i++) {
            String id = (String) BlockListTest.first(lookup("f" + i + "-" + tag + ".example").get("service")).get("id");
            assertThat(TestApplication.cli("blocklist", "remove", id).exitCode()).isZero();
        }
        List<String> header = List.of(Files.readAllLines(export).get(0));
        Path again = write("again.csv", Stream.concat(header.stream(), mine.stream())
                .toArray(String[]::new));
        TestApplication.CliResult imported = TestApplication.cli("blocklist", "import", again.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        for (int i = 0; i < reasons.size(); i++) {
            assertThat(BlockListTest.first(lookup("f" + i + "-" + tag + ".example").get("service")))
                    .containsEntry("reason", reasons.get(i)).containsEntry("notes", "-" + reasons.get(i));
        }
    }

    @Test
    void aFileSavedByExcelWithByteOrderMarkAndCrlfImports() throws IOException {
        String tag = unique();
        Path excel = dir.resolve("excel.csv");
        Files.writeString(excel, "\uFEFF" + HEADER + ",notes\r\nDOMAIN,excel-" + tag + ".example,from Excel,\"a note, quoted\"\r\n"
                + "SENDER,someone@excel-" + tag + ".example,from Excel,\r\n", StandardCharsets.UTF_8);
        TestApplication.CliResult imported = TestApplication.cli("blocklist", "import", excel.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("imported 2 entries");
        assertThat(BlockListTest.first(lookup("excel-" + tag + ".example").get("service")))
                .containsEntry("reason", "from Excel");
        assertThat(listed("someone@excel-" + tag + ".example")).isTrue();
    }

    @Test
    void textThatIsNotUtf8OrAnUnterminatedQuoteIsBadInputNamingItsLine() throws IOException {
        String tag = unique();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((HEADER + "\nDOMAIN,u1-" + tag + ".example,ok\nDOMAIN,u2-" + tag + ".example,caf")
                .getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9); // Latin-1, not UTF-8
        bytes.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, bytes.toByteArray());
        TestApplication.CliResult notUtf8 = TestApplication.cli("blocklist", "import", latin1.toString());
        assertThat(notUtf8.exitCode()).isEqualTo(2);
        assertThat(notUtf8.err().lines()).hasSize(1).first().asString().contains("line 3: not UTF-8 text");

        Path unterminated = write("quote.csv", HEADER, "DOMAIN,q1-" + tag + ".example,ok",
                "DOMAIN,q2-" + tag + ".example,\"never closed", "DOMAIN,q3-" + tag + ".example,ok");
        TestApplication.CliResult quote = TestApplication.cli("blocklist", "import", unterminated.toString());
        assertThat(quote.exitCode()).isEqualTo(2);
        assertThat(quote.err().lines()).hasSize(1).first().asString()
                .contains("line 3: a quoted field starts here and is never closed");

        TestApplication.CliResult trailing = TestApplication.cli("blocklist", "import", write("trailing.csv", HEADER,
                "DOMAIN,t1-" + tag + ".example,ok", "DOMAIN,t2-" + tag + ".example,\"closed\" then text").toString());
        assertThat(trailing.exitCode()).isEqualTo(2);
        assertThat(trailing.err().lines()).hasSize(1).first().asString().contains("line 3: text follows a quoted field");
        for (String domain : List.of("u1-", "q1-", "t1-")) {
            assertThat(listed(domain + tag + ".example")).as("nothing stored from " + domain).isFalse();
        }
    }

    private static boolean listed(String value) {
        return (Boolean) lookup(value).get("listed");
    }

    private static Map<String, Object> lookup(String value) {
        TestApplication.CliResult lookup = TestApplication.cli("blocklist", "lookup", value, "--output", "json");
        assertThat(lookup.exitCode()).as(lookup.err()).isZero();
        return lookup.json();
    }

    private Path write(String name, String... lines) throws IOException {
        return BlocklistCliTest.csv(dir, name, lines);
    }

    private static String unique() {
        return BlocklistCliTest.unique();
    }
}
