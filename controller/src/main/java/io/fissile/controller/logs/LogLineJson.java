package io.fissile.controller.logs;

import io.fissile.controller.http.NdjsonStream;
import io.fissile.runtime.LogLine;
import io.vertx.core.buffer.Buffer;

import java.util.List;

/** A log line as the API sends it: {@code {time, namespace, function, instance, stream, text}}, the time in RFC 3339 (UTC). */
record LogLineJson(String time, String namespace, String function, String instance, String stream, String text) {

    static LogLineJson of(LogLine line) {
        return new LogLineJson(line.time().toString(), line.namespace(), line.function(), line.instance(), line.stream(),
                line.text());
    }

    /** One line of the stream. */
    static Buffer encode(LogLine line) {
        return NdjsonStream.line(of(line));
    }

    /** Lines as one body, a line each. */
    static Buffer encode(List<LogLine> lines) {
        Buffer body = Buffer.buffer();
        lines.forEach(line -> body.appendBuffer(encode(line)));
        return body;
    }
}
