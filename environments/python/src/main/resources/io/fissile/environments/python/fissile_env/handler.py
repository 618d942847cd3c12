"""The HTTP side: a thread per connection, HTTP/1.1 keep-alive."""
import socket
import socketserver
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from fissile_env.wsgi import build_environ, run_app

SPECIALIZE_PATHS = ("/specialize", "/v2/specialize")


class BadRequest(Exception):
    """The request cannot be read; answered with 400 and the connection closed."""


class RuntimeServer(ThreadingHTTPServer):
    # The default backlog of 5 would make a burst of new connections wait for retransmits.
    request_queue_size = socket.SOMAXCONN

    def __init__(self, address, specializer):
        super().__init__(address, RuntimeHandler)
        self.specializer = specializer

    def server_bind(self):
        # HTTPServer's own would look the host's name up, a DNS query that can stall the start.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]


class RuntimeHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "Fissile-python"
    # Headers and body go out in separate writes; without this, Nagle's algorithm can hold the body back.
    disable_nagle_algorithm = True
    # Idle keep-alive connections end after this; longer than the router keeps them in its pool.
    timeout = 120

    def __getattr__(self, name):
        # http.server looks for a do_<METHOD> per method; every method, however named, goes to the function.
        if name.startswith("do_"):
            return self.handle_any_method
        raise AttributeError(name)

    def handle_any_method(self):
        try:
            body = read_body(self.rfile, self.headers)
        except BadRequest as error:
            self.close_connection = True
            self.send_text(400, str(error))
            return
        path = self.path.split("?", 1)[0]
        specializer = self.server.specializer
        if self.command == "POST" and path in SPECIALIZE_PATHS:
            status, text = specializer.specialize(version=1 if path == "/specialize" else 2, body=body)
            self.send_text(status, text)
        elif specializer.app is None:
            self.send_text(500, "generic instance: no function is specialized here yet")
        else:
            try:
                run_app(specializer.app, self, build_environ(self, body))
            except ConnectionError:
                self.close_connection = True

    def send_text(self, status, text):
        data = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def log_request(self, code="-", size="-"):
        """No access log: a function's log should hold what the function says."""


def read_body(rfile, headers):
    if "chunked" in headers.get("Transfer-Encoding", "").lower():
        return read_chunked(rfile)
    length = headers.get("Content-Length")
    if not length:
        return b""
    try:
        size = int(length)
    except ValueError:
        raise BadRequest(f"invalid Content-Length: {length}") from None
    if size < 0:
        raise BadRequest(f"invalid Content-Length: {length}")
    return rfile.read(size)


def read_chunked(rfile):
    """A chunked body, as the router sends one it streams."""
    chunks = []
    while True:
        line = rfile.readline(65537)
        try:
            size = int(line.split(b";", 1)[0].strip(), 16)
        except ValueError:
            raise BadRequest("invalid chunked body") from None
        if size == 0:
            break
        chunks.append(rfile.read(size))
        rfile.readline()
    # Trailer fields, if any, end with an empty line.
    while rfile.readline(65537) not in (b"\r\n", b"\n", b""):
        pass
    return b"".join(chunks)
