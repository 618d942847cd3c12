package io.fissile.router.routes;

import io.fissile.api.v1.Function;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/** A route to one function, by name. */
public record SingleFunction(Function function) implements FunctionTarget {

    public SingleFunction {
        Objects.requireNonNull(function, "function");
    }

    @Override
    public Function pick(RandomGenerator random) {
        return function;
    }

    @Override
    public List<Function> functions() {
        return List.of(function);
    }
}
