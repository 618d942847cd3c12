"""Running the function's WSGI application (PEP 3333) on a request read by the handler."""
import io
import sys
import traceback
from urllib.parse import unquote_to_bytes

# The handler has read the whole body (de-chunked), so these request headers no longer describe it.
BODY_FRAMING_HEADERS = ("CONTENT_LENGTH", "TRANSFER_ENCODING")


def build_environ(handler, body):
    path, _, query = handler.path.partition("?")
    host, port = handler.server.server_address[:2]
    environ = {
        "REQUEST_METHOD": handler.command,
        "SCRIPT_NAME": "",
        "PATH_INFO": unquote_to_bytes(path).decode("latin-1"),
        "QUERY_STRING": query,
        "REQUEST_URI": handler.path,
        "RAW_URI": handler.path,
        "SERVER_NAME": host,
        "SERVER_PORT": str(port),
        "SERVER_PROTOCOL": handler.request_version,
        "REMOTE_ADDR": handler.client_address[0],
        "REMOTE_PORT": str(handler.client_address[1]),
        # Empty when the request announced no body, as a WSGI server leaves it.
        "CONTENT_LENGTH": str(len(body)) if body or "Content-Length" in handler.headers else "",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.input_terminated": True,
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    for name, value in handler.headers.items():
        key = name.upper().replace("-", "_")
        if key == "CONTENT_TYPE":
            environ[key] = value
        elif key not in BODY_FRAMING_HEADERS:
            key = "HTTP_" + key
            environ[key] = f"{environ[key]},{value}" if key in environ else value
    return environ


def run_app(app, handler, environ):
    writer = ResponseWriter(handler)
    result = ()
    try:
        result = app(environ, writer.start_response)
        if isinstance(result, (list, tuple)):
            writer.write_whole(b"".join(result))
        else:
            for chunk in result:
                writer.write(chunk)
            writer.finish()
    except ConnectionError:
        raise  # the client has gone: nothing to answer; the handler drops the connection
    except Exception:
        print("function failed while answering:", file=sys.stderr)
        traceback.print_exc()
        writer.fail()
    finally:
        close = getattr(result, "close", None)
        if close is not None:
            close()


class ResponseWriter:
    """One response on the handler's connection: sized when the body is known, chunked when it streams."""

    def __init__(self, handler):
        self.handler = handler
        self.status = None
        self.headers = None
        self.headers_sent = False
        self.chunked = False

    def start_response(self, status, headers, exc_info=None):
        if exc_info is not None and self.headers_sent:
            raise exc_info[1].with_traceback(exc_info[2])
        self.status, self.headers = status, headers
        return self.write

    def write_whole(self, data):
        self._send_headers(len(data))
        self._write_raw(data)

    def write(self, data):
        if not data:
            return
        if not self.headers_sent:
            self._send_headers(None)
        if self.chunked:
            self._write_raw(b"%x\r\n%s\r\n" % (len(data), data))
        else:
            self._write_raw(data)

    def finish(self):
        if not self.headers_sent:
            self._send_headers(0)
        elif self.chunked:
            self._write_raw(b"0\r\n\r\n")

    def fail(self):
        """The body broke off: answer 500 if nothing was sent yet, else cut the connection."""
        self.handler.close_connection = True
        if not self.headers_sent:
            self.handler.send_text(500, "Internal server error: the function failed (details are in its logs)")

    def _send_headers(self, length):
        handler = self.handler
        code, _, reason = self.status.partition(" ")
        handler.send_response(int(code), reason or None)
        names = set()
        for name, value in self.headers:
            handler.send_header(name, value)
            names.add(name.lower())
        if "content-length" not in names and self._has_body(int(code)):
            if length is not None:
                handler.send_header("Content-Length", str(length))
            elif handler.request_version == "HTTP/1.1":
                handler.send_header("Transfer-Encoding", "chunked")
                self.chunked = True
            else:
                handler.close_connection = True
        handler.end_headers()
        self.headers_sent = True

    def _has_body(self, code):
        return not (code < 200 or code in (204, 304))

    def _write_raw(self, data):
        if self.handler.command != "HEAD" and self._has_body(int(self.status[:3])):
            self.handler.wfile.write(data)
