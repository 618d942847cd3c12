package io.fissile.router.routes;

import io.fissile.api.v1.Function;
import io.fissile.api.v1.FunctionReference;
import io.fissile.api.v1.HTTPTrigger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static io.fissile.router.routes.Resources.function;
import static io.fissile.router.routes.Resources.prefixRoute;
import static io.fissile.router.routes.Resources.route;
import static io.fissile.router.routes.Resources.table;
import static io.fissile.router.routes.Resources.trigger;
import static org.assertj.core.api.Assertions.assertThat;

class RouteTableTest {

    /** The function a GET (or {@code method}) request reaches, or the outcome's name when none. */
    private static String reached(RouteTable table, String method, String host, String path) {
        RouteMatch match = table.find(method, host, path);
        return match.found() ? match.route().target().pick(new SplittableRandom(1)).name() : match.outcome().name();
    }

    private static String reached(RouteTable table, String path) {
        return reached(table, "GET", null, path);
    }

    private static List<Function> functions(String... names) {
        List<Function> functions = new ArrayList<>();
        for (String name : names) functions.add(function(name));
        return functions;
    }

    @Nested
    class RelativeUrls {
        @Test
        void aStaticUrlMatchesThatPathOnly() {
            RouteTable table = table(List.of(route("hello", 0, "/hello")), functions("hello"));

            assertThat(reached(table, "/hello")).isEqualTo("hello");
            assertThat(reached(table, "/hello/")).isEqualTo("NOT_FOUND");
            assertThat(reached(table, "/hellox")).isEqualTo("NOT_FOUND");
            assertThat(reached(table, "/hello/x")).isEqualTo("NOT_FOUND");
            assertThat(reached(table, "/")).isEqualTo("NOT_FOUND");
        }

        @Test
        void aTrailingSlashIsPartOfTheUrl() {
            RouteTable table = table(List.of(route("dir", 0, "/dir/")), functions("dir"));

            assertThat(reached(table, "/dir/")).isEqualTo("dir");
            assertThat(reached(table, "/dir")).isEqualTo("NOT_FOUND");
        }

        @Test
        void theRootUrlMatchesOnlyTheRoot() {
            RouteTable table = table(List.of(route("home", 0, "/")), functions("home"));

            assertThat(reached(table, "/")).isEqualTo("home");
            assertThat(reached(table, "/x")).isEqualTo("NOT_FOUND");
        }

        @Test
        void theWholePathIsForwardedAsReceived() {
            RouteTable table = table(List.of(route("p", 0, "/a/{x}")), functions("p"));

            RouteMatch match = table.find("GET", null, "/a/b%20c");
            assertThat(match.forwardedPath()).isEqualTo("/a/b%20c");
            assertThat(match.forwardsWholePath()).isTrue();
        }

        @Test
        void percentEncodedPathsMatchDecodedTemplates() {
            RouteTable table = table(List.of(route("spaced", 0, "/hello world")), functions("spaced"));

            assertThat(reached(table, "/hello%20world")).isEqualTo("spaced");
        }
    }

    @Nested
    class Parameters {
        @Test
        void aBareParameterMatchesOneNonEmptySegment() {
            RouteTable table = table(List.of(route("user", 0, "/users/{id}")), functions("user"));

            RouteMatch match = table.find("GET", null, "/users/42");
            assertThat(match.found()).isTrue();
            assertThat(match.parameter("id")).isEqualTo("42");
            assertThat(reached(table, "/users/")).isEqualTo("NOT_FOUND");
            assertThat(reached(table, "/users/42/posts")).isEqualTo("NOT_FOUND");
        }

        @Test
        void severalParametersAreCapturedInOrder() {
            RouteTable table = table(List.of(route("post", 0, "/users/{user}/posts/{post}")), functions("post"));

            RouteMatch match = table.find("GET", null, "/users/ann/posts/7");
            assertThat(match.parameter("user")).isEqualTo("ann");
            assertThat(match.parameter("post")).isEqualTo("7");
            assertThat(match.parameterCount()).isEqualTo(2);
        }

        @Test
        void parameterValuesArePercentDecodedButAnEncodedSlashStaysInItsSegment() {
            RouteTable table = table(List.of(route("name", 0, "/names/{name}")), functions("name"));

            assertThat(table.find("GET", null, "/names/J%C3%BCrgen%20M").parameter("name")).isEqualTo("Jürgen M");
            assertThat(table.find("GET", null, "/names/a%2Fb").parameter("name")).isEqualTo("a%2Fb");
        }

        @Test
        void aRegexConstrainsTheParameter() {
            RouteTable table = table(List.of(route("item", 0, "/items/{id:[0-9]+}")), functions("item"));

            assertThat(table.find("GET", null, "/items/123").parameter("id")).isEqualTo("123");
            assertThat(reached(table, "/items/abc")).isEqualTo("NOT_FOUND");
            assertThat(reached(table, "/items/12a")).isEqualTo("NOT_FOUND");
        }

        @Test
        void aRegexWithBracesInsideIsParsedWhole() {
            RouteTable table = table(List.of(route("day", 0, "/days/{date:\\d{4}-\\d{2}-\\d{2}}")), functions("day"));

            assertThat(table.find("GET", null, "/days/2025-06-30").parameter("date")).isEqualTo("2025-06-30");
            assertThat(reached(table, "/days/25-06-30")).isEqualTo("NOT_FOUND");
        }

        @Test
        void aRegexThatAllowsSlashesSpansSegments() {
            RouteTable table = table(List.of(route("files", 0, "/files/{path:.*}")), functions("files"));

            assertThat(table.find("GET", null, "/files/a/b/c.txt").parameter("path")).isEqualTo("a/b/c.txt");
            assertThat(table.find("GET", null, "/files/").parameter("path")).isEmpty();
            assertThat(reached(table, "/files")).isEqualTo("NOT_FOUND");
        }

        @Test
        void aRegexWithAnExplicitSlashSpansExactlyThoseSegments() {
            RouteTable table = table(List.of(route("month", 0, "/archive/{ym:\\d{4}/\\d{2}}/list")), functions("month"));

            assertThat(table.find("GET", null, "/archive/2024/05/list").parameter("ym")).isEqualTo("2024/05");
            assertThat(reached(table, "/archive/2024/list")).isEqualTo("NOT_FOUND");
        }

        @Test
        void parametersCanSitInsideASegment() {
            RouteTable table = table(List.of(route("report", 0, "/reports/report-{year}.{format}")), functions("report"));

            RouteMatch match = table.find("GET", null, "/reports/report-2024.csv");
            assertThat(match.parameter("year")).isEqualTo("2024");
            assertThat(match.parameter("format")).isEqualTo("csv");
            assertThat(reached(table, "/reports/summary.csv")).isEqualTo("NOT_FOUND");
        }

        @Test
        void parameterHeadersAreSpelledAsFissionsGoRouterSendsThem() {
            RouteTable table = table(List.of(route("p", 0, "/{userId}/{id}/{user_name}")), functions("p"));

            Route route = table.find("GET", null, "/a/b/c").route();
            assertThat(route.parameterHeader(0)).isEqualTo("X-Fission-Params-Userid");
            assertThat(route.parameterHeader(1)).isEqualTo("X-Fission-Params-Id");
            assertThat(route.parameterHeader(2)).isEqualTo("X-Fission-Params-User_name");
        }
    }

    @Nested
    class Methods {
        @Test
        void aRouteAnswersGetWhenItNamesNoMethod() {
            RouteTable table = table(List.of(route("hello", 0, "/hello")), functions("hello"));

            assertThat(reached(table, "GET", null, "/hello")).isEqualTo("hello");
            assertThat(reached(table, "POST", null, "/hello")).isEqualTo("METHOD_NOT_ALLOWED");
            assertThat(reached(table, "HEAD", null, "/hello")).isEqualTo("METHOD_NOT_ALLOWED");
        }

        @Test
        void aRouteAnswersTheMethodsItNames() {
            RouteTable table = table(List.of(
                    trigger("rw", 0, s -> s.relativeUrl("/data").methods(List.of("GET", "put")).functionRef(FunctionReference.byName("rw"))),
                    trigger("old", 0, s -> s.relativeUrl("/legacy").method("DELETE").functionRef(FunctionReference.byName("old")))),
                    functions("rw", "old"));

            assertThat(reached(table, "PUT", null, "/data")).isEqualTo("rw");
            assertThat(reached(table, "GET", null, "/data")).isEqualTo("rw");
            assertThat(reached(table, "DELETE", null, "/data")).isEqualTo("METHOD_NOT_ALLOWED");
            assertThat(reached(table, "DELETE", null, "/legacy")).isEqualTo("old");
            assertThat(table.allowedMethods(null, "/data")).containsExactly("GET", "PUT");
        }

        @Test
        void aMethodMismatchLetsALessSpecificRouteAnswer() {
            RouteTable table = table(List.of(
                    route("reader", 0, "/docs/{id}"),
                    trigger("writer", 1, s -> s.prefix("/docs").methods(List.of("POST")).functionRef(FunctionReference.byName("writer")))),
                    functions("reader", "writer"));

            assertThat(reached(table, "GET", null, "/docs/1")).isEqualTo("reader");
            assertThat(reached(table, "POST", null, "/docs/1")).isEqualTo("writer");
            assertThat(reached(table, "PUT", null, "/docs/1")).isEqualTo("METHOD_NOT_ALLOWED");
            assertThat(table.allowedMethods(null, "/docs/1")).containsExactly("GET", "POST");
        }

        @Test
        void twoTriggersOnOnePathSplitItsMethods() {
            RouteTable table = table(List.of(
                    trigger("get", 0, s -> s.relativeUrl("/x").methods(List.of("GET")).functionRef(FunctionReference.byName("get"))),
                    trigger("post", 1, s -> s.relativeUrl("/x").methods(List.of("POST")).functionRef(FunctionReference.byName("post")))),
                    functions("get", "post"));

            assertThat(reached(table, "GET", null, "/x")).isEqualTo("get");
            assertThat(reached(table, "POST", null, "/x")).isEqualTo("post");
        }
    }

    @Nested
    class Precedence {
        @Test
        void aStaticSegmentBeatsAParameterWhateverTheirAge() {
            RouteTable table = table(List.of(route("byId", 0, "/users/{id}"), route("me", 5, "/users/me")),
                    functions("byId", "me"));

            assertThat(reached(table, "/users/me")).isEqualTo("me");
            assertThat(reached(table, "/users/42")).isEqualTo("byId");
        }

        @Test
        void aConstrainedParameterBeatsABareOne() {
            RouteTable table = table(List.of(route("any", 0, "/items/{name}"), route("numeric", 5, "/items/{id:[0-9]+}")),
                    functions("any", "numeric"));

            assertThat(reached(table, "/items/12")).isEqualTo("numeric");
            assertThat(reached(table, "/items/pen")).isEqualTo("any");
        }

        @Test
        void theLeftmostDifferenceDecides() {
            RouteTable table = table(List.of(route("paramFirst", 0, "/{a}/static"), route("staticFirst", 5, "/x/{b}")),
                    functions("paramFirst", "staticFirst"));

            assertThat(reached(table, "/x/static")).isEqualTo("staticFirst");
            assertThat(reached(table, "/y/static")).isEqualTo("paramFirst");
        }

        @Test
        void aWholePathRouteBeatsAPrefixAndALongerPrefixBeatsAShorterOne() {
            RouteTable table = table(List.of(
                    prefixRoute("root", 0, "/", true),
                    prefixRoute("api", 0, "/api", true),
                    prefixRoute("v1", 0, "/api/v1", true),
                    route("status", 9, "/api/v1/status")),
                    functions("root", "api", "v1", "status"));

            assertThat(reached(table, "/api/v1/status")).isEqualTo("status");
            assertThat(reached(table, "/api/v1/status/more")).isEqualTo("v1");
            assertThat(reached(table, "/api/v1")).isEqualTo("v1");
            assertThat(reached(table, "/api/v2/x")).isEqualTo("api");
            assertThat(reached(table, "/elsewhere")).isEqualTo("root");
        }

        @Test
        void aParameterRouteBeatsAShorterPrefixItOutlasts() {
            RouteTable table = table(List.of(prefixRoute("docs", 0, "/docs", true), route("doc", 9, "/docs/{id}")),
                    functions("docs", "doc"));

            assertThat(reached(table, "/docs/7")).isEqualTo("doc");
            assertThat(reached(table, "/docs/7/history")).isEqualTo("docs");
        }

        @Test
        void betweenEqualRoutesTheOlderTriggerWinsThenTheSmallerName() {
            RouteTable byAge = table(List.of(route("newer", 5, "/same"), route("older", 1, "/same")),
                    functions("newer", "older"));
            RouteTable byName = table(List.of(route("b", 1, "/same"), route("a", 1, "/same")), functions("a", "b"));

            assertThat(reached(byAge, "/same")).isEqualTo("older");
            assertThat(reached(byName, "/same")).isEqualTo("a");
        }
    }

    @Nested
    class Hosts {
        private final RouteTable table = table(List.of(
                route("anyHost", 0, "/shop/{item}"),
                trigger("exampleShop", 5, s -> s.relativeUrl("/shop/{item}").host("example.com").functionRef(FunctionReference.byName("exampleShop"))),
                trigger("exampleOnly", 5, s -> s.relativeUrl("/only-there").host("example.com").functionRef(FunctionReference.byName("exampleOnly")))),
                functions("anyHost", "exampleShop", "exampleOnly"));

        @Test
        void aRouteForTheRequestsHostWinsOverAHostlessOne() {
            assertThat(reached(table, "GET", "example.com", "/shop/pen")).isEqualTo("exampleShop");
            assertThat(reached(table, "GET", "other.org", "/shop/pen")).isEqualTo("anyHost");
            assertThat(reached(table, "GET", null, "/shop/pen")).isEqualTo("anyHost");
        }

        @Test
        void hostsCompareWithoutCaseOrATrailingDot() {
            assertThat(reached(table, "GET", "Example.COM", "/shop/pen")).isEqualTo("exampleShop");
            assertThat(reached(table, "GET", "example.com.", "/shop/pen")).isEqualTo("exampleShop");
        }

        @Test
        void aHostRouteIsInvisibleToOtherHosts() {
            assertThat(reached(table, "GET", "example.com", "/only-there")).isEqualTo("exampleOnly");
            assertThat(reached(table, "GET", "other.org", "/only-there")).isEqualTo("NOT_FOUND");
            assertThat(table.hasHostRoutes()).isTrue();
        }
    }

    @Nested
    class Prefixes {
        @Test
        void aPrefixClaimsItselfAndEverythingBeneathOnASegmentBoundary() {
            RouteTable table = table(List.of(prefixRoute("api", 0, "/api", false)), functions("api"));

            assertThat(reached(table, "/api")).isEqualTo("api");
            assertThat(reached(table, "/api/")).isEqualTo("api");
            assertThat(reached(table, "/api/users/7")).isEqualTo("api");
            assertThat(reached(table, "/apix")).isEqualTo("NOT_FOUND");
        }

        @Test
        void withoutKeepPrefixTheFunctionGetsWhatFollowsThePrefix() {
            RouteTable table = table(List.of(prefixRoute("api", 0, "/api", false)), functions("api"));

            assertThat(table.find("GET", null, "/api/users/7").forwardedPath()).isEqualTo("/users/7");
            assertThat(table.find("GET", null, "/api/").forwardedPath()).isEqualTo("/");
            assertThat(table.find("GET", null, "/api").forwardedPath()).isEqualTo("/");
            assertThat(table.find("GET", null, "/api/a%20b/c%2Fd").forwardedPath()).isEqualTo("/a%20b/c%2Fd");
        }

        @Test
        void withKeepPrefixTheFunctionGetsTheWholePath() {
            RouteTable table = table(List.of(prefixRoute("api", 0, "/api", true)), functions("api"));

            assertThat(table.find("GET", null, "/api/users/7").forwardedPath()).isEqualTo("/api/users/7");
        }

        @Test
        void aPrefixEndingInASlashClaimsOnlyWhatIsBeneathIt() {
            RouteTable table = table(List.of(prefixRoute("api", 0, "/api/", false)), functions("api"));

            assertThat(reached(table, "/api")).isEqualTo("NOT_FOUND");
            assertThat(table.find("GET", null, "/api/").forwardedPath()).isEqualTo("/");
            assertThat(table.find("GET", null, "/api/x/y").forwardedPath()).isEqualTo("/x/y");
        }

        @Test
        void theRootPrefixClaimsEveryPath() {
            RouteTable table = table(List.of(prefixRoute("all", 0, "/", false)), functions("all"));

            assertThat(table.find("GET", null, "/").forwardedPath()).isEqualTo("/");
            assertThat(table.find("GET", null, "/a/b").forwardedPath()).isEqualTo("/a/b");
        }

        @Test
        void aPrefixMayHoldParameters() {
            RouteTable table = table(List.of(prefixRoute("tenant", 0, "/t/{tenant}", false)), functions("tenant"));

            RouteMatch match = table.find("GET", null, "/t/acme/orders/1");
            assertThat(match.parameter("tenant")).isEqualTo("acme");
            assertThat(match.forwardedPath()).isEqualTo("/orders/1");
        }

        @Test
        void aPrefixWithASlashSpanningParameterStripsWhatItMatched() {
            RouteTable table = table(List.of(prefixRoute("dated", 0, "/d/{ym:\\d{4}/\\d{2}}", false)), functions("dated"));

            RouteMatch match = table.find("GET", null, "/d/2024/05/entries");
            assertThat(match.parameter("ym")).isEqualTo("2024/05");
            assertThat(match.forwardedPath()).isEqualTo("/entries");
            assertThat(reached(table, "/d/2024/05x")).isEqualTo("NOT_FOUND");
        }
    }

    @Nested
    class InternalRoutes {
        private final RouteTable table = table(List.of(), List.of(
                function("hello"), function("team-a", "hello"), function("team-a"), function("team-a", "other")));

        @Test
        void aDefaultNamespaceFunctionIsReachedByName() {
            RouteMatch match = table.find("GET", null, "/fission-function/hello");
            Function function = match.route().target().functions().get(0);
            assertThat(function.namespace() + "/" + function.name()).isEqualTo("default/hello");
            assertThat(match.forwardedPath()).isEqualTo("/");
        }

        @Test
        void theSubpathGoesToTheFunction() {
            assertThat(table.find("POST", null, "/fission-function/hello/a/b").forwardedPath()).isEqualTo("/a/b");
            assertThat(table.find("GET", null, "/fission-function/hello/").forwardedPath()).isEqualTo("/");
        }

        @Test
        void aFunctionElsewhereIsReachedWithItsNamespace() {
            RouteMatch match = table.find("GET", null, "/fission-function/team-a/other/x");
            Function function = match.route().target().functions().get(0);
            assertThat(function.namespace() + "/" + function.name()).isEqualTo("team-a/other");
            assertThat(match.forwardedPath()).isEqualTo("/x");
        }

        @Test
        void theNamespacedRouteWinsOverADefaultFunctionNamedLikeTheNamespace() {
            Function hello = table.find("GET", null, "/fission-function/team-a/hello").route().target().functions().get(0);
            Function teamA = table.find("GET", null, "/fission-function/team-a/elsewhere").route().target().functions().get(0);

            assertThat(hello.namespace()).isEqualTo("team-a");
            assertThat(teamA.name()).isEqualTo("team-a");
            assertThat(teamA.namespace()).isEqualTo("default");
        }

        @Test
        void internalRoutesAnswerEveryMethod() {
            assertThat(reached(table, "DELETE", null, "/fission-function/hello")).isEqualTo("hello");
            assertThat(reached(table, "PATCH", "any.host", "/fission-function/hello")).isEqualTo("hello");
        }

        @Test
        void aFunctionWithoutARouteOfItsOwnIsNotReachedElsewhere() {
            assertThat(reached(table, "/fission-function")).isEqualTo("NOT_FOUND");
            assertThat(reached(table, "/fission-function/missing")).isEqualTo("NOT_FOUND");
            assertThat(reached(table, "/hello")).isEqualTo("NOT_FOUND");
        }
    }

    @Nested
    class FunctionReferences {
        @Test
        void aTriggerReachesTheFunctionInItsOwnNamespace() {
            HTTPTrigger trigger = trigger("team-a", "t", 0, s -> s.relativeUrl("/t").functionRef(FunctionReference.byName("hello")));
            RouteTable table = table(List.of(trigger), List.of(function("hello"), function("team-a", "hello")));

            assertThat(table.find("GET", null, "/t").route().target().functions().get(0).namespace()).isEqualTo("team-a");
        }

        @Test
        void aTriggerWhoseFunctionIsMissingIsLeftOutAndSaysWhy() {
            RouteTableBuild build = RouteTableBuilder.build(
                    List.of(route("ghost", 0, "/ghost"), route("hello", 0, "/hello")), functions("hello"));

            assertThat(build.table().find("GET", null, "/ghost").found()).isFalse();
            assertThat(build.table().find("GET", null, "/hello").found()).isTrue();
            assertThat(build.problems()).singleElement().asString()
                    .contains("HTTPTrigger default/ghost").contains("function default/ghost does not exist");
        }

        @Test
        void weightsSplitRequestsInProportion() {
            HTTPTrigger canary = trigger("canary", 0, s -> s.relativeUrl("/c").functionRef(new FunctionReference()
                    .type(FunctionReference.TYPE_FUNCTION_WEIGHTS).functionWeights(Map.of("stable", 80, "next", 20, "off", 0))));
            RouteTable table = table(List.of(canary), functions("stable", "next", "off"));
            FunctionTarget target = table.find("GET", null, "/c").route().target();

            SplittableRandom random = new SplittableRandom(42);
            Map<String, Integer> counts = new java.util.HashMap<>();
            int picks = 20_000;
            for (int i = 0; i < picks; i++) counts.merge(target.pick(random).name(), 1, Integer::sum);

            assertThat(counts).doesNotContainKey("off");
            assertThat(counts.get("stable") / (double) picks).isBetween(0.77, 0.83);
            assertThat(counts.get("next") / (double) picks).isBetween(0.17, 0.23);
        }

        @Test
        void aWeightedTriggerWithAMissingFunctionIsLeftOut() {
            HTTPTrigger canary = trigger("canary", 0, s -> s.relativeUrl("/c").functionRef(new FunctionReference()
                    .type(FunctionReference.TYPE_FUNCTION_WEIGHTS).functionWeights(Map.of("stable", 50, "gone", 50))));
            RouteTableBuild build = RouteTableBuilder.build(List.of(canary), functions("stable"));

            assertThat(build.table().find("GET", null, "/c").found()).isFalse();
            assertThat(build.problems()).singleElement().asString().contains("function default/gone does not exist");
        }
    }

    @Nested
    class Scale {
        @Test
        void tenThousandRoutesAllStillMatchTheirOwnFunction() {
            List<HTTPTrigger> triggers = new ArrayList<>();
            List<Function> functions = new ArrayList<>();
            int count = 10_000;
            for (int i = 0; i < count; i++) {
                String name = "fn-" + i;
                functions.add(function(name));
                String url = switch (i % 4) {
                    case 0 -> "/svc-" + i + "/items/{id}";
                    case 1 -> "/svc-" + i + "/items/{id:[0-9]+}/detail";
                    case 2 -> "/static/" + i;
                    default -> "/tenant/{t}/svc-" + i;
                };
                triggers.add(route(name, i, url));
            }
            RouteTable table = table(triggers, functions);

            assertThat(table.size()).isEqualTo(2 * count);
            for (int i = 0; i < count; i++) {
                String path = switch (i % 4) {
                    case 0 -> "/svc-" + i + "/items/abc";
                    case 1 -> "/svc-" + i + "/items/12/detail";
                    case 2 -> "/static/" + i;
                    default -> "/tenant/acme/svc-" + i;
                };
                assertThat(reached(table, path)).as(path).isEqualTo("fn-" + i);
                assertThat(reached(table, "/fission-function/fn-" + i + "/x")).isEqualTo("fn-" + i);
            }
            assertThat(reached(table, "/svc-1/items/abc/detail")).isEqualTo("NOT_FOUND");
            assertThat(reached(table, "/static/10000")).isEqualTo("NOT_FOUND");
            assertThat(reached(table, "/tenant/acme/svc-0")).isEqualTo("NOT_FOUND");
        }
    }
}
