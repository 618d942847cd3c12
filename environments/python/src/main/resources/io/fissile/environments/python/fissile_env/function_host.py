"""Hosting the function in a WSGI application, called the way Fission's Flask server calls it.

Fission's functions take no argument and read `flask.request`; a function that declares a
parameter gets the request passed as well.
"""
import inspect
from wsgiref.util import setup_testing_defaults

# Every method reaches the function (Fission's own list lacks PATCH).
METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]


class FunctionHost:
    """Its WSGI app is built and warmed up at process start; specialization only hands it the function."""

    def __init__(self, flask):
        self.flask = flask
        self.call = None
        self.wsgi = self._build()
        self._warm_up()

    def specialize(self, function):
        if takes_request(function):
            self.call = lambda: function(self.flask.request)
        else:
            self.call = function

    def _view(self, path=""):
        return self.call()

    def _build(self):
        if getattr(self.flask, "FISSILE_STANDIN", False):
            return self.flask.FunctionApp(self._view)
        # A real Flask app routing every path to the function, as Fission's server is.
        app = self.flask.Flask("fissile_function")
        for rule in ("/", "/<path:path>"):
            app.add_url_rule(rule, endpoint="function", view_func=self._view, methods=METHODS)
        return app

    def _warm_up(self):
        """Sends one request through, so that Flask's lazily built parts are ready before the function's first."""
        environ = {}
        setup_testing_defaults(environ)
        self.call = lambda: ""
        try:
            body = self.wsgi(environ, lambda status, headers, exc_info=None: None)
            for _ in body:
                pass
            getattr(body, "close", lambda: None)()
        finally:
            self.call = None


def takes_request(function):
    try:
        parameters = inspect.signature(function).parameters.values()
    except (TypeError, ValueError):
        return False
    positional = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    return any(p.kind in positional and p.default is inspect.Parameter.empty for p in parameters)
