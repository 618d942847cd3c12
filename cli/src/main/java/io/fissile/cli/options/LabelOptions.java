package io.fissile.cli.options;

import io.fissile.api.ObjectMeta;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code --labels a=b,c=d} and {@code --annotation k=v}: metadata to put on an object. */
public final class LabelOptions {
    @Option(names = "--labels", paramLabel = "KEY=VALUE,...",
            description = "Comma-separated labels for the object, e.g. --labels \"environment=dev,application=analytics\"")
    String labels;

    @Option(names = "--annotation", paramLabel = "KEY=VALUE",
            description = "An annotation for the object; repeat for several")
    List<String> annotations;

    /** Replaces the labels and annotations given, as Fission does; leaves them alone when not given. */
    public void applyTo(ObjectMeta metadata) {
        if (labels != null) metadata.labels(KeyValues.parse("--labels", List.of(labels.split(","))));
        if (annotations != null) metadata.annotations(KeyValues.parse("--annotation", annotations));
    }
}
