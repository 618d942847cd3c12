package io.fissile.function;

/**
 * A Fissile function written in Java.
 *
 * <p>The jvm environment loads the class named by the function's entrypoint from its jar, creates
 * one instance with the public no-argument constructor, and calls {@link #handle} for every
 * request. Calls run in parallel on virtual threads, so an implementation must be thread-safe
 * unless the class is annotated with {@link SingleThreaded}.
 *
 * <pre>{@code
 * public final class Hello implements Function {
 *     public Response handle(Request request, Context context) {
 *         return Response.ok("hello " + request.query("name"));
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface Function {

    /**
     * Answers one HTTP request.
     *
     * @param request the request, with its body already read
     * @param context the function's name, namespace, log, secrets and config maps
     * @return the response to send
     * @throws Exception any failure; the caller answers 500 and logs the stack trace
     */
    Response handle(Request request, Context context) throws Exception;
}
