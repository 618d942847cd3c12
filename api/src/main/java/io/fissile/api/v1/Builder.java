package io.fissile.api.v1;

import io.fissile.api.Extensible;

/** The image and command that turn a source archive into a deployment archive. */
public final class Builder extends Extensible {
    private String image;
    private String command;

    public String image() { return image; }
    public Builder image(String image) { this.image = image; return this; }

    public String command() { return command; }
    public Builder command(String command) { this.command = command; return this; }

    /** True when no builder is configured ({@code builder: {}}). */
    public boolean isEmpty() {
        return (image == null || image.isEmpty()) && (command == null || command.isEmpty());
    }
}
