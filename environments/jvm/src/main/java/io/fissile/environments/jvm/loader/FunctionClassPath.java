package io.fissile.environments.jvm.loader;

import io.fissile.environments.jvm.server.SpecializationException;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The class path of a function's code. A file must be a jar. A directory contributes itself (class
 * files laid out by package, as in an unpacked jar), every directory named {@code classes} and
 * every jar within three levels beneath it: this covers a jar beside its {@code lib/} jars, a
 * Maven {@code target/} directory and an unpacked Spring Boot jar.
 */
final class FunctionClassPath {

    private static final int SEARCH_DEPTH = 3;

    private FunctionClassPath() {
    }

    static URL[] of(Path code) throws SpecializationException {
        if (Files.isRegularFile(code)) {
            requireJar(code);
            return new URL[] {url(code)};
        }
        if (!Files.isDirectory(code)) {
            throw new SpecializationException("no such file or directory: " + code);
        }
        List<Path> classDirectories = new ArrayList<>();
        List<Path> jars = new ArrayList<>();
        try {
            collect(code, SEARCH_DEPTH, classDirectories, jars);
        } catch (IOException e) {
            throw new SpecializationException("cannot list the code directory " + code + ": " + e, e);
        }
        classDirectories.sort(null);
        jars.sort(null);
        List<URL> entries = new ArrayList<>();
        entries.add(url(code));
        for (Path directory : classDirectories) {
            entries.add(url(directory));
        }
        for (Path jar : jars) {
            entries.add(url(jar));
        }
        return entries.toArray(new URL[0]);
    }

    private static void collect(Path directory, int depth, List<Path> classDirectories, List<Path> jars)
            throws IOException {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(directory)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (Files.isDirectory(child)) {
                    if (name.equals("classes")) {
                        classDirectories.add(child);
                    }
                    if (depth > 1) {
                        collect(child, depth - 1, classDirectories, jars);
                    }
                } else if (name.endsWith(".jar")) {
                    jars.add(child);
                }
            }
        }
    }

    private static void requireJar(Path file) throws SpecializationException {
        byte[] magic;
        try (InputStream in = Files.newInputStream(file)) {
            magic = in.readNBytes(4);
        } catch (IOException e) {
            throw new SpecializationException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (magic.length < 4 || magic[0] != 'P' || magic[1] != 'K' || magic[2] != 3 || magic[3] != 4) {
            throw new SpecializationException("not a jar file: " + file);
        }
    }

    private static URL url(Path path) throws SpecializationException {
        try {
            return path.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new SpecializationException("cannot use " + path + " as a class path entry", e);
        }
    }
}
