package io.fissile.function;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An HTTP request to a function: method, target, headers and the whole body.
 *
 * <p>Header names are case-insensitive. Path parameters of an HTTP trigger such as
 * {@code /users/{id}} arrive as {@code X-Fission-Params-Id} headers and are read with
 * {@link #param}. Build one with {@link #builder()}, for example to unit-test a function.
 */
public final class Request {

    private static final String PARAM_HEADER_PREFIX = "X-Fission-Params-";

    private final String method;
    private final String uri;
    private final String[] headerNamesAndValues;
    private final byte[] body;

    // Derived on first use: most functions look at only a part of the request.
    private volatile String path;
    private volatile Map<String, List<String>> queryParameters;
    private volatile Map<String, List<String>> headerMap;

    private Request(Builder builder) {
        this.method = builder.method;
        this.uri = builder.uri;
        this.headerNamesAndValues = builder.headerNamesAndValues.toArray(String[]::new);
        this.body = builder.body;
    }

    /** Starts a request; by default {@code GET /} with no headers and an empty body. */
    public static Builder builder() {
        return new Builder();
    }

    /** The method, such as {@code GET} or {@code POST}. */
    public String method() {
        return method;
    }

    /** The request target as received: the path, still percent-encoded, and the query string. */
    public String uri() {
        return uri;
    }

    /** The path without the query string, percent-decoded as UTF-8. */
    public String path() {
        String decoded = path;
        if (decoded == null) {
            int query = uri.indexOf('?');
            decoded = PercentDecoder.decode(query < 0 ? uri : uri.substring(0, query), false);
            path = decoded;
        }
        return decoded;
    }

    /** The first value of a query parameter, decoded; {@code null} when absent. */
    public String query(String name) {
        List<String> values = queryParameters().get(name);
        return values == null ? null : values.get(0);
    }

    /** Every query parameter with all its values, decoded, in the order received. */
    public Map<String, List<String>> queryParameters() {
        Map<String, List<String>> parameters = queryParameters;
        if (parameters == null) {
            parameters = parseQuery();
            queryParameters = parameters;
        }
        return parameters;
    }

    /** The first value of a header, whatever the case of {@code name}; {@code null} when absent. */
    public String header(String name) {
        for (int i = 0; i < headerNamesAndValues.length; i += 2) {
            if (headerNamesAndValues[i].equalsIgnoreCase(name)) {
                return headerNamesAndValues[i + 1];
            }
        }
        return null;
    }

    /** Every header with all its values; lookups in this map ignore the case of the name. */
    public Map<String, List<String>> headers() {
        Map<String, List<String>> headers = headerMap;
        if (headers == null) {
            TreeMap<String, List<String>> collected = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 0; i < headerNamesAndValues.length; i += 2) {
                collected.put(headerNamesAndValues[i], append(collected.get(headerNamesAndValues[i]),
                        headerNamesAndValues[i + 1]));
            }
            headers = Collections.unmodifiableMap(collected);
            headerMap = headers;
        }
        return headers;
    }

    /**
     * A path parameter of the HTTP trigger, such as {@code id} in {@code /users/{id}}; the router
     * passes it as the header {@code X-Fission-Params-<name>}. {@code null} when absent.
     */
    public String param(String name) {
        return header(PARAM_HEADER_PREFIX + name);
    }

    /** The body; an empty array when there is none. The array is shared: do not modify it. */
    public byte[] body() {
        return body;
    }

    /** The body decoded as UTF-8. */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return method + " " + uri;
    }

    private Map<String, List<String>> parseQuery() {
        int start = uri.indexOf('?');
        if (start < 0 || start == uri.length() - 1) {
            return Map.of();
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : uri.substring(start + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = PercentDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), true);
            String value = equals < 0 ? "" : PercentDecoder.decode(pair.substring(equals + 1), true);
            parameters.put(name, append(parameters.get(name), value));
        }
        return Collections.unmodifiableMap(parameters);
    }

    /** A list of values with one more; lists stay small, so copying beats lambdas on a cold start. */
    private static List<String> append(List<String> values, String value) {
        if (values == null) {
            return List.of(value);
        }
        String[] more = values.toArray(new String[values.size() + 1]);
        more[values.size()] = value;
        return List.of(more);
    }

    /** Collects the parts of a {@link Request}. */
    public static final class Builder {

        private String method = "GET";
        private String uri = "/";
        private final List<String> headerNamesAndValues = new ArrayList<>();
        private byte[] body = new byte[0];

        private Builder() {
        }

        /** Sets the method, such as {@code POST}. */
        public Builder method(String method) {
            this.method = Objects.requireNonNull(method, "method");
            return this;
        }

        /** Sets the request target: a path, optionally with a query string, as sent on the wire. */
        public Builder uri(String uri) {
            this.uri = Objects.requireNonNull(uri, "uri");
            return this;
        }

        /** Adds a header value; a name may be added more than once. */
        public Builder header(String name, String value) {
            headerNamesAndValues.add(Objects.requireNonNull(name, "name"));
            headerNamesAndValues.add(Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Sets the body; the array is used as it is, not copied. */
        public Builder body(byte[] body) {
            this.body = Objects.requireNonNull(body, "body");
            return this;
        }

        /** Sets the body to the UTF-8 encoding of {@code text}. */
        public Builder body(String text) {
            return body(text.getBytes(StandardCharsets.UTF_8));
        }

        /** Creates the request. */
        public Request build() {
            return new Request(this);
        }
    }

    /** Decodes %XX escapes as UTF-8, leaving malformed escapes as they are. */
    private static final class PercentDecoder {

        static String decode(String text, boolean plusIsSpace) {
            if (text.indexOf('%') < 0 && !(plusIsSpace && text.indexOf('+') >= 0)) {
                return text;
            }
            StringBuilder decoded = new StringBuilder(text.length());
            ByteArrayOutputStream escapedBytes = new ByteArrayOutputStream();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                    escapedBytes.write(Integer.parseInt(text, i + 1, i + 3, 16));
                    i += 2;
                    continue;
                }
                // A run of escapes is one UTF-8 sequence: decode it before the next plain character.
                flush(escapedBytes, decoded);
                decoded.append(c == '+' && plusIsSpace ? ' ' : c);
            }
            flush(escapedBytes, decoded);
            return decoded.toString();
        }

        private static void flush(ByteArrayOutputStream escapedBytes, StringBuilder decoded) {
            if (escapedBytes.size() > 0) {
                decoded.append(escapedBytes.toString(StandardCharsets.UTF_8));
                escapedBytes.reset();
            }
        }

        private static boolean isHex(char c) {
            char lower = (char) (c | 0x20);
            return (c >= '0' && c <= '9') || (lower >= 'a' && lower <= 'f');
        }
    }
}
