package io.fissile.api.v1;

import io.fissile.api.Extensible;

/** The image an environment's instances run. Fission image names map to Fissile's shipped runtimes. */
public final class Runtime extends Extensible {
    private String image;

    public String image() { return image; }
    public Runtime image(String image) { this.image = image; return this; }
}
