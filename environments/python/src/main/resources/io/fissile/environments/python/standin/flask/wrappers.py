"""Request and Response with Flask's attribute names, over a WSGI environ."""
import json
from functools import cached_property
from http import HTTPStatus
from http.cookies import SimpleCookie
from urllib.parse import parse_qsl, quote

from flask.datastructures import Headers, MultiDict
from flask.exceptions import HTTPException

# Werkzeug adds a charset to these mimetypes (and to every text/* one).
CHARSET_MIMETYPES = ("application/javascript", "application/ecmascript", "application/xml", "application/sql")


class Request:
    def __init__(self, environ):
        self.environ = environ

    @property
    def method(self):
        return self.environ["REQUEST_METHOD"].upper()

    @cached_property
    def path(self):
        # WSGI carries the decoded path as latin-1; its bytes are UTF-8.
        return self.environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8", "replace") or "/"

    @cached_property
    def query_string(self):
        return self.environ.get("QUERY_STRING", "").encode("latin-1")

    @property
    def full_path(self):
        return f"{self.path}?{self.query_string.decode('latin-1')}"

    @property
    def scheme(self):
        return self.environ.get("wsgi.url_scheme", "http")

    @property
    def is_secure(self):
        return self.scheme == "https"

    @property
    def host(self):
        return self.environ.get("HTTP_HOST") or f"{self.environ['SERVER_NAME']}:{self.environ['SERVER_PORT']}"

    @property
    def host_url(self):
        return f"{self.scheme}://{self.host}/"

    @property
    def url_root(self):
        return self.host_url

    @property
    def base_url(self):
        return f"{self.scheme}://{self.host}{quote(self.path, safe='/;:@&=+$,!~*()')}"

    @property
    def url(self):
        query = self.query_string.decode("latin-1")
        return f"{self.base_url}?{query}" if query else self.base_url

    @property
    def remote_addr(self):
        return self.environ.get("REMOTE_ADDR")

    @cached_property
    def args(self):
        return MultiDict(parse_qsl(self.environ.get("QUERY_STRING", ""), keep_blank_values=True))

    @cached_property
    def headers(self):
        headers = Headers()
        for key, value in self.environ.items():
            if key.startswith("HTTP_"):
                headers.add(key[5:].replace("_", "-").title(), value)
            elif key in ("CONTENT_TYPE", "CONTENT_LENGTH") and value:
                headers.add(key.replace("_", "-").title(), value)
        return headers

    @cached_property
    def cookies(self):
        cookie = SimpleCookie()
        cookie.load(self.environ.get("HTTP_COOKIE", ""))
        return {name: morsel.value for name, morsel in cookie.items()}

    @property
    def content_type(self):
        return self.environ.get("CONTENT_TYPE") or None

    @property
    def mimetype(self):
        return (self.content_type or "").split(";", 1)[0].strip().lower()

    @property
    def mimetype_params(self):
        params = {}
        for part in (self.content_type or "").split(";")[1:]:
            name, _, value = part.partition("=")
            params[name.strip().lower()] = value.strip().strip('"')
        return params

    @property
    def content_length(self):
        length = self.environ.get("CONTENT_LENGTH")
        return int(length) if length else None

    @property
    def is_json(self):
        mimetype = self.mimetype
        return mimetype == "application/json" or (mimetype.startswith("application/") and mimetype.endswith("+json"))

    @cached_property
    def _body(self):
        return self.environ["wsgi.input"].read(self.content_length or 0)

    def get_data(self, cache=True, as_text=False, parse_form_data=False):
        return self._body.decode(self._charset, "replace") if as_text else self._body

    @property
    def data(self):
        return self._body

    @property
    def _charset(self):
        return self.mimetype_params.get("charset", "utf-8")

    @property
    def json(self):
        return self.get_json()

    def get_json(self, force=False, silent=False, cache=True):
        """The parsed JSON body; None when it is not JSON (as Flask 1 did) or, with silent, unparseable."""
        if not (force or self.is_json):
            return None
        try:
            return json.loads(self._body.decode(self._charset))
        except ValueError as error:
            if silent:
                return None
            raise HTTPException(400, f"Failed to decode JSON object: {error}") from error

    @cached_property
    def form(self):
        if self.mimetype != "application/x-www-form-urlencoded":
            return MultiDict()
        return MultiDict(parse_qsl(self.get_data(as_text=True), keep_blank_values=True))

    @cached_property
    def values(self):
        return MultiDict(list(self.args.items(multi=True)) + list(self.form.items(multi=True)))

    def __repr__(self):
        return f"<Request '{self.url}' [{self.method}]>"


class Response:
    default_mimetype = "text/html"

    def __init__(self, response=None, status=None, headers=None, mimetype=None, content_type=None):
        self.headers = Headers(headers)
        if mimetype is None and content_type is None and "Content-Type" not in self.headers:
            mimetype = self.default_mimetype
        if content_type is None and mimetype is not None:
            content_type = with_charset(mimetype)
        if content_type is not None:
            self.headers.set("Content-Type", content_type)
        self.status = 200 if status is None else status
        if response is None or isinstance(response, (str, bytes, bytearray)):
            self.set_data(response or b"")
        elif isinstance(response, (list, tuple)):
            self.response = [encoded(chunk) for chunk in response]
        else:
            self.response = response  # an iterator, sent as it yields

    @property
    def status_code(self):
        return self._status_code

    @status_code.setter
    def status_code(self, code):
        self.status = code

    @property
    def status(self):
        return self._status

    @status.setter
    def status(self, value):
        if isinstance(value, int):
            code, reason = int(value), ""
        else:
            code_text, _, reason = str(value).strip().partition(" ")
            code = int(code_text)
        self._status_code, self._status = code, f"{code} {reason or reason_phrase(code)}"

    @property
    def mimetype(self):
        return (self.headers.get("Content-Type") or "").split(";", 1)[0].strip()

    @property
    def content_type(self):
        return self.headers.get("Content-Type")

    @property
    def is_streamed(self):
        return not isinstance(self.response, list)

    def set_data(self, value):
        self.response = [value.encode("utf-8") if isinstance(value, str) else bytes(value)]

    def get_data(self, as_text=False):
        if self.is_streamed:
            self.response = [encoded(chunk) for chunk in self.response]
        data = b"".join(self.response)
        return data.decode("utf-8") if as_text else data

    data = property(get_data, set_data)

    @property
    def json(self):
        return json.loads(self.get_data())

    def __call__(self, environ, start_response):
        headers = self.headers.to_wsgi_list()
        if self.is_streamed:
            start_response(self.status, headers)
            return (encoded(chunk) for chunk in self.response)
        body = b"".join(self.response)
        if "Content-Length" not in self.headers:
            headers.append(("Content-Length", str(len(body))))
        start_response(self.status, headers)
        return [body]

    def __repr__(self):
        return f"<Response [{self.status}]>"


def reason_phrase(code):
    # Upper case, as Werkzeug writes it.
    try:
        return HTTPStatus(code).phrase.upper()
    except ValueError:
        return "UNKNOWN"


def with_charset(mimetype):
    if mimetype.startswith("text/") or mimetype in CHARSET_MIMETYPES:
        return f"{mimetype}; charset=utf-8"
    return mimetype


def encoded(chunk):
    return chunk.encode("utf-8") if isinstance(chunk, str) else bytes(chunk)
