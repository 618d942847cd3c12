package io.fissile.cli.commands.resource;

import io.fissile.api.Kind;
import io.fissile.api.Resource;
import io.fissile.cli.output.Column;
import io.fissile.cli.output.Table;

import java.util.List;

/**
 * How the CLI speaks of one kind: the noun in its messages ({@code function 'hello' created}), the
 * columns of its table, and the prefix of its spec files ({@code function-hello.yaml}).
 *
 * @param kind           the stored kind
 * @param noun           the kind in messages, e.g. "function" or "trigger"
 * @param plural         the kind in descriptions, e.g. "functions"
 * @param specFilePrefix the start of its spec file names, as Fission names them
 * @param columns        its table, with Fission's columns
 */
public record ResourceType<R extends Resource<?, ?>>(Kind<R> kind, String noun, String plural, String specFilePrefix,
                                                     List<Column<R>> columns) {
    public ResourceType {
        columns = List.copyOf(columns);
    }

    /** "function 'hello'". */
    public String named(String name) {
        return noun + " '" + name + "'";
    }

    public String specFile(String name) {
        return specFilePrefix + "-" + name + ".yaml";
    }

    public Table<R> table() {
        return new Table<>(columns);
    }
}
