package io.fissile.environments.jvm.server;

import io.fissile.environments.jvm.http.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A rehearsal at startup, on a private loopback port before the real one opens: one
 * specialization with the runtime's own code and a few requests. It loads and links the classes
 * of the whole request path and starts the virtual-thread scheduler and I/O poller, which would
 * otherwise cost tens of milliseconds on the cold-start path of the first real specialization.
 * Nothing of it is visible to the function later served.
 */
final class Warmup {

    // A shell command, so that the binary runtime's rehearsal executable (a shell) does real work.
    private static final String BODY = "echo warm-up\n";

    private Warmup() {
    }

    static void run(Specializer specializer, RuntimeSettings settings) {
        LoadRequest rehearsal = specializer.rehearsal();
        if (rehearsal == null) {
            return;
        }
        RuntimeServer server = new RuntimeServer(specializer, settings, false);
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (HttpServer http = HttpServer.start(loopback, server)) {
            String specialization = "{\"filepath\": " + jsonString(rehearsal.filepath().toString())
                    + ", \"functionName\": " + jsonString(rehearsal.functionName()) + "}";
            exchange(http.port(), post("/v2/specialize", specialization, true));
            exchange(http.port(), "GET /warm-up?probe=1 HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    + post("/warm-up", BODY, false)
                    + "POST /warm-up HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\n" + Integer.toHexString(BODY.length()) + "\r\n" + BODY + "\r\n0\r\n\r\n");
        } catch (IOException | RuntimeException e) {
            System.err.println("warm-up skipped: " + e);
        }
    }

    private static String post(String path, String body, boolean last) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n" + (last ? "Connection: close\r\n" : "")
                + "\r\n" + body;
    }

    /** Sends pipelined requests, the last asking to close, and reads every response to the end. */
    private static void exchange(int port, String requests) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000); // a rehearsal must never keep the runtime from starting
            OutputStream out = socket.getOutputStream();
            out.write(requests.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    private static String jsonString(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                String hex = Integer.toHexString(c);
                json.append("\\u").append("0000", hex.length(), 4).append(hex);
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
