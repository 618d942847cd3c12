package io.fissile.controller.resources;

import io.fissile.api.Codec;
import io.fissile.api.InvalidResourceException;
import io.fissile.api.Kind;
import io.fissile.api.Resource;
import io.fissile.controller.http.ApiError;
import io.fissile.controller.http.ApiErrors;

import java.util.Locale;

/**
 * Reads a resource from a request body: JSON, or YAML when the Content-Type says so. Without a
 * telling Content-Type (curl's default, say) the text decides.
 */
final class ResourceDecoder {
    private ResourceDecoder() {
    }

    static <R extends Resource<?, ?>> R decode(Kind<R> kind, String text, String contentType) {
        if (isJson(contentType) && !text.stripLeading().startsWith("{")) {
            throw ApiError.badRequest("the body is not a JSON object; send YAML with Content-Type: application/yaml");
        }
        try {
            return Codec.readResource(text, kind);
        } catch (InvalidResourceException e) {
            throw ApiErrors.invalid(e.about(kind.name() + " in the request body"));
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) return false;
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }
}
