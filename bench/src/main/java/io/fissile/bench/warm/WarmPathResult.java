package io.fissile.bench.warm;

import io.fissile.bench.wrk.WrkResult;

import java.util.Map;

/**
 * The warm path's figures: each target under load (median of the rounds), each at one connection
 * (the latency a single request sees), and how the router compares.
 *
 * @param eventLoops    the router's event loops, and as many nginx worker processes
 * @param underLoad     by {@link Target#key()}
 * @param oneConnection by {@link Target#key()}: wrk -t1 -c1, no queueing, so latencies differ only by the hops
 */
public record WarmPathResult(String function, String environment, String instance, int eventLoops, int threads, int connections,
                             int durationSeconds, int rounds, Map<String, TargetFigures> underLoad,
                             Map<String, WrkResult> oneConnection, Comparison comparison) {

    /** The targets: router/nginx throughput at least 1.0, router p99 at most nginx's. */
    public static final double TARGET_ROUTER_TO_NGINX = 1.0;

    /**
     * The router against nginx sending the same headers ({@link Target#NGINX_AS_ROUTER}): the instance
     * gets the same request from both, so only the proxies differ. nginx as usually set up
     * ({@link Target#NGINX}) sends the instance less to read; the router's ratio to it is given too.
     *
     * @param routerOverheadMillis at one connection: router p50 minus direct p50, what the router adds to each request
     * @param nginxOverheadMillis  at one connection: nginx (same headers) p50 minus direct p50
     */
    public record Comparison(double routerToNginxThroughput, double routerToPlainNginxThroughput, double routerToDirectThroughput,
                             double routerP99Millis, double nginxP99Millis, double routerOverheadMillis, double nginxOverheadMillis) {

        public static Comparison of(Map<String, TargetFigures> underLoad, Map<String, WrkResult> oneConnection) {
            TargetFigures direct = underLoad.get(Target.DIRECT.key());
            TargetFigures plainNginx = underLoad.get(Target.NGINX.key());
            TargetFigures nginx = underLoad.get(Target.NGINX_AS_ROUTER.key());
            TargetFigures router = underLoad.get(Target.ROUTER.key());
            double directP50 = oneConnection.get(Target.DIRECT.key()).p50();
            return new Comparison(router.requestsPerSecond() / nginx.requestsPerSecond(),
                    router.requestsPerSecond() / plainNginx.requestsPerSecond(),
                    router.requestsPerSecond() / direct.requestsPerSecond(),
                    router.p99Millis(), nginx.p99Millis(),
                    oneConnection.get(Target.ROUTER.key()).p50() - directP50,
                    oneConnection.get(Target.NGINX_AS_ROUTER.key()).p50() - directP50);
        }

        public boolean throughputTargetMet() {
            return routerToNginxThroughput >= TARGET_ROUTER_TO_NGINX;
        }

        public boolean p99TargetMet() {
            return routerP99Millis <= nginxP99Millis;
        }
    }
}
