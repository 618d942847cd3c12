package io.fissile.router.routes;

import io.fissile.api.v1.Function;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A canary route ({@code function-weights}): each request goes to one function, picked with a
 * probability proportional to its weight. Functions with weight 0 get nothing.
 */
public final class WeightedFunctions implements FunctionTarget {
    private final Function[] functions;
    // Running totals of the weights: function i gets the draws in [cumulative[i-1], cumulative[i]).
    private final int[] cumulative;

    private WeightedFunctions(Function[] functions, int[] cumulative) {
        this.functions = functions;
        this.cumulative = cumulative;
    }

    /**
     * @param weights each function with its weight, in the order to keep
     * @throws IllegalArgumentException if a weight is negative or no weight is above 0
     */
    public static WeightedFunctions of(Map<Function, Integer> weights) {
        List<Function> picked = new ArrayList<>();
        List<Integer> totals = new ArrayList<>();
        int total = 0;
        for (Map.Entry<Function, Integer> entry : weights.entrySet()) {
            int weight = entry.getValue() == null ? 0 : entry.getValue();
            if (weight < 0) throw new IllegalArgumentException("weight of " + entry.getKey().name() + " is negative: " + weight);
            if (weight == 0) continue;
            total = Math.addExact(total, weight);
            picked.add(entry.getKey());
            totals.add(total);
        }
        if (picked.isEmpty()) throw new IllegalArgumentException("no function has a weight above 0");
        return new WeightedFunctions(picked.toArray(Function[]::new), totals.stream().mapToInt(Integer::intValue).toArray());
    }

    @Override
    public Function pick(RandomGenerator random) {
        int draw = random.nextInt(cumulative[cumulative.length - 1]);
        int i = 0;
        while (draw >= cumulative[i]) i++;
        return functions[i];
    }

    @Override
    public List<Function> functions() {
        return List.of(functions);
    }
}
