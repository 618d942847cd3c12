package io.fissile.router.routes;

import io.fissile.api.v1.Function;

import java.util.List;
import java.util.random.RandomGenerator;

/** The function, or functions, a route sends requests to. */
public sealed interface FunctionTarget permits SingleFunction, WeightedFunctions {

    /** The function for one request. */
    Function pick(RandomGenerator random);

    /** Every function this target may pick. */
    List<Function> functions();
}
