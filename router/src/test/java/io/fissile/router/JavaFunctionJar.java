package io.fissile.router;

import io.fissile.function.Function;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** A Java function compiled from source against the function API and packed as a jar, as a user ships one. */
final class JavaFunctionJar {

    private JavaFunctionJar() {
    }

    static Path build(String className, String source, Path directory) {
        try {
            Path sources = Files.createDirectories(directory.resolve("src"));
            Path file = sources.resolve(className.substring(className.lastIndexOf('.') + 1) + ".java");
            Files.writeString(file, source);
            Path classes = Files.createDirectories(directory.resolve("classes"));
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            int status = compiler.run(null, null, null, "--release", "21", "-cp", codeSource(Function.class).toString(),
                    "-d", classes.toString(), file.toString());
            if (status != 0) throw new IllegalStateException("could not compile " + className);
            Path jar = directory.resolve(className + ".jar");
            pack(classes, jar);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar's bytes, for a package archive. */
    static byte[] bytes(String className, String source, Path directory) {
        try {
            return Files.readAllBytes(build(className, source, directory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar (or class directory) a class was loaded from. */
    static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pack(Path classes, Path jar) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
            for (Path file : files) {
                jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                jarOut.write(Files.readAllBytes(file));
                jarOut.closeEntry();
            }
        }
    }
}
