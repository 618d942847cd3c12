package io.fissile.executor.instances;

import java.util.Arrays;

/**
 * A group's running instances, as an array that is replaced, never changed in place: the data path
 * reads it without a lock. Changes are made under the group's lock.
 */
final class InstanceSet {

    private static final FunctionInstance[] NONE = {};

    private volatile FunctionInstance[] all = NONE;
    /** Where the next lease looks first, so that requests spread over instances; races are harmless. */
    private int cursor;

    /** Room for one request on any instance that has some, or null. */
    FunctionInstance take() {
        FunctionInstance[] instances = all;
        int n = instances.length;
        if (n == 0) return null;
        int at = n == 1 ? 0 : (cursor++ & Integer.MAX_VALUE) % n;
        for (int i = 0; i < n; i++) {
            FunctionInstance instance = instances[at];
            if (instance.tryTake()) return instance;
            if (++at == n) at = 0;
        }
        return null;
    }

    void add(FunctionInstance instance) {
        FunctionInstance[] more = Arrays.copyOf(all, all.length + 1);
        more[more.length - 1] = instance;
        all = more;
    }

    /** False when it was not there (removed already). */
    boolean remove(FunctionInstance instance) {
        FunctionInstance[] instances = all;
        for (int i = 0; i < instances.length; i++) {
            if (instances[i] != instance) continue;
            FunctionInstance[] fewer = new FunctionInstance[instances.length - 1];
            System.arraycopy(instances, 0, fewer, 0, i);
            System.arraycopy(instances, i + 1, fewer, i, instances.length - i - 1);
            all = fewer;
            return true;
        }
        return false;
    }

    int size() {
        return all.length;
    }

    boolean isEmpty() {
        return all.length == 0;
    }

    /** Instances that take requests: neither draining nor used up. */
    int serving() {
        int count = 0;
        for (FunctionInstance instance : all) {
            if (!instance.occupancy().retired()) count++;
        }
        return count;
    }

    int inFlight() {
        int sum = 0;
        for (FunctionInstance instance : all) sum += instance.occupancy().inFlight();
        return sum;
    }

    /** The instances now; a copy nobody else changes. */
    FunctionInstance[] snapshot() {
        return all;
    }
}
