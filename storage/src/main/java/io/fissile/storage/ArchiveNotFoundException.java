package io.fissile.storage;

import java.io.IOException;

/** No archive has that id. */
public class ArchiveNotFoundException extends IOException {
    public ArchiveNotFoundException(String message) {
        super(message);
    }
}
