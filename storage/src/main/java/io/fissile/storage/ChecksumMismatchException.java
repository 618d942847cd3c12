package io.fissile.storage;

import java.io.IOException;

/** An archive's bytes do not match the checksum they were sent or stored with. */
public class ChecksumMismatchException extends IOException {
    public ChecksumMismatchException(String message) {
        super(message);
    }
}
