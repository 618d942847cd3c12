package io.fissile.router.proxy;

import io.fissile.api.v1.Function;
import io.fissile.router.routes.RouteMatch;
import io.fissile.router.proxy.wire.HeaderList;

/**
 * The headers Fission's router adds for the function, spelled as Go puts them on the wire
 * (each word capitalised, the rest lower-case: {@code X-Fission-Function-Resourceversion}).
 */
final class FissionHeaders {
    static final String FUNCTION_NAME = "X-Fission-Function-Name";
    static final String FUNCTION_NAMESPACE = "X-Fission-Function-Namespace";
    static final String FUNCTION_UID = "X-Fission-Function-Uid";
    static final String FUNCTION_RESOURCE_VERSION = "X-Fission-Function-Resourceversion";
    static final String FULL_URL = "X-Fission-Full-Url";
    /** Only the router sets parameter headers: a client's own are dropped. */
    static final String PARAMETER_PREFIX = "X-Fission-Params-";

    private FissionHeaders() {
    }

    static boolean isParameterHeader(String name) {
        return name.length() > PARAMETER_PREFIX.length()
                && name.regionMatches(true, 0, PARAMETER_PREFIX, 0, PARAMETER_PREFIX.length());
    }

    /** Sets the function's identity, the path parameters and the URL as the client sent it. */
    static void set(HeaderList headers, Function function, RouteMatch match, String fullUrl) {
        headers.set(FUNCTION_NAME, function.name());
        headers.set(FUNCTION_NAMESPACE, function.namespace());
        String uid = function.metadata().uid();
        if (uid != null) headers.set(FUNCTION_UID, uid);
        String resourceVersion = function.metadata().resourceVersion();
        if (resourceVersion != null) headers.set(FUNCTION_RESOURCE_VERSION, resourceVersion);
        for (int i = 0; i < match.parameterCount(); i++) {
            String header = match.route().parameterHeader(i);
            if (header != null) headers.set(header, HeaderValues.safe(match.parameter(i)));
        }
        headers.set(FULL_URL, fullUrl);
    }
}
