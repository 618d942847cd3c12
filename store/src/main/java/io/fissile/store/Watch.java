package io.fissile.store;

/** An open watch; closing it stops its events. */
public interface Watch extends AutoCloseable {
    @Override
    void close();
}
