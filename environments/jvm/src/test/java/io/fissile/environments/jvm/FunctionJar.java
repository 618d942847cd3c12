package io.fissile.environments.jvm;

import io.fissile.function.Function;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Java sources compiled at test time against the function API, written as a jar or a class directory. */
public final class FunctionJar {

    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Manifest manifest = new Manifest();
    private final List<Path> classPath = new ArrayList<>();

    private FunctionJar() {
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    }

    public static FunctionJar create() {
        return new FunctionJar();
    }

    /** Adds a class, {@code className} fully qualified. */
    public FunctionJar source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    public FunctionJar manifestAttribute(String name, String value) {
        manifest.getMainAttributes().putValue(name, value);
        return this;
    }

    /** Compiles against these classes too, e.g. a library the function uses. */
    public FunctionJar classPath(Path entry) {
        classPath.add(entry);
        return this;
    }

    /** Compiles into {@code directory}, laid out by package. */
    public Path compileTo(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, code) -> units.add(new Source(name, code)));
        List<String> path = new ArrayList<>(List.of(apiLocation().toString()));
        classPath.forEach(entry -> path.add(entry.toString()));
        List<String> options = List.of("-d", directory.toString(), "-classpath", String.join(":", path),
                "--release", "21", "-proc:none");
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
            if (!compiler.getTask(null, files, diagnostics, options, null, units).call()) {
                throw new IllegalStateException("compilation failed: " + diagnostics.getDiagnostics());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return directory;
    }

    /** Compiles and writes a jar with every compiled class and the manifest. */
    public Path writeJar(Path jar) {
        Path classes = null;
        try {
            classes = compileTo(Files.createTempDirectory("function-classes"));
            Files.createDirectories(jar.toAbsolutePath().getParent());
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                 Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, out);
                    out.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (classes != null) deleteTree(classes);
        }
    }

    /** The compiled classes are only a step towards the jar: nothing is left behind in the temp directory. */
    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes bytes that are not a jar, for failure cases. */
    public static Path writeGarbage(Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("not a jar".getBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path apiLocation() {
        try {
            return Path.of(Function.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Source extends SimpleJavaFileObject {

        private final String code;

        Source(String className, String code) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
