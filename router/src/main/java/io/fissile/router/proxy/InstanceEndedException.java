package io.fissile.router.proxy;

/** Handed to the executor with a broken lease: the instance ended while it held a request. */
final class InstanceEndedException extends RuntimeException {
    InstanceEndedException(String reason) {
        super("instance ended: " + reason, null, false, false);
    }
}
