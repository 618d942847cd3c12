package io.fissile.environments.jvm.http;

import java.util.ArrayList;
import java.util.List;

/** The request line and headers of one request, as received. */
final class RequestHead {

    private final String method;
    private final String target;
    private final boolean http11;
    private final List<String> namesAndValues;

    RequestHead(String method, String target, boolean http11, List<String> namesAndValues) {
        this.method = method;
        this.target = target;
        this.http11 = http11;
        this.namesAndValues = namesAndValues;
    }

    String method() {
        return method;
    }

    String target() {
        return target;
    }

    boolean isHttp11() {
        return http11;
    }

    int headerCount() {
        return namesAndValues.size() / 2;
    }

    String headerName(int index) {
        return namesAndValues.get(2 * index);
    }

    String headerValue(int index) {
        return namesAndValues.get(2 * index + 1);
    }

    /** The first value of a header, or {@code null}. */
    String header(String name) {
        for (int i = 0; i < namesAndValues.size(); i += 2) {
            if (namesAndValues.get(i).equalsIgnoreCase(name)) {
                return namesAndValues.get(i + 1);
            }
        }
        return null;
    }

    /** All values of a header, in order; empty when absent. */
    List<String> headers(String name) {
        List<String> values = new ArrayList<>(1);
        for (int i = 0; i < namesAndValues.size(); i += 2) {
            if (namesAndValues.get(i).equalsIgnoreCase(name)) {
                values.add(namesAndValues.get(i + 1));
            }
        }
        return values;
    }

    /** Whether a comma-separated header such as Connection holds a token, ignoring case. */
    boolean hasToken(String name, String token) {
        for (String value : headers(name)) {
            for (String part : value.split(",")) {
                if (part.strip().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }
}
