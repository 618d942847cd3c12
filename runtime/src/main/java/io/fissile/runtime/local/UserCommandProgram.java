package io.fissile.runtime.local;

import io.fissile.runtime.UserCommand;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user's own program in place of a runtime's server. A bare program name found outside the
 * sandbox's PATH is run by its path, with its install prefix shown in the sandbox; one on that PATH,
 * or a path (into the package, say), runs as written.
 *
 * @param variables the instance's variables, for {@code $(NAME)} references
 */
record UserCommandProgram(UserCommand userCommand, Map<String, String> variables) implements RuntimeProgram {

    private static final List<String> SANDBOX_DIRS = List.of(Bubblewrap.SANDBOX_PATH.split(":"));

    @Override
    public List<String> command(InstanceView view, long memoryLimitBytes, boolean kernelLimitsMemory) {
        List<String> command = new ArrayList<>(VariableReferences.expand(userCommand.command(), variables));
        outsideSandboxPath().ifPresent(program -> command.set(0, program.path().toString()));
        return command;
    }

    @Override
    public List<Path> hostPaths() {
        return outsideSandboxPath().map(program -> List.of(program.installPrefix())).orElse(List.of());
    }

    private Optional<Executable> outsideSandboxPath() {
        String name = userCommand.command().getFirst();
        if (name.contains("/")) return Optional.empty();
        return Executable.find(name).filter(program -> !SANDBOX_DIRS.contains(program.path().getParent().toString()));
    }
}
