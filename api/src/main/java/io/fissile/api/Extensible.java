package io.fissile.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base of every model object. Fields this version does not know are kept here, in their original
 * order, so that a resource read and written back loses nothing (a newer Fission's fields, a
 * Kubernetes pod spec, annotations of other tools).
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public abstract class Extensible {

    private final transient Map<String, Object> unknownFields = new LinkedHashMap<>();

    /** Fields that were read but are not part of this model, by name. */
    @JsonAnyGetter
    public Map<String, Object> unknownFields() {
        return Collections.unmodifiableMap(unknownFields);
    }

    @JsonAnySetter
    public void unknownField(String name, Object value) {
        unknownFields.put(name, value);
    }

    public Object unknownField(String name) {
        return unknownFields.get(name);
    }
}
