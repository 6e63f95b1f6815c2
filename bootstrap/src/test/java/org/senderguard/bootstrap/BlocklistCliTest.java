package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's blocklist commands: add, list, lookup, remove, import and export. */
class BlocklistCliTest {

    @TempDir
    Path dir;

    @Test
    void addListLookUpAndRemoveServiceEntries() {
        String domain = "cli-" + unique() + ".example";
        TestApplication.CliResult added = TestApplication.cli("blocklist", "add", "Boss@" + domain, "not-an-address",
                "a\nsenderguard: forged", "--type", "SENDER", "--reason", "impersonation", "--expires", "2099-12-31",
                "--output", "json");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.err()).contains("not added: 'not-an-address'");
        assertThat(added.err().lines()).as("a refused value escaped, on its own line").hasSize(2)
                .anyMatch(line -> line.startsWith("senderguard: not added: 'a\\nsenderguard: forged'"));
        assertThat(added.out()).contains("\"value\":\"boss@" + domain + "\"").contains("\"expiresAt\":\"2100-01-01T00:00:00Z\"")
                .contains("\"delistable\":true").contains("\"createdBy\":\"operator:").contains("\"exceptions\":[]");

        TestApplication.CliResult lookup = TestApplication.cli("blocklist", "lookup", "boss@" + domain, "--output", "json");
        assertThat(lookup.json()).containsEntry("listed", true);
        String id = (String) BlockListTest.first(lookup.json().get("service")).get("id");
        TestApplication.CliResult list = TestApplication.cli("blocklist", "list", "--type", "SENDER", "--prefix",
                "boss@" + domain);
        assertThat(list.out()).contains(id).contains("impersonation");

        assertThat(TestApplication.cli("blocklist", "remove", id).exitCode()).isZero();
        assertThat(TestApplication.cli("blocklist", "lookup", "boss@" + domain, "--output", "json").json())
                .containsEntry("listed", false);
        TestApplication.CliResult again = TestApplication.cli("blocklist", "remove", id);
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err().lines()).hasSize(1).first().asString().contains("no block-list entry with id " + id);
        TestApplication.CliResult bad = TestApplication.cli("blocklist", "add", "1.2.3.4/8", "--type", "IP",
                "--reason", "x");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("1.2.3.4/8").contains("1.0.0.0/8");
    }

    @Test
    void importIsAllOrNothingAndNamesEveryBadLine() throws IOException {
        String tag = unique();
        Path bad = write("bad.csv", "type,value,reason,expiresAt,notes",
                "IP,192.0.2." + (tag.hashCode() & 0x7f) + ",ok,,",
                "IP,300.1.1.1,broken,,",
                "DOMAIN,good-" + tag + ".example,ok,never,note",
                "NOPE,x.example,bad type,,",
                "SENDER,someone@" + tag + ".example,,,");
        TestApplication.CliResult failed = TestApplication.cli("blocklist", "import", bad.toString());
        assertThat(failed.exitCode()).isEqualTo(2);
        assertThat(failed.err()).contains("line 3: ").contains("300.1.1.1").contains("line 5: ").contains("NOPE")
                .contains("line 6: ").contains("reason").contains("3 bad rows; nothing was imported");
        assertThat(TestApplication.cli("blocklist", "lookup", "good-" + tag + ".example", "--output", "json").json())
                .as("nothing of a failed import is kept").containsEntry("listed", false);
        TestApplication.CliResult spread = TestApplication.cli("blocklist", "import", write("spread.csv",
                "type,value,reason", "", "", "IP,300.1.1.2,after blank lines", "DOMAIN,x-" + tag + ".example,\"a reason",
                "on two lines\"", "IP,300.1.1.3,after a quoted field on two lines").toString());
        assertThat(spread.err()).as("the line a row is on, not its row number").contains("line 4: ")
                .contains("300.1.1.2").contains("line 5: reason").contains("line 7: ").contains("300.1.1.3");

        Path good = write("good.csv", "type,value,reason,expiresAt,notes",
                "DOMAIN,good-" + tag + ".example,feed,never,\"a note, with a comma\"",
                "URL,http://good-" + tag + ".example/path?q=1,feed,2099-01-01,",
                "IP,2001:db8:" + Integer.toHexString(tag.hashCode() & 0xffff) + "::/48,feed,,",
                "DOMAIN,GOOD-" + tag + ".example.,duplicate,,");
        TestApplication.CliResult imported = TestApplication.cli("blocklist", "import", good.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("imported 3 entries; 0 already listed; 1 rows repeated a value of the file,"
                + " the latest expiry kept");
        Map<String, Object> listing = TestApplication.cli("blocklist", "lookup", "good-" + tag + ".example",
                "--output", "json").json();
        assertThat(BlockListTest.first(listing.get("service"))).containsEntry("source", "IMPORT")
                .containsEntry("expiresAt", null).containsEntry("notes", "a note, with a comma");
        TestApplication.CliResult again = TestApplication.cli("blocklist", "import", write("again.csv",
                "type,value,reason,expiresAt", "URL,http://good-" + tag + ".example/path,feed,2100-01-01",
                "DOMAIN,good-" + tag + ".example,feed,2100-01-01").toString());
        assertThat(again.out()).as("a later expiry extends a listed entry, an earlier one never shortens it")
                .contains("imported 0 entries; 2 already listed, 1 of them now expiring later");
        TestApplication.CliResult lapsed = TestApplication.cli("blocklist", "import", write("lapsed.csv",
                "type,value,reason,expiresAt,notes,delistable,exceptions",
                "DOMAIN,lapsed-" + tag + ".example,feed,2020-01-01T00:00:00Z",
                "DOMAIN,fresh-" + tag + ".example,feed,2100-01-01", "IP,300.1.1.4,feed,2020-01-01",
                "IP,198.51.100.0/24,feed,2020-01-01,,,10.0.0.1").toString());
        assertThat(lapsed.err()).as("a row whose expiry passed is still checked, its exceptions too")
                .contains("line 4: ").contains("300.1.1.4").contains("line 5: ").contains("10.0.0.1");
        lapsed = TestApplication.cli("blocklist", "import", write("lapsed.csv",
                "type,value,reason,expiresAt", "DOMAIN,lapsed-" + tag + ".example,feed,2020-01-01T00:00:00Z",
                "DOMAIN,fresh-" + tag + ".example,feed,2100-01-01", "DOMAIN,FRESH-" + tag + ".example,again,2101-01-01",
                "DOMAIN,fresh-" + tag + ".example,earlier,2099-01-01").toString());
        assertThat(lapsed.exitCode()).as("an export whose entries expired since: " + lapsed.err()).isZero();
        assertThat(lapsed.out()).contains("imported 1 entries; 0 already listed; 2 rows repeated a value of the file, "
                + "the latest expiry kept; 1 rows skipped, their expiry passed");
        assertThat(BlockListTest.first(TestApplication.cli("blocklist", "lookup", "fresh-" + tag + ".example",
                "--output", "json").json().get("service"))).containsEntry("expiresAt", "2101-01-02T00:00:00Z")
                .containsEntry("reason", "feed");
        assertThat(TestApplication.cli("blocklist", "lookup", "lapsed-" + tag + ".example", "--output", "json").json())
                .containsEntry("listed", false);
        assertThat((List<?>) TestApplication.cli("blocklist", "lookup", "http://good-" + tag + ".example/path/x",
                "--output", "json").json().get("service")).as("the URL entry extended, the domain's still never expiring")
                .extracting(entry -> (Object) ((Map<?, ?>) entry).get("expiresAt"))
                .containsExactlyInAnyOrder("2100-01-02T00:00:00Z", null);

        String net = TestApplication.uniqueNet();
        Path full = write("full.csv", "type,value,reason,expiresAt,notes,delistable,exceptions",
                "IP," + net + "0/24,feed,never,,false," + net + "7 " + net + "9");
        assertThat(TestApplication.cli("blocklist", "import", full.toString()).exitCode()).isZero();
        assertThat(TestApplication.cli("blocklist", "lookup", net + "7", "--output", "json").json())
                .as("an exception of the range").containsEntry("listed", false);
        assertThat(BlockListTest.first(TestApplication.cli("blocklist", "lookup", net + "8", "--output", "json")
                .json().get("service"))).containsEntry("delistable", false);
        TestApplication.CliResult badColumns = TestApplication.cli("blocklist", "import", write("bad-columns.csv",
                "type,value,reason,expiresAt,notes,delistable,exceptions", "IP,198.18.0.0/24,x,,,maybe,",
                "IP,198.18.1.0/24,x,,,,192.0.2.1").toString());
        assertThat(badColumns.exitCode()).isEqualTo(2);
        assertThat(badColumns.err()).contains("line 2: delistable: must be true or false, was 'maybe'")
                .contains("line 3: exceptions: '192.0.2.1' is not in the range 198.18.1.0/24");

        TestApplication.CliResult header = TestApplication.cli("blocklist", "import",
                write("header.csv", "kind,value,reason", "IP,192.0.2.1,x").toString());
        assertThat(header.exitCode()).isEqualTo(2);
        assertThat(header.err()).contains("line 1");
        TestApplication.CliResult missing = TestApplication.cli("blocklist", "import", dir.resolve("none.csv").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");
        TestApplication.CliResult twice = TestApplication.cli("blocklist", "import",
                write("twice.csv", "type,value,type", "IP,192.0.2.1,x").toString());
        assertThat(twice.err().strip()).isEqualTo("senderguard: FILE: line 1: the header names a column twice: type, "
                + "value, type");
        String other = TestApplication.uniqueNet();
        TestApplication.CliResult lost = TestApplication.cli("blocklist", "import", write("lost.csv",
                "type,value,reason,,", "IP," + other + "1,x,,", "IP," + other + "2,x,,a value no column names")
                .toString());
        assertThat(lost.exitCode()).isEqualTo(2);
        assertThat(lost.err().strip()).isEqualTo("senderguard: FILE: line 3: cell 5 holds a value, but the header "
                + "names no column there");
        TestApplication.CliResult trailing = TestApplication.cli("blocklist", "import", write("trailing.csv",
                "type,value,reason,,", "IP," + other + "1,x,,", "IP," + other + "2,x").toString());
        assertThat(trailing.out()).as("a spreadsheet's trailing commas").contains("imported 2 entries");
        assertThat(TestApplication.cli("blocklist", "import", dir.toString()).err().strip())
                .isEqualTo("senderguard: FILE: '" + dir + "' is a directory, not a file");
    }

    /** A large file goes in bulk: all of it, once, or none of it when one row far into it is bad. */
    @Test
    void aLargeImportIsAllOrNothingAndIdempotent() throws IOException {
        String tag = unique();
        String network = "2001:db8:" + Integer.toHexString(tag.hashCode() & 0xffff) + ":"
                + Integer.toHexString((tag.hashCode() >>> 16) & 0xffff) + "::";
        List<String> lines = new ArrayList<>(List.of("type,value,reason,expiresAt,notes"));
        for (int i = 1; i <= 20_000; i++) {
            lines.add("IP," + network + Integer.toHexString(i) + ",bulk,,");
        }
        lines.set(19_499, "IP," + network + "zz,bulk,,");
        TestApplication.CliResult failed = TestApplication.cli("blocklist", "import",
                write("large-bad.csv", lines.toArray(String[]::new)).toString());
        assertThat(failed.exitCode()).isEqualTo(2);
        assertThat(failed.err()).contains("line 19500: ").contains("1 bad row; nothing was imported");
        assertThat(TestApplication.cli("blocklist", "lookup", network + "1", "--output", "json").json())
                .as("nothing of a failed import is kept").containsEntry("listed", false);

        lines.set(19_499, "IP," + network + Integer.toHexString(19_499) + ",bulk,,");
        Path good = write("large.csv", lines.toArray(String[]::new));
        TestApplication.CliResult imported = TestApplication.cli("blocklist", "import", good.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("imported 20000 entries; 0 already listed");
        for (String value : List.of(network + "1", network + "4c2b", network + "4e20")) {
            assertThat(BlockListTest.first(TestApplication.cli("blocklist", "lookup", value, "--output", "json").json()
                    .get("service"))).containsEntry("reason", "bulk");
        }
        assertThat(TestApplication.cli("blocklist", "import", good.toString()).out())
                .contains("imported 0 entries; 20000 already listed");
    }

    @Test
    void exportWritesTheImportFormatAndRbldnsdDatasets() throws IOException {
        String tag = unique();
        assertThat(TestApplication.cli("blocklist", "add", "export-" + tag + ".example", "*.wild-" + tag + ".example",
                "--type", "DOMAIN", "--reason", "exported, \"quoted\"").exitCode()).isZero();
        assertThat(TestApplication.cli("blocklist", "add", "203.0.113.0/25", "2001:db8:ffff::/48", "--type", "IP",
                "--reason", "exported", "--not-delistable").exitCode()).isZero();

        Path csv = dir.resolve("export.csv");
        assertThat(TestApplication.cli("blocklist", "export", "--file", csv.toString()).exitCode()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("type,value,reason,expiresAt,notes,delistable,exceptions");
        assertThat(lines).anyMatch(l -> l.startsWith("DOMAIN,export-" + tag + ".example,\"exported, \"\"quoted\"\"\","))
                .contains("IP,203.0.113.0/25,exported,never,,false,");

        Path link = Files.createSymbolicLink(dir.resolve("latest.csv"), csv.getFileName());
        assertThat(TestApplication.cli("blocklist", "export", "--file", link.toString()).exitCode()).isZero();
        assertThat(Files.isSymbolicLink(link)).as("the link's target is written, the link stays").isTrue();
        assertThat(Files.readAllLines(csv)).isEqualTo(lines);
        for (String bad : List.of(dir.toString(), dir.resolve("no/such/dir/out.csv").toString())) {
            TestApplication.CliResult refused = TestApplication.cli("blocklist", "export", "--file", bad);
            assertThat(refused.exitCode()).as(refused.err()).isEqualTo(2);
            assertThat(refused.err().strip()).startsWith("senderguard: --file: ").doesNotContain("\n");
        }
        try (var files = Files.list(dir)) {
            assertThat(files).noneMatch(f -> f.toString().endsWith(".partial"));
        }

        TestApplication.CliResult rbldnsd = TestApplication.cli("blocklist", "export", "--format", "rbldnsd");
        assertThat(rbldnsd.exitCode()).isZero();
        String zone = rbldnsd.out();
        assertThat(zone).contains("$DATASET ip4set:senderguard-ip4 @\n:127.0.0.2:")
                .contains("\n203.0.113.0/25 :127.0.0.3:")
                .contains("$DATASET ip6trie:senderguard-ip6 @\n").contains("\n2001:db8:ffff::/48 :127.0.0.3:")
                .contains("$DATASET dnset:senderguard-domains @\n").contains("\nexport-" + tag + ".example\n")
                .contains("\n*.wild-" + tag + ".example\n");
        assertThat(zone.indexOf("203.0.113.0/25")).isLessThan(zone.indexOf("$DATASET ip6trie"));
    }

    private Path write(String name, String... lines) throws IOException {
        return csv(dir, name, lines);
    }

    /** A CSV file of these lines in {@code dir}. */
    static Path csv(Path dir, String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
