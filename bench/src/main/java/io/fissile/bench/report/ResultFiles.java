package io.fissile.bench.report;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a run's figures to the results directory: {@code <stamp>.json} (every figure and sample),
 * {@code <stamp>.md} (the table printed at the end of the run) and {@code latest.md}, a copy of the
 * newest table.
 */
public final class ResultFiles {
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ResultFiles() {
    }

    /** @param stamp the run's start time as a file name, e.g. {@code 2026-11-23T14-05-12Z} */
    public static Path write(Path directory, String stamp, BenchReport report, String markdown) throws IOException {
        Files.createDirectories(directory);
        Path json = directory.resolve(stamp + ".json");
        Files.writeString(json, JSON.writeValueAsString(report) + "\n");
        Path table = Files.writeString(directory.resolve(stamp + ".md"), markdown);
        Files.copy(table, directory.resolve("latest.md"), StandardCopyOption.REPLACE_EXISTING);
        return json;
    }
}
