package io.fissile.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Prometheus's text format read back into samples, as Prometheus itself would read a scrape. */
record Exposition(List<Sample> samples) {

    record Sample(String name, Map<String, String> labels, double value) {
    }

    static Exposition parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            samples.add(sample(line));
        }
        return new Exposition(samples);
    }

    /** The samples of one series name, e.g. {@code fission_function_calls_total}. */
    List<Sample> named(String name) {
        return samples.stream().filter(sample -> sample.name().equals(name)).toList();
    }

    /** The value of the one sample with this name and exactly these labels. */
    Optional<Double> value(String name, Map<String, String> labels) {
        return samples.stream()
                .filter(sample -> sample.name().equals(name) && sample.labels().equals(labels))
                .map(Sample::value)
                .findFirst();
    }

    /** The cumulative count of a histogram's bucket {@code le} (infinity for {@code +Inf}). */
    double bucket(String histogram, Map<String, String> labels, double le) {
        return buckets(histogram, labels)
                .filter(sample -> upperBound(sample) == le)
                .map(Sample::value)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no bucket le=" + le + " of " + histogram + labels));
    }

    /** A histogram's finite bucket bounds, in order. */
    List<Double> bounds(String histogram, Map<String, String> labels) {
        return buckets(histogram, labels).map(Exposition::upperBound).filter(Double::isFinite).toList();
    }

    private Stream<Sample> buckets(String histogram, Map<String, String> labels) {
        return named(histogram + "_bucket").stream().filter(sample -> {
            Map<String, String> withoutLe = new HashMap<>(sample.labels());
            withoutLe.remove("le");
            return withoutLe.equals(labels);
        });
    }

    private static double upperBound(Sample sample) {
        String le = sample.labels().get("le");
        return le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
    }

    private static Sample sample(String line) {
        int braces = line.indexOf('{');
        int space = line.lastIndexOf(' ');
        if (braces < 0 || braces > space) {
            return new Sample(line.substring(0, space), Map.of(), Double.parseDouble(line.substring(space + 1)));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        int at = braces + 1;
        while (line.charAt(at) != '}') {
            int equals = line.indexOf('=', at);
            String name = line.substring(at, equals);
            StringBuilder value = new StringBuilder();
            int i = equals + 2; // past ="
            for (; line.charAt(i) != '"'; i++) {
                char c = line.charAt(i);
                if (c == '\\') {
                    char escaped = line.charAt(++i);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
            }
            labels.put(name, value.toString());
            at = i + 1;
            if (line.charAt(at) == ',') at++;
        }
        return new Sample(line.substring(0, braces), labels, Double.parseDouble(line.substring(at + 2)));
    }
}
