package io.fissile.executor;

import io.fissile.function.Function;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A Java function compiled from source against the function API and packed as a jar, as a user builds one. */
final class JavaFunctionJar {

    private JavaFunctionJar() {
    }

    static byte[] of(String className, String source) throws Exception {
        Path work = Files.createTempDirectory("java-function");
        try {
            Path sourceFile = work.resolve("src").resolve(className.replace('.', '/') + ".java");
            Files.createDirectories(sourceFile.getParent());
            Files.writeString(sourceFile, source);
            Path classes = Files.createDirectories(work.resolve("classes"));
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            String api = Path.of(Function.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            int status = compiler.run(null, null, null, "--release", "21", "-cp", api, "-d", classes.toString(), sourceFile.toString());
            assertThat(status).as("compiling " + className).isZero();
            return jar(classes);
        } finally {
            try (Stream<Path> walk = Files.walk(work)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(path);
            }
        }
    }

    private static byte[] jar(Path classes) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            for (Path file : files) {
                jar.putNextEntry(new JarEntry(classes.relativize(file).toString()));
                jar.write(Files.readAllBytes(file));
                jar.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
