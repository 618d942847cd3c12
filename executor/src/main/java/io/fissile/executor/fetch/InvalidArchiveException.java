package io.fissile.executor.fetch;

import java.io.IOException;

/** A package's archive cannot be used as it is (bad URL, unsupported checksum, unsafe zip); fetching again will not help. */
public class InvalidArchiveException extends IOException {
    public InvalidArchiveException(String message) {
        super(message);
    }
}
