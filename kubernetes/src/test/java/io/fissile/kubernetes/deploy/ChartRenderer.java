package io.fissile.kubernetes.deploy;

import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code helm template} for Fissile's chart: Chart.yaml and values.yaml (with overrides, as
 * {@code --set} gives them), checked against values.schema.json, into the rendered manifests, one
 * {@link RenderedDocument} per YAML document.
 */
final class ChartRenderer {

    static final String RELEASE_NAME = "fissile";
    static final String RELEASE_NAMESPACE = "fissile";

    private final Path chartDir;

    ChartRenderer(Path chartDir) {
        this.chartDir = chartDir;
    }

    /** One YAML document of a rendered template. */
    record RenderedDocument(String template, int index, String yaml) {
        @Override
        public String toString() {
            return template + " document " + index;
        }
    }

    /** The rendered chart: its documents, NOTES.txt, and the values it was rendered with. */
    record Rendered(List<RenderedDocument> documents, String notes, Map<String, Object> values, Map<String, Object> chart) {
    }

    Map<String, Object> chartMetadata() {
        return readYaml(chartDir.resolve("Chart.yaml"));
    }

    Map<String, Object> defaultValues() {
        return readYaml(chartDir.resolve("values.yaml"));
    }

    Rendered render(Map<String, Object> overrides) {
        Map<String, Object> chart = chartMetadata();
        Map<String, Object> values = merge(defaultValues(), overrides);
        // As Helm does: values that break values.schema.json stop the install before anything renders.
        List<String> problems = ValuesSchema.of(chartDir).problems(values);
        if (!problems.isEmpty()) throw new IllegalArgumentException("values do not fit values.schema.json: " + problems);
        Map<String, Object> root = Map.of(
                "Values", values,
                "Release", Map.of("Name", RELEASE_NAME, "Namespace", RELEASE_NAMESPACE, "Service", "Helm"),
                "Chart", Map.of("Name", chart.get("name"), "Version", chart.get("version"),
                        "AppVersion", chart.get("appVersion")));

        TemplateEngine engine = new TemplateEngine();
        List<Path> templates = templateFiles();
        for (Path helpers : templates) {
            String name = helpers.getFileName().toString();
            if (name.startsWith("_")) engine.addDefinitions(name, read(helpers));
        }
        List<RenderedDocument> documents = new ArrayList<>();
        String notes = "";
        for (Path template : templates) {
            String name = template.getFileName().toString();
            if (name.startsWith("_")) continue;
            String output = engine.render(name, read(template), root);
            if (name.equals("NOTES.txt")) {
                notes = output;
                continue;
            }
            if (!name.endsWith(".yaml")) throw new IllegalStateException("templates/" + name + ": not a .yaml template");
            int index = 0;
            for (String document : output.split("(?m)^---\\s*$")) {
                if (hasContent(document)) documents.add(new RenderedDocument(name, index++, document));
            }
        }
        return new Rendered(documents, notes, values, chart);
    }

    private List<Path> templateFiles() {
        try (Stream<Path> files = Files.list(chartDir.resolve("templates"))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Only comments and blank lines: Helm drops such documents. */
    private static boolean hasContent(String document) {
        return document.lines().map(String::strip).anyMatch(line -> !line.isEmpty() && !line.startsWith("#"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> readYaml(Path file) {
        Map<String, Object> map = Serialization.yamlMapper().readValue(read(file), Map.class);
        return map == null ? new LinkedHashMap<>() : map;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Helm's values merge: nested maps merge key by key, anything else is replaced. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overrides) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        overrides.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested && merged.get(key) instanceof Map<?, ?> existing) {
                merged.put(key, merge((Map<String, Object>) existing, (Map<String, Object>) nested));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }
}
