package io.fissile.cli;

import io.fissile.cli.output.Column;
import io.fissile.cli.output.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TableTest {
    @RegisterExtension
    static final FissileServer server = new FissileServer();

    @TempDir
    Path dir;

    record Row(String name, String image, String namespace) {
    }

    @Test
    void columnsAreAsWideAsTheirWidestCellPlusOneSpaceWithoutTrailingBlanks() {
        Table<Row> table = new Table<>(List.of(Column.of("NAME", Row::name), Column.of("IMAGE", Row::image),
                Column.of("NAMESPACE", Row::namespace)));
        StringWriter out = new StringWriter();
        table.print(new PrintWriter(out, true), List.of(new Row("a", "fission/node-env", "default"), new Row("longer-name", null, "")));

        assertThat(out.toString()).isEqualTo("""
                NAME        IMAGE            NAMESPACE
                a           fission/node-env default
                longer-name
                """);
    }

    @Test
    void listedColumnsLineUp() {
        Cli cli = new Cli(server, dir);
        cli.ok("env", "create", "--name", "n", "--image", "fission/node-env", "--poolsize", "12");
        cli.ok("env", "create", "--name", "a-much-longer-name", "--image", "python", "--builder", "fission/python-builder");

        List<String> lines = cli.ok("env", "list").lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).contains(" fission/python-builder ");
        String header = lines.get(0);
        for (String column : List.of("IMAGE", "POOLSIZE", "MINCPU", "EXTNET", "GRACETIME", "NAMESPACE")) {
            int start = header.indexOf(column);
            for (String line : lines.subList(1, 3)) {
                assertThat(line.charAt(start - 1)).as("space before %s in %s", column, line).isEqualTo(' ');
                assertThat(line.charAt(start)).as("%s starts at column %d in %s", column, start, line).isNotEqualTo(' ');
            }
        }
    }
}
