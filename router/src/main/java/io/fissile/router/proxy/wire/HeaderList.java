package io.fissile.router.proxy.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A message's header fields in the order they came, names compared without regard to case. A head
 * holds a dozen fields or so: arrays scanned from the start beat any map at that size.
 */
public final class HeaderList {
    private String[] names;
    private String[] values;
    private int size;

    public HeaderList() {
        this(16);
    }

    public HeaderList(int capacity) {
        names = new String[capacity];
        values = new String[capacity];
    }

    public int size() {
        return size;
    }

    public String name(int index) {
        return names[index];
    }

    public String value(int index) {
        return values[index];
    }

    public HeaderList add(String name, String value) {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        values[size] = value;
        size++;
        return this;
    }

    /** Replaces every field of that name with one, at the end. */
    public HeaderList set(String name, String value) {
        remove(name);
        return add(name, value);
    }

    public void remove(String name) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (names[i].equalsIgnoreCase(name)) continue;
            names[kept] = names[i];
            values[kept] = values[i];
            kept++;
        }
        Arrays.fill(names, kept, size, null);
        Arrays.fill(values, kept, size, null);
        size = kept;
    }

    /** The first value of that name, or null. */
    public String get(String name) {
        for (int i = 0; i < size; i++) {
            if (names[i].equalsIgnoreCase(name)) return values[i];
        }
        return null;
    }

    public boolean contains(String name) {
        return get(name) != null;
    }

    public List<String> getAll(String name) {
        List<String> all = new ArrayList<>(2);
        for (int i = 0; i < size; i++) {
            if (names[i].equalsIgnoreCase(name)) all.add(values[i]);
        }
        return all;
    }

    /** How many fields have that name. */
    public int count(String name) {
        int count = 0;
        for (int i = 0; i < size; i++) {
            if (names[i].equalsIgnoreCase(name)) count++;
        }
        return count;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < size; i++) out.append(names[i]).append(": ").append(values[i]).append('\n');
        return out.toString();
    }
}
