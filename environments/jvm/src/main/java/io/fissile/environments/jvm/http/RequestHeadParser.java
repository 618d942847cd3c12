package io.fissile.environments.jvm.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads a request line and its header fields (RFC 9112), strictly enough to refuse smuggling tricks. */
final class RequestHeadParser {

    static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final int MAX_LEADING_EMPTY_LINES = 4;

    private RequestHeadParser() {
    }

    /** Returns the next request head, or {@code null} when the client closed the connection between requests. */
    static RequestHead read(InputBuffer in) throws IOException {
        int budget = MAX_HEAD_BYTES;
        String requestLine = in.readLine(budget);
        // Clients may send stray line breaks after a body; RFC 9112 lets servers skip them.
        for (int skipped = 0; requestLine != null && requestLine.isEmpty(); skipped++) {
            if (skipped == MAX_LEADING_EMPTY_LINES) {
                throw new HttpException(400, "empty request line");
            }
            requestLine = in.readLine(budget);
        }
        if (requestLine == null) {
            return null;
        }
        budget -= requestLine.length() + 2;

        int firstSpace = requestLine.indexOf(' ');
        int secondSpace = requestLine.indexOf(' ', firstSpace + 1);
        if (firstSpace <= 0 || secondSpace <= firstSpace + 1 || requestLine.indexOf(' ', secondSpace + 1) >= 0) {
            throw new HttpException(400, "malformed request line");
        }
        String method = requestLine.substring(0, firstSpace);
        if (!isToken(method)) {
            throw new HttpException(400, "malformed method");
        }
        String target = originForm(requestLine.substring(firstSpace + 1, secondSpace));
        boolean http11 = httpVersion(requestLine.substring(secondSpace + 1));

        List<String> namesAndValues = new ArrayList<>(24);
        while (true) {
            String line = in.readLine(budget);
            if (line == null) {
                throw new HttpException(400, "connection closed within the request head");
            }
            if (line.isEmpty()) {
                return new RequestHead(method, target, http11, namesAndValues);
            }
            budget -= line.length() + 2;
            if (budget < 0) {
                throw new HttpException(431, "request head too large");
            }
            addField(line, namesAndValues);
        }
    }

    private static void addField(String line, List<String> namesAndValues) throws HttpException {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw new HttpException(400, "malformed header field");
        }
        String name = line.substring(0, colon);
        if (!isToken(name)) {
            // Also refuses obsolete line folding and whitespace before the colon.
            throw new HttpException(400, "malformed header name");
        }
        namesAndValues.add(name);
        namesAndValues.add(line.substring(colon + 1).strip());
    }

    private static boolean httpVersion(String version) throws HttpException {
        return switch (version) {
            case "HTTP/1.1" -> true;
            case "HTTP/1.0" -> false;
            default -> throw version.startsWith("HTTP/")
                    ? new HttpException(505, "HTTP version not supported")
                    : new HttpException(400, "malformed HTTP version");
        };
    }

    /** Turns an absolute-form target (sent to proxies) into the path and query it names. */
    private static String originForm(String target) {
        if (target.startsWith("/") || target.equals("*")) {
            return target;
        }
        int scheme = target.indexOf("://");
        if (scheme > 0) {
            int path = target.indexOf('/', scheme + 3);
            int query = target.indexOf('?', scheme + 3);
            if (path < 0 || (query >= 0 && query < path)) {
                return query < 0 ? "/" : "/" + target.substring(query);
            }
            return target.substring(path);
        }
        return target;
    }

    private static boolean isToken(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c >= 127 || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
                return false;
            }
        }
        return !text.isEmpty();
    }
}
