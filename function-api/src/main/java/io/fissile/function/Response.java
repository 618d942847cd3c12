package io.fissile.function;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An HTTP response from a function: status, headers and body. Instances are immutable; every
 * {@code header} and {@code body} call returns a new response, so they chain:
 *
 * <pre>{@code
 * return Response.ok("hello");
 * return Response.status(201).header("Location", "/x").body("created");
 * }</pre>
 *
 * <p>A text body gets {@code Content-Type: text/plain; charset=utf-8} unless a Content-Type is
 * set. The runtime frames the body itself: a {@code Content-Length} or {@code Transfer-Encoding}
 * header set here is ignored.
 */
public final class Response {

    private static final String CONTENT_TYPE = "Content-Type";
    private static final Map<String, List<String>> NO_HEADERS = Collections.unmodifiableMap(caseInsensitiveMap());
    private static final Map<String, List<String>> TEXT_HEADERS =
            withValues(NO_HEADERS, CONTENT_TYPE, List.of("text/plain; charset=utf-8"));
    private static final byte[] EMPTY = new byte[0];

    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    private Response(int status, Map<String, List<String>> headers, byte[] body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    /** A 200 response with a text body. */
    public static Response ok(String body) {
        return status(200).body(body);
    }

    /**
     * A response with the given status, no headers and an empty body.
     *
     * @throws IllegalArgumentException when {@code status} is not between 200 and 599 (1xx
     *     statuses are interim answers of the server, not a function's final response)
     */
    public static Response status(int status) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("a response status must be between 200 and 599: " + status);
        }
        return new Response(status, NO_HEADERS, EMPTY);
    }

    /**
     * This response with the header set to {@code value}, replacing earlier values of that name.
     *
     * @throws IllegalArgumentException when the name is not an HTTP token or the value holds a
     *     line break
     */
    public Response header(String name, String value) {
        return new Response(status, withValues(headers, checkedName(name), List.of(checkedValue(value))), body);
    }

    /** This response with one more value of the header, for headers such as {@code Set-Cookie}. */
    public Response addHeader(String name, String value) {
        List<String> values = new ArrayList<>(headers.getOrDefault(checkedName(name), List.of()));
        values.add(checkedValue(value));
        return new Response(status, withValues(headers, name, List.copyOf(values)), body);
    }

    /** This response with a UTF-8 text body, typed {@code text/plain} unless a type is set. */
    public Response body(String text) {
        byte[] bytes = Objects.requireNonNull(text, "body").getBytes(StandardCharsets.UTF_8);
        if (headers.containsKey(CONTENT_TYPE)) {
            return new Response(status, headers, bytes);
        }
        Map<String, List<String>> typed = headers.isEmpty()
                ? TEXT_HEADERS
                : withValues(headers, CONTENT_TYPE, TEXT_HEADERS.get(CONTENT_TYPE));
        return new Response(status, typed, bytes);
    }

    /** This response with a binary body; the array is used as it is, not copied. */
    public Response body(byte[] bytes) {
        return new Response(status, headers, Objects.requireNonNull(bytes, "body"));
    }

    /** The status code. */
    public int status() {
        return status;
    }

    /** The first value of a header, whatever the case of {@code name}; {@code null} when absent. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null ? null : values.get(0);
    }

    /** Every header with its values; lookups in this map ignore the case of the name. */
    public Map<String, List<String>> headers() {
        return headers;
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
        return "Response " + status + " " + headers + " (" + body.length + " bytes)";
    }

    private static TreeMap<String, List<String>> caseInsensitiveMap() {
        return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    }

    private static Map<String, List<String>> withValues(
            Map<String, List<String>> headers, String name, List<String> values) {
        TreeMap<String, List<String>> copy = caseInsensitiveMap();
        copy.putAll(headers);
        copy.remove(name); // so that the new spelling of the name is the one sent
        copy.put(name, values);
        return Collections.unmodifiableMap(copy);
    }

    private static String checkedName(String name) {
        Objects.requireNonNull(name, "header name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty header name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 127 || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
                throw new IllegalArgumentException("not a valid header name: " + name);
            }
        }
        return name;
    }

    private static String checkedValue(String value) {
        Objects.requireNonNull(value, "header value");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException("header value holds a line break: " + value);
            }
        }
        return value;
    }
}
