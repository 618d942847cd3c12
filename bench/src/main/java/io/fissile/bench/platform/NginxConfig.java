package io.fissile.bench.platform;

import java.nio.file.Path;

/**
 * A hand-tuned nginx in front of one upstream, the reference the router is compared with: as many
 * workers as the router has event loops, each with a listening socket of its own ({@code reuseport}:
 * the kernel shares connections out between them, as Vert.x does between the router's event loops,
 * instead of letting whichever worker wakes first take them), keep-alive connections to the upstream (HTTP/1.1 with the
 * Connection header cleared, or nginx closes each one) and to clients, never closed after a number
 * of requests (nginx's default of 1000 would make wrk reconnect, which the router never asks for),
 * no access log. Everything it writes stays in its own directory.
 * <p>
 * Under {@link #AS_ROUTER} the same upstream gets, besides, the headers Fissile's router sends every
 * function: the instance's own Host, X-Forwarded-For/-Proto/-Host, Forwarded, and Fission's
 * function headers (fixed values of the same length as the router's).
 */
public final class NginxConfig {
    /** Requests per keep-alive connection before nginx closes it: more than any bench run sends. */
    private static final int KEEPALIVE_REQUESTS = 100_000_000;
    /** The path prefix under which nginx sends what the router sends. */
    public static final String AS_ROUTER = "/as-router/";

    private NginxConfig() {
    }

    /**
     * @param function the function's name and namespace, as the router would name them
     */
    public static String render(Path directory, int workers, int listenPort, int upstreamPort, String namespace, String function) {
        String dir = directory.toAbsolutePath().toString();
        return """
                daemon off;
                worker_processes %2$d;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events {
                    worker_connections 4096;
                }
                http {
                    access_log off;
                    keepalive_requests %5$d;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    upstream function {
                        server 127.0.0.1:%4$d;
                        keepalive 64;
                        keepalive_requests %5$d;
                    }
                    server {
                        listen 127.0.0.1:%3$d reuseport;
                        location / {
                            proxy_pass http://function;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                        }
                        location %6$s {
                            proxy_pass http://function/;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_set_header Host 127.0.0.1:%4$d;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                            proxy_set_header X-Forwarded-Proto $scheme;
                            proxy_set_header X-Forwarded-Host $http_host;
                            proxy_set_header Forwarded "for=$remote_addr;host=\\"$http_host\\";proto=$scheme";
                            proxy_set_header X-Fission-Function-Name %8$s;
                            proxy_set_header X-Fission-Function-Namespace %7$s;
                            proxy_set_header X-Fission-Function-Uid 00000000-0000-0000-0000-000000000000;
                            proxy_set_header X-Fission-Function-Resourceversion 1;
                            proxy_set_header X-Fission-Full-Url $request_uri;
                        }
                    }
                }
                """.formatted(dir, workers, listenPort, upstreamPort, KEEPALIVE_REQUESTS, AS_ROUTER, namespace, function);
    }
}
