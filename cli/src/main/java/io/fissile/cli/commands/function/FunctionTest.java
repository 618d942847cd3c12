package io.fissile.cli.commands.function;

import io.fissile.api.GoDuration;
import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.FissileCommand;
import io.fissile.cli.options.KeyValues;
import io.fissile.cli.options.RequiredName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code fn test --name N [--method M] [-H K:V ...] [-b BODY] [-q k=v ...] [--subpath P] [-t 60s]}:
 * calls the function through the router, as Fission does, and prints its answer's body. An error
 * answer (400 or more), or no answer at all, fails the command with the function's most recent log
 * lines.
 */
@Command(name = "test", description = "Test a function: call it through the router and print what it answers")
public final class FunctionTest extends FissileCommand {
    /** Fission's methods, but CONNECT: it opens a tunnel and answers nothing to print. */
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

    @Mixin
    RequiredName name;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "GET", description = "HTTP method (default: ${DEFAULT-VALUE})")
    String method;

    @Option(names = {"-H", "--header"}, paramLabel = "NAME:VALUE", description = "A request header; repeat for several")
    List<String> headers = new ArrayList<>();

    @Option(names = {"-b", "--body"}, paramLabel = "BODY", description = "Request body")
    String body;

    @Option(names = {"-q", "--query"}, paramLabel = "KEY=VALUE",
            description = "A query parameter; repeat for several: -q key1=value1 -q key2=value2")
    List<String> query = new ArrayList<>();

    @Option(names = "--subpath", paramLabel = "PATH", description = "Path under the function's URL, for a function that routes by path")
    String subpath;

    @Option(names = {"-t", "--timeout"}, paramLabel = "DURATION", defaultValue = "60s",
            description = "How long to wait for the whole answer; 0 or less waits without limit (default: ${DEFAULT-VALUE})")
    String timeout;

    @Override
    protected void run() {
        URI url = FunctionUrl.of(session().router(), session().namespace(), name.name(), subpath, KeyValues.parse("--query", query));
        HttpRequest request = request(url);
        Duration limit = timeout();
        RouterCall.Answer answer;
        try {
            answer = new RouterCall(session(), name.name()).send(request, limit);
        } catch (RouterCall.Failed failed) {
            throw new CliException(failed.getMessage(), RecentLogs.of(session(), name.name()));
        }
        if (answer.failed()) {
            List<String> details = new ArrayList<>(answer.errorBody().lines().toList());
            details.addAll(RecentLogs.of(session(), name.name()));
            throw new CliException("function '" + name.name() + "' answered HTTP " + answer.status(), details);
        }
    }

    private HttpRequest request(URI url) {
        String verb = method.toUpperCase(Locale.ROOT);
        if (!METHODS.contains(verb)) {
            throw new CliException("--method " + method + " is not one of " + String.join(", ", METHODS));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .method(verb, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon <= 0) throw new CliException("--header \"" + header + "\" is not NAME:VALUE");
            String headerName = header.substring(0, colon).trim();
            try {
                request.header(headerName, header.substring(colon + 1).trim());
            } catch (IllegalArgumentException e) {
                throw new CliException("--header " + headerName + " cannot be sent: " + e.getMessage());
            }
        }
        return request.build();
    }

    /** The timeout, or null for none. */
    private Duration timeout() {
        Duration parsed;
        try {
            parsed = GoDuration.parse(timeout);
        } catch (IllegalArgumentException e) {
            throw new CliException("--timeout: " + e.getMessage());
        }
        return parsed.isNegative() || parsed.isZero() ? null : parsed;
    }
}
