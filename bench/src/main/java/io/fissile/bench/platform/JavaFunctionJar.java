package io.fissile.bench.platform;

import io.fissile.bench.BenchFailure;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * A Java function's deployment jar, made from one source file compiled against the function API jar
 * with this JDK's compiler, as the README's quick start does with javac and jar.
 */
public final class JavaFunctionJar {
    private JavaFunctionJar() {
    }

    /** @param className a class in the unnamed package, e.g. {@code Hello} (the function's entrypoint) */
    public static Path build(String className, String source, Path functionApiJar, Path workDirectory) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) throw new BenchFailure("the harness runs on a JRE, not a JDK: no Java compiler for the jvm function");
        Path sources = Files.createDirectories(workDirectory.resolve("src"));
        Path classes = Files.createDirectories(workDirectory.resolve("classes"));
        Path sourceFile = Files.writeString(sources.resolve(className + ".java"), source);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit = compiler.run(null, errors, errors, "--release", "21", "-cp", functionApiJar.toString(),
                "-d", classes.toString(), sourceFile.toString());
        if (exit != 0) throw new BenchFailure("cannot compile " + className + ":\n" + errors.toString(StandardCharsets.UTF_8));
        Path jar = workDirectory.resolve(className.toLowerCase() + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
            jarOut.putNextEntry(new JarEntry(className + ".class"));
            Files.copy(classes.resolve(className + ".class"), jarOut);
            jarOut.closeEntry();
        }
        return jar;
    }
}
