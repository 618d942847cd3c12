package io.fissile.router.proxy;

import io.fissile.api.v1.Function;
import io.fissile.executor.FunctionUnavailableException;
import io.fissile.executor.TooManyRequestsException;
import io.fissile.router.routes.PathTemplate;
import io.fissile.router.routes.Route;
import io.fissile.router.routes.RouteKind;
import io.fissile.router.routes.RouteMatch;
import io.fissile.router.routes.RouteOrder;
import io.fissile.router.routes.RouteTable;
import io.fissile.router.routes.SingleFunction;
import io.fissile.router.proxy.wire.ConnectionTokens;
import io.fissile.router.proxy.wire.HeaderList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderBuildingTest {

    private static Function function(String namespace, String name) {
        Function function = new Function();
        function.metadata().namespace(namespace).name(name).uid("u-1").resourceVersion("42");
        return function;
    }

    /** Header names as they will be written, each with its values. */
    private static Map<String, List<String>> written(HeaderList headers) {
        Map<String, List<String>> out = new TreeMap<>();
        for (int i = 0; i < headers.size(); i++) out.computeIfAbsent(headers.name(i), n -> new java.util.ArrayList<>()).add(headers.value(i));
        return out;
    }

    @Nested
    class HopByHop {
        @Test
        void theFixedListIsRecognisedInAnyCase() {
            for (String name : List.of("Connection", "keep-alive", "PROXY-AUTHENTICATE", "Proxy-Authorization", "te", "Trailer",
                    "Transfer-Encoding", "upgrade")) {
                assertThat(HopByHopHeaders.isHopByHop(name, null)).as(name).isTrue();
            }
            assertThat(HopByHopHeaders.isHopByHop("Content-Length", null)).isFalse();
            assertThat(HopByHopHeaders.isHopByHop("Authorization", null)).isFalse();
        }

        @Test
        void headersNamedByConnectionAreHopByHopToo() {
            assertThat(HopByHopHeaders.isHopByHop("X-Session", "keep-alive, X-Session ,x-other")).isTrue();
            assertThat(HopByHopHeaders.isHopByHop("x-other", "keep-alive, X-Session ,x-other")).isTrue();
            assertThat(HopByHopHeaders.isHopByHop("X-Sess", "keep-alive, X-Session")).isFalse();
            assertThat(ConnectionTokens.lists("Keep-Alive, Close", "close")).isTrue();
        }
    }

    @Nested
    class Forwarded {
        @Test
        void aFirstHopSaysWhoAskedHowAndForWhichHost() {
            HeaderList received = new HeaderList().add("Host", "shop.example.com:8888");
            HeaderList sent = new HeaderList();

            ForwardedHeaders.add("10.1.2.3", "http", received, sent);

            assertThat(written(sent)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "X-Forwarded-For", List.of("10.1.2.3"),
                    "X-Forwarded-Proto", List.of("http"),
                    "X-Forwarded-Host", List.of("shop.example.com:8888"),
                    "Forwarded", List.of("for=10.1.2.3;host=\"shop.example.com:8888\";proto=http")));
        }

        @Test
        void anIpv6ClientIsBracketedAndQuotedAndAPlainHostIsNot() {
            HeaderList received = new HeaderList().add("Host", "example.com");
            HeaderList sent = new HeaderList();

            ForwardedHeaders.add("2001:db8::1", "http", received, sent);

            assertThat(sent.get("Forwarded")).isEqualTo("for=\"[2001:db8::1]\";host=example.com;proto=http");
        }

        @Test
        void earlierHopsAreKeptAndThisOneAppended() {
            HeaderList received = new HeaderList()
                    .add("Host", "example.com")
                    .add("X-Forwarded-For", "198.51.100.7")
                    .add("X-Forwarded-For", "203.0.113.1")
                    .add("X-Forwarded-Proto", "https")
                    .add("X-Forwarded-Host", "public.example.com")
                    .add("Forwarded", "for=198.51.100.7;proto=https");
            HeaderList sent = new HeaderList();
            for (int i = 0; i < received.size(); i++) sent.add(received.name(i), received.value(i));

            ForwardedHeaders.add("127.0.0.1", "http", received, sent);

            assertThat(sent.getAll("X-Forwarded-For")).containsExactly("198.51.100.7, 203.0.113.1, 127.0.0.1");
            assertThat(sent.getAll("X-Forwarded-Proto")).containsExactly("https");
            assertThat(sent.getAll("X-Forwarded-Host")).containsExactly("public.example.com");
            assertThat(sent.getAll("Forwarded")).containsExactly("for=198.51.100.7;proto=https, for=127.0.0.1;host=example.com;proto=http");
        }
    }

    @Nested
    class Fission {
        @Test
        void theFunctionsIdentityParametersAndTheFullUrlAreSetAndClientCopiesReplaced() {
            Route route = Route.of(PathTemplate.parse("/u/{userId}/{note}", RouteKind.EXACT), null, null, false,
                    new SingleFunction(function("team-a", "notes")), RouteOrder.of(null, "team-a", "t"), "test");
            RouteMatch match = RouteTable.of(List.of(route)).find("GET", null, "/u/ann/caf%C3%A9%0Aline");
            HeaderList headers = new HeaderList().add("X-Fission-Function-Name", "spoofed");

            FissionHeaders.set(headers, function("team-a", "notes"), match, "/u/ann/caf%C3%A9%0Aline?x=1");

            assertThat(written(headers)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "X-Fission-Function-Name", List.of("notes"),
                    "X-Fission-Function-Namespace", List.of("team-a"),
                    "X-Fission-Function-Uid", List.of("u-1"),
                    "X-Fission-Function-Resourceversion", List.of("42"),
                    "X-Fission-Params-Userid", List.of("ann"),
                    "X-Fission-Params-Note", List.of("caf%C3%A9%0Aline"),
                    "X-Fission-Full-Url", List.of("/u/ann/caf%C3%A9%0Aline?x=1")));
        }

        @Test
        void onlyTheRouterSetsParameterHeaders() {
            assertThat(FissionHeaders.isParameterHeader("x-fission-params-id")).isTrue();
            assertThat(FissionHeaders.isParameterHeader("X-Fission-Params-")).isFalse();
            assertThat(FissionHeaders.isParameterHeader("X-Fission-Function-Name")).isFalse();
        }

        @Test
        void aDecodedValueAHeaderCannotCarryIsSentPercentEncoded() {
            assertThat(HeaderValues.safe("plain value")).isEqualTo("plain value");
            assertThat(HeaderValues.safe("evil\r\nSet-Cookie: x")).isEqualTo("evil%0D%0ASet-Cookie: x");
            assertThat(HeaderValues.safe("Jürgen")).isEqualTo("J%C3%BCrgen");
        }
    }

    @Nested
    class Errors {
        private final Function hello = function("default", "hello");
        private final Function elsewhere = function("team-a", "worker");

        @Test
        void executorRefusalsMapToStatusesWithTheirMessages() {
            assertThat(ErrorReply.acquireFailed(hello, new TooManyRequestsException("function hello has no room")))
                    .isEqualTo(new ErrorReply(429, "function hello has no room", true));
            assertThat(ErrorReply.acquireFailed(hello, new FunctionUnavailableException("its package failed to build", false, null)))
                    .isEqualTo(new ErrorReply(500, "function hello: its package failed to build", false));
            assertThat(ErrorReply.acquireFailed(elsewhere, new FunctionUnavailableException("no capacity", true, null)))
                    .isEqualTo(new ErrorReply(503, "function team-a/worker: no capacity", true));
        }

        @Test
        void everyErrorNamesTheFunctionOrTheRequest() {
            assertThat(ErrorReply.noRoute("GET", "/x").message()).isEqualTo("no function route for GET /x");
            assertThat(ErrorReply.methodNotAllowed("DELETE", "/x", Set.of("GET")))
                    .isEqualTo(new ErrorReply(405, "method DELETE is not allowed for /x; allowed: GET", false, "GET"));
            assertThat(ErrorReply.timedOut(elsewhere, 3).message()).isEqualTo("function team-a/worker did not answer within its timeout of 3s");
            assertThat(ErrorReply.crashed(hello, "exited with status 137").message()).isEqualTo("function hello crashed: exited with status 137");
            assertThat(ErrorReply.unreachable(hello, 3, new java.net.ConnectException("Connection refused")))
                    .isEqualTo(new ErrorReply(502, "function hello could not be reached (3 instances tried): Connection refused", false));
        }
    }
}
