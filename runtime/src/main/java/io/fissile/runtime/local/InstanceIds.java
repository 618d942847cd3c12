package io.fissile.runtime.local;


import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Instance ids such as {@code nodejs-7f3a9c}: the runtime's name (or a container function's) and six random hex digits. An id is
 * taken by creating its directory, so two starts at the same moment never share one.
 */
final class InstanceIds {

    private final SecureRandom random = new SecureRandom();
    private final Path instancesDir;

    InstanceIds(Path instancesDir) {
        this.instancesDir = instancesDir;
    }

    InstanceDirectory allocate(String name) throws IOException {
        while (true) {
            byte[] bytes = new byte[3];
            random.nextBytes(bytes);
            String id = name + "-" + HexFormat.of().formatHex(bytes);
            try {
                return InstanceDirectory.create(instancesDir, id);
            } catch (FileAlreadyExistsException taken) {
                // another instance has it: draw again
            }
        }
    }
}
