package io.fissile.cli.output;

import java.util.function.Function;

/** One column of a table: its heading and how to read its cell from a row's object. */
public record Column<T>(String header, Function<T, String> value) {
    public static <T> Column<T> of(String header, Function<T, ?> value) {
        return new Column<>(header, item -> Cells.text(value.apply(item)));
    }
}
