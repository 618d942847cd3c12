package io.fissile.environments.jvm.loader;

import io.fissile.environments.jvm.http.HttpHandler;
import io.fissile.environments.jvm.invoke.FunctionHandler;
import io.fissile.environments.jvm.server.LoadRequest;
import io.fissile.environments.jvm.server.RuntimeSettings;
import io.fissile.environments.jvm.server.SpecializationException;
import io.fissile.environments.jvm.server.Specializer;
import io.fissile.function.Function;
import io.fissile.function.SingleThreaded;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * Specializes the jvm runtime: the function's class from its jars, in a class loader of its own,
 * its environment variables set before the class initializes.
 */
public final class JavaFunctionSpecializer implements Specializer {

    private final RuntimeSettings settings;

    public JavaFunctionSpecializer(RuntimeSettings settings) {
        this.settings = settings;
        ProcessVariables.prepare();
    }

    @Override
    public HttpHandler specialize(LoadRequest request) throws SpecializationException {
        URLClassLoader loader = new URLClassLoader("function", FunctionClassPath.of(request.filepath()),
                new FunctionParentClassLoader());
        Runnable unsetVariables = () -> { };
        try {
            unsetVariables = ProcessVariables.set(request.environment());
            String className = EntrypointClass.name(request.functionName(), loader, request.filepath());
            Function function = FunctionInstantiator.instantiate(loader, className, request.filepath());
            boolean singleThreaded = function.getClass().isAnnotationPresent(SingleThreaded.class);
            return new FunctionHandler(function, loader, singleThreaded, request.environment(),
                    settings.secretsDir(), settings.configsDir());
        } catch (SpecializationException | RuntimeException | LinkageError e) {
            unsetVariables.run();
            close(loader);
            throw e;
        }
    }

    /** The runtime's own {@link RehearsalFunction}, from the jar or directory the runtime runs from. */
    @Override
    public LoadRequest rehearsal() {
        CodeSource source = RehearsalFunction.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return null;
        }
        try {
            return new LoadRequest(Path.of(source.getLocation().toURI()), RehearsalFunction.class.getName(), "");
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static void close(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // The loader is discarded either way; an open jar is released with it.
        }
    }
}
