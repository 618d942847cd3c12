package io.fissile.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows under headings, each column as wide as its widest cell plus one space, as Fission's tables
 * are laid out. Lines carry no trailing spaces.
 */
public final class Table<T> {
    private static final int GAP = 1;

    private final List<Column<T>> columns;

    public Table(List<Column<T>> columns) {
        this.columns = List.copyOf(columns);
    }

    public void print(PrintWriter out, List<T> items) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(columns.stream().map(Column::header).toList());
        for (T item : items) {
            rows.add(columns.stream().map(c -> oneLine(c.value().apply(item))).toList());
        }
        int[] widths = new int[columns.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i], row.get(i).length());
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                line.append(row.get(i));
                if (i < widths.length - 1) line.append(" ".repeat(widths[i] - row.get(i).length() + GAP));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** A cell spans one line, whatever the value holds. */
    private static String oneLine(String text) {
        return text == null ? "" : text.replace('\n', ' ').replace('\r', ' ');
    }
}
