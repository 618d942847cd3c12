package io.fissile.environments.jvm.loader;

import io.fissile.environments.jvm.server.SpecializationException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * The name of the function's class: the functionName of the specialization, or, when that is empty
 * (always so for v1), the {@code Fissile-Function} or else the {@code Main-Class} attribute of the
 * code's manifest.
 */
final class EntrypointClass {

    static final String MANIFEST_ATTRIBUTE = "Fissile-Function";

    private EntrypointClass() {
    }

    static String name(String functionName, URLClassLoader loader, Path code) throws SpecializationException {
        if (!functionName.isBlank()) {
            return functionName.strip();
        }
        String mainClass = null;
        try {
            Enumeration<URL> manifests = loader.findResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                Attributes attributes = read(manifests.nextElement()).getMainAttributes();
                String declared = attributes.getValue(MANIFEST_ATTRIBUTE);
                if (declared != null && !declared.isBlank()) {
                    return declared.strip();
                }
                if (mainClass == null) {
                    mainClass = attributes.getValue(Attributes.Name.MAIN_CLASS);
                }
            }
        } catch (IOException e) {
            throw new SpecializationException("cannot read the manifest of " + code + ": " + e.getMessage(), e);
        }
        if (mainClass != null && !mainClass.isBlank()) {
            return mainClass.strip();
        }
        throw new SpecializationException("no function class named: give functionName (the class name), or a "
                + MANIFEST_ATTRIBUTE + " attribute in the manifest of " + code);
    }

    private static Manifest read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new Manifest(in);
        }
    }
}
