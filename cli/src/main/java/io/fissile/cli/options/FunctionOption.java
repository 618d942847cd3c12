package io.fissile.cli.options;

import io.fissile.api.v1.FunctionReference;
import picocli.CommandLine.Option;

/** {@code --function}: the function a trigger calls. */
public final class FunctionOption {
    @Option(names = "--function", paramLabel = "FUNCTION", description = "The function the trigger calls")
    String function;

    public String function() {
        return function;
    }

    public boolean given() {
        return function != null && !function.isBlank();
    }

    public FunctionReference reference() {
        return FunctionReference.byName(function);
    }
}
