package io.fissile.spec;

import java.util.Locale;

/**
 * What an apply, or a destroy, did to one object.
 *
 * @param location where the object is written in the specs; null for objects the specs no longer hold
 */
public record ObjectChange(String kind, String namespace, String name, Action action, SpecLocation location) {

    public enum Action {
        CREATED, UPDATED, UNCHANGED, DELETED;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Override
    public String toString() {
        return kind + " " + namespace + "/" + name + " " + action.word();
    }
}
