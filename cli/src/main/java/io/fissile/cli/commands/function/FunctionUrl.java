package io.fissile.cli.commands.function;

import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.Session;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where the router answers a function directly, on Fission's internal route:
 * {@code /fission-function/<name>}, or {@code /fission-function/<namespace>/<name>} outside the
 * default namespace, then the subpath and query.
 */
final class FunctionUrl {
    static final String PREFIX = "/fission-function";

    private FunctionUrl() {
    }

    static URI of(URI router, String namespace, String name, String subpath, Map<String, String> query) {
        StringBuilder url = new StringBuilder(stripSlash(router.toString())).append(PREFIX);
        if (!Session.DEFAULT_NAMESPACE.equals(namespace)) url.append('/').append(namespace);
        url.append('/').append(name);
        if (subpath != null && !subpath.isEmpty()) {
            url.append(subpath.startsWith("/") ? "" : "/").append(subpath);
        }
        if (!query.isEmpty()) {
            url.append('?').append(query.entrySet().stream()
                    .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                    .collect(Collectors.joining("&")));
        }
        try {
            return URI.create(url.toString());
        } catch (IllegalArgumentException e) {
            throw new CliException("--subpath \"" + subpath + "\" does not make a valid URL: " + e.getMessage());
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
