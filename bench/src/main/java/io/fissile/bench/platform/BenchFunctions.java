package io.fissile.bench.platform;

import io.fissile.bench.BenchFailure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The function the benchmarks deploy, in each language measured: it answers "hello" and nothing
 * else, so that what is measured is the path to it. Written to files (and for the jvm, compiled
 * into a jar) in the work directory, ready for {@code fissile fn create --code}.
 */
public final class BenchFunctions {
    /** What every bench function answers. */
    public static final String BODY = "hello\n";
    public static final List<String> RUNTIMES = List.of("nodejs", "python", "jvm");

    private final Path directory;
    private final Path serverLib;

    /**
     * @param serverLib the server's jars, where the Java function API jar is
     */
    public BenchFunctions(Path directory, Path serverLib) {
        this.directory = directory;
        this.serverLib = serverLib;
    }

    /** A function's code and how to deploy it in one runtime. */
    public record Code(String runtime, String image, Path file, String entrypoint) {
        /** The arguments of {@code fissile env create} for an environment of this runtime. */
        public String[] environmentArgs(String name, int poolSize) {
            return new String[]{"env", "create", "--name", name, "--image", image, "--poolsize", Integer.toString(poolSize)};
        }
    }

    public Code code(String runtime) throws IOException {
        Files.createDirectories(directory);
        return switch (runtime) {
            case "nodejs" -> new Code(runtime, "fission/node-env", copy("hello.js"), null);
            case "python" -> new Code(runtime, "fission/python-env", copy("hello.py"), null);
            case "jvm" -> new Code(runtime, "fission/jvm-env",
                    JavaFunctionJar.build("Hello", resource("Hello.java"), functionApiJar(), directory.resolve("jvm")), "Hello");
            default -> throw new IllegalArgumentException("no bench function for runtime " + runtime);
        };
    }

    private Path copy(String name) throws IOException {
        return Files.writeString(directory.resolve(name), resource(name));
    }

    private Path functionApiJar() throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(serverLib, "fissile-function-api-*.jar")) {
            for (Path jar : jars) return jar;
        }
        throw new BenchFailure("no fissile-function-api-*.jar in " + serverLib);
    }

    private static String resource(String name) {
        try (InputStream in = BenchFunctions.class.getResourceAsStream("/io/fissile/bench/functions/" + name)) {
            if (in == null) throw new IllegalStateException("resource missing from the bench jar: " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
