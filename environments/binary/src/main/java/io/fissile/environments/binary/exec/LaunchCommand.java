package io.fissile.environments.binary.exec;

import io.fissile.environments.jvm.server.SpecializationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How to run the function's file: directly when the system can execute it (executable, and an
 * ELF binary or a script with a {@code #!} line), otherwise as a script of {@code /bin/sh}, as
 * Fission's binary environment always does.
 *
 * @param command          the program and its argument
 * @param workingDirectory the directory holding the file, so that it finds files packaged beside it
 */
record LaunchCommand(List<String> command, Path workingDirectory) {

    static LaunchCommand of(Path file) throws SpecializationException {
        Path absolute = file.toAbsolutePath();
        List<String> command = runsDirectly(absolute)
                ? List.of(absolute.toString())
                : List.of("/bin/sh", absolute.toString());
        return new LaunchCommand(command, absolute.getParent());
    }

    String executable() {
        return command.get(command.size() - 1);
    }

    private static boolean runsDirectly(Path file) throws SpecializationException {
        if (!Files.isExecutable(file)) {
            return false;
        }
        byte[] magic;
        try (InputStream in = Files.newInputStream(file)) {
            magic = in.readNBytes(4);
        } catch (IOException e) {
            throw new SpecializationException("cannot read " + file + ": " + e, e);
        }
        boolean shebang = magic.length >= 2 && magic[0] == '#' && magic[1] == '!';
        boolean elf = magic.length == 4 && magic[0] == 0x7f && magic[1] == 'E' && magic[2] == 'L' && magic[3] == 'F';
        return shebang || elf;
    }
}
