package io.fissile.environments.jvm.loader;

import io.fissile.function.Function;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;

/**
 * The parent of every function's class loader: it sees the JDK and the io.fissile.function API,
 * and nothing of the runtime itself, so that a function's own libraries never meet the runtime's.
 * The API comes from the runtime's loader so that a function's class implements the very
 * {@link Function} interface the runtime calls.
 */
final class FunctionParentClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private static final String API_PACKAGE = Function.class.getPackageName();
    private static final String API_RESOURCES = API_PACKAGE.replace('.', '/') + "/";
    private static final ClassLoader API_LOADER = Function.class.getClassLoader();

    /**
     * Packages of JDK modules that the application class loader defines (jdk.compiler and other
     * tool modules); the platform class loader does not see them.
     */
    private static final Set<String> JDK_PACKAGES_OF_APPLICATION_LOADER = jdkPackagesOfApplicationLoader();

    FunctionParentClassLoader() {
        super("fissile-function-parent", ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        String packageName = name.substring(0, Math.max(name.lastIndexOf('.'), 0));
        if (packageName.equals(API_PACKAGE)) {
            return API_LOADER.loadClass(name);
        }
        if (JDK_PACKAGES_OF_APPLICATION_LOADER.contains(packageName)) {
            return ClassLoader.getSystemClassLoader().loadClass(name);
        }
        throw new ClassNotFoundException(name);
    }

    @Override
    protected URL findResource(String name) {
        return isApiResource(name) ? API_LOADER.getResource(name) : null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        return isApiResource(name) ? API_LOADER.getResources(name) : Collections.emptyEnumeration();
    }

    // A loop rather than a stream: the first stream pipeline costs milliseconds on the cold path.
    private static Set<String> jdkPackagesOfApplicationLoader() {
        Set<String> packages = new HashSet<>();
        for (Module module : ModuleLayer.boot().modules()) {
            String name = module.getName();
            if (module.getClassLoader() == ClassLoader.getSystemClassLoader()
                    && (name.startsWith("java.") || name.startsWith("jdk."))) {
                packages.addAll(module.getPackages());
            }
        }
        return Set.copyOf(packages);
    }

    private static boolean isApiResource(String name) {
        return name.startsWith(API_RESOURCES) && name.indexOf('/', API_RESOURCES.length()) < 0;
    }
}
