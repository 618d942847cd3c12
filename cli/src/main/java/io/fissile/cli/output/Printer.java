package io.fissile.cli.output;

import io.fissile.api.Codec;
import io.fissile.api.Kind;
import io.fissile.api.Resource;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes objects as YAML or JSON. */
public final class Printer {
    private Printer() {
    }

    public static void print(PrintWriter out, Object value, OutputFormat format) {
        String text = switch (format) {
            case YAML -> Codec.toYaml(value);
            case JSON -> Codec.toPrettyJson(value);
        };
        out.print(text);
        if (!text.endsWith("\n")) out.println();
    }

    /** A list as Kubernetes writes one: {@code {apiVersion, kind: FunctionList, items}}. */
    public static <R extends Resource<?, ?>> void printList(PrintWriter out, Kind<R> kind, List<R> items, OutputFormat format) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("apiVersion", kind.apiVersion());
        list.put("kind", kind.name() + "List");
        list.put("items", items);
        print(out, list, format);
    }
}
