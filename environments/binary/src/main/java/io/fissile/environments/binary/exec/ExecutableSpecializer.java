package io.fissile.environments.binary.exec;

import io.fissile.environments.jvm.http.HttpHandler;
import io.fissile.environments.jvm.server.LoadRequest;
import io.fissile.environments.jvm.server.RuntimeSettings;
import io.fissile.environments.jvm.server.SpecializationException;
import io.fissile.environments.jvm.server.Specializer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Specializes the binary runtime: the executable is the file {@code filepath}, or
 * {@code filepath/functionName} when filepath is a directory; it runs with the function's own
 * environment variables.
 */
public final class ExecutableSpecializer implements Specializer {

    private static final Path SHELL = Path.of("/bin/sh");

    private final RuntimeSettings settings;

    public ExecutableSpecializer(RuntimeSettings settings) {
        this.settings = settings;
    }

    @Override
    public HttpHandler specialize(LoadRequest request) throws SpecializationException {
        Path file = request.filepath();
        if (Files.isDirectory(file)) {
            if (request.functionName().isBlank()) {
                throw new SpecializationException(file + " is a directory: functionName must name the executable in it");
            }
            file = file.resolve(request.functionName().strip());
        }
        if (!Files.exists(file)) {
            throw new SpecializationException("no such file: " + file);
        }
        if (!Files.isRegularFile(file)) {
            throw new SpecializationException("not a regular file: " + file);
        }
        return new ExecutableHandler(LaunchCommand.of(file), request.environment(),
                CgiEnvironment.basePath(settings.userFuncDir(), request.environment()));
    }

    /** The variables describing each request are the runtime's, set anew for every run. */
    @Override
    public boolean reservesVariable(String name) {
        return CgiEnvironment.describesRequests(name);
    }

    /** The shell itself: it runs the rehearsal's body, a shell command, from its stdin. */
    @Override
    public LoadRequest rehearsal() {
        return Files.isRegularFile(SHELL) ? new LoadRequest(SHELL, "", "") : null;
    }
}
