package io.fissile.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A program of the user's that serves HTTP itself, run instead of an environment's runtime (a
 * function of executor type container). It runs confined as runtimes are, with its own
 * {@code /userfunc} as working directory, the contract's variables ({@code PORT} above all: it must
 * listen there), and is ready once that port accepts connections. It is never specialized.
 * <p>
 * A word of the command may refer to a variable of the instance as {@code $(NAME)}, which is
 * replaced by its value as Kubernetes does for a container's command and args ({@code $(PORT)} for a
 * program that takes its port as an argument); {@code $$} stands for one {@code $}, so {@code $$(NAME)}
 * is the literal {@code $(NAME)}; a reference to an unknown variable is left as written.
 *
 * @param command the program and its arguments; a bare name is looked up on the system PATH, a path
 *                relative to {@code /userfunc} (the function's package) starts with {@code ./}
 * @param files fills the instance's own directories before the program starts (userfunc with the
 *              function's package, secrets and configs with what the function may read), or null
 *              to leave them empty
 */
public record UserCommand(List<String> command, InitialFiles files) {

    public UserCommand {
        command = List.copyOf(Objects.requireNonNull(command, "command"));
        if (command.isEmpty() || command.getFirst().isBlank()) throw new IllegalArgumentException("a user command needs a program");
    }

    public static UserCommand of(List<String> command) {
        return new UserCommand(command, null);
    }

    /**
     * Puts files into an instance's own directories, which exist and are empty, before its program
     * starts: they are those of {@link Instance#userfuncDir()}, {@link Instance#secretsDir()} and
     * {@link Instance#configsDir()}.
     */
    @FunctionalInterface
    public interface InitialFiles {
        void fill(Path userfuncDir, Path secretsDir, Path configsDir) throws IOException;
    }
}
