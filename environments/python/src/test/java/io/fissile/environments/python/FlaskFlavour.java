package io.fissile.environments.python;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fissile.environments.testing.Interpreters;
import java.util.List;

/** Which flask a function's {@code from flask import request} gets. */
enum FlaskFlavour {
    /** The runtime's own stand-in: python3 -S leaves site-packages, and so any installed Flask, out. */
    STAND_IN(List.of("python3", "-S")),
    /** A real Flask installed for python3, which the runtime prefers to its stand-in. */
    REAL_FLASK(List.of("python3"));

    final List<String> interpreter;

    FlaskFlavour(List<String> interpreter) {
        this.interpreter = interpreter;
    }

    void assumeAvailable() {
        if (this == REAL_FLASK) {
            assumeTrue(Interpreters.succeeds(List.of("python3", "-c", "import flask")),
                    "Flask is not installed for python3 (Debian package python3-flask); the stand-in is tested instead");
        }
    }
}
