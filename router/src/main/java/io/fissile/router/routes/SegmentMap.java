package io.fissile.router.routes;

/**
 * A hash map from a path segment to a child node, looked up with a range of the request path so
 * that no substring is made per request. Open addressing; filled when the table is built, then
 * only read.
 */
final class SegmentMap<V> {
    private String[] keys = new String[8];
    private Object[] values = new Object[8];
    private int size;

    @SuppressWarnings("unchecked")
    V get(String path, int start, int end) {
        int length = end - start;
        int mask = keys.length - 1;
        for (int i = hash(path, start, end) & mask; ; i = (i + 1) & mask) {
            String key = keys[i];
            if (key == null) return null;
            if (key.length() == length && path.regionMatches(start, key, 0, length)) return (V) values[i];
        }
    }

    V get(String key) {
        return get(key, 0, key.length());
    }

    void put(String key, V value) {
        if ((size + 1) * 2 > keys.length) grow();
        int mask = keys.length - 1;
        int i = hash(key, 0, key.length()) & mask;
        while (keys[i] != null && !keys[i].equals(key)) i = (i + 1) & mask;
        if (keys[i] == null) size++;
        keys[i] = key;
        values[i] = value;
    }

    private void grow() {
        String[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new String[oldKeys.length * 2];
        values = new Object[oldValues.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                @SuppressWarnings("unchecked") V value = (V) oldValues[i];
                put(oldKeys[i], value);
            }
        }
    }

    private static int hash(String s, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) h = 31 * h + s.charAt(i);
        return h ^ (h >>> 16);
    }
}
