package io.fissile.storage;

import java.io.IOException;

/** An upload passed the size limit. */
public class ArchiveTooLargeException extends IOException {
    public ArchiveTooLargeException(String message) {
        super(message);
    }
}
