package io.fissile.runtime.archive;

import java.io.IOException;

/**
 * A package's archive cannot be used as it is (bad URL, unsupported checksum, an unsafe or oversized
 * zip); fetching it again will not help. The message names the archive and, for a zip, the entry at fault.
 */
public class InvalidArchiveException extends IOException {
    public InvalidArchiveException(String message) {
        super(message);
    }
}
