package io.fissile.runtime.local;

import io.fissile.function.Function;
import io.fissile.runtime.archive.FileTrees;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Compiles a Java function from source against the function API and packs it into a jar, as a user would. */
final class JavaFunctionJar {

    private JavaFunctionJar() {
    }

    static void build(String className, String source, Path jar) throws Exception {
        Path work = Files.createTempDirectory("java-function");
        try {
            Path sourceFile = work.resolve("src").resolve(className.replace('.', '/') + ".java");
            Files.createDirectories(sourceFile.getParent());
            Files.writeString(sourceFile, source);
            Path classes = Files.createDirectories(work.resolve("classes"));
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            String api = Path.of(Function.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            int status = compiler.run(null, null, null, "--release", "21", "-cp", api, "-d", classes.toString(),
                    sourceFile.toString());
            assertThat(status).as("compiling " + className).isZero();
            pack(classes, jar);
        } finally {
            FileTrees.delete(work);
        }
    }

    private static void pack(Path classes, Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
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
