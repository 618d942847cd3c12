package io.fissile.environments.jvm.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/** Serves the requests of one connection, one after another, until either side closes it. */
final class HttpConnection implements Runnable {

    private final Socket socket;
    private final HttpHandler handler;

    HttpConnection(Socket socket, HttpHandler handler) {
        this.socket = socket;
        this.handler = handler;
    }

    @Override
    public void run() {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputBuffer in = new InputBuffer(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            HeadBuffer headBuffer = new HeadBuffer();
            boolean open = true;
            while (open) {
                HttpExchange exchange;
                try {
                    exchange = nextExchange(in, out, headBuffer);
                } catch (HttpException e) {
                    refuse(e);
                    return;
                }
                if (exchange == null) {
                    return;
                }
                handler.handle(exchange);
                open = exchange.finish();
            }
        } catch (IOException e) {
            // The peer went away or a body was malformed: nothing more can be said on this connection.
        } catch (RuntimeException e) {
            e.printStackTrace();
        }
    }

    private static HttpExchange nextExchange(InputBuffer in, OutputStream out, HeadBuffer headBuffer) throws IOException {
        RequestHead head = RequestHeadParser.read(in);
        if (head == null) {
            return null;
        }
        boolean keepAlive = head.isHttp11()
                ? !head.hasToken("Connection", "close")
                : head.hasToken("Connection", "keep-alive");
        String transferEncoding = String.join(",", head.headers("Transfer-Encoding"));
        if (!transferEncoding.isEmpty()) {
            if (!lastCoding(transferEncoding).equalsIgnoreCase("chunked")) {
                throw new HttpException(400, "unsupported transfer coding: " + transferEncoding);
            }
            // A Content-Length beside it is a smuggling attempt or a broken proxy: serve this request, then close.
            boolean conflicting = head.header("Content-Length") != null;
            return new HttpExchange(head, new ChunkedBody(in), -1, keepAlive && !conflicting, out, headBuffer);
        }
        long length = contentLength(head);
        InputStream body = length == 0 ? InputStream.nullInputStream() : new FixedLengthBody(in, length);
        return new HttpExchange(head, body, length, keepAlive, out, headBuffer);
    }

    private static String lastCoding(String transferEncoding) {
        return transferEncoding.substring(transferEncoding.lastIndexOf(',') + 1).strip();
    }

    /** The Content-Length, which every copy of the header must agree on; 0 when absent. */
    private static long contentLength(RequestHead head) throws HttpException {
        long length = -1;
        for (String value : head.headers("Content-Length")) {
            for (String part : value.split(",", -1)) {
                long parsed = parseLength(part.strip());
                if (length >= 0 && parsed != length) {
                    throw new HttpException(400, "conflicting Content-Length values");
                }
                length = parsed;
            }
        }
        return Math.max(length, 0);
    }

    private static long parseLength(String digits) throws HttpException {
        if (digits.isEmpty() || digits.length() > 18) {
            throw new HttpException(400, "malformed Content-Length");
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                throw new HttpException(400, "malformed Content-Length");
            }
        }
        return Long.parseLong(digits);
    }

    private void refuse(HttpException problem) {
        try {
            HeadBuffer response = new HeadBuffer();
            byte[] message = (problem.getMessage() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            response.text("HTTP/1.1 ").number(problem.status()).text(" ").text(StatusReasons.of(problem.status())).crlf()
                    .field("Date", HttpDate.now())
                    .field("Content-Type", "text/plain; charset=utf-8")
                    .field("Content-Length", Integer.toString(message.length))
                    .field("Connection", "close")
                    .crlf()
                    .bytes(message);
            socket.getOutputStream().write(response.bytes(), 0, response.size());
            lingeringClose();
        } catch (IOException ignored) {
            // The client is gone; it would not read the refusal anyway.
        }
    }

    /**
     * Closing with unread request bytes would reset the connection and could destroy the refusal
     * before the client reads it: end our side, then read what the client still sends, briefly.
     */
    private void lingeringClose() throws IOException {
        socket.shutdownOutput();
        socket.setSoTimeout(2000);
        InputStream in = socket.getInputStream();
        byte[] discard = new byte[8192];
        long total = 0;
        int read;
        while (total < 1024 * 1024 && (read = in.read(discard)) >= 0) {
            total += read;
        }
    }
}
