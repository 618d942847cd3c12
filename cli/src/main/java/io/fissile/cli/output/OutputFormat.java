package io.fissile.cli.output;

/** Machine-readable output for {@code -o}. */
public enum OutputFormat {
    YAML, JSON
}
