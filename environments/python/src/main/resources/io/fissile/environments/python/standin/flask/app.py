"""The WSGI application the runtime serves: every request, any path, goes to one view."""
import sys
import traceback

from flask.exceptions import HTTPException
from flask.globals import bind_request, unbind_request
from flask.helpers import to_response
from flask.wrappers import Request


class FunctionApp:
    """Calls `view` with flask.request bound to the request, and answers as Flask would.

    Not part of Flask's API: it is what the Fissile runtime uses in place of a Flask app.
    """

    def __init__(self, view):
        self.view = view

    def __call__(self, environ, start_response):
        token = bind_request(Request(environ))
        try:
            response = self.dispatch()
        finally:
            unbind_request(token)
        return response(environ, start_response)

    def dispatch(self):
        try:
            return to_response(self.view())
        except HTTPException as error:
            return error.get_response()
        except Exception:
            print("function failed:", file=sys.stderr)
            traceback.print_exc()
            return HTTPException(500).get_response()
