package io.fissile.executor.specialize;

import io.fissile.runtime.UserCommand;

/**
 * What an instance that runs the function's own program holds when it starts.
 *
 * @param packageVersion the package's resourceVersion, so that a later change of the package retires
 *                       the instance; null when the function names no package
 * @param files          places the package, the secrets and the config maps
 */
public record StartingFiles(String packageVersion, UserCommand.InitialFiles files) {
}
