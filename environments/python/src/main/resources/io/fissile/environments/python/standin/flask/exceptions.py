"""HTTP errors a function raises, as with Flask's abort(404)."""
from html import escape
from http import HTTPStatus


class HTTPException(Exception):
    """An HTTP error answer: `code` and `description`, or a ready `response` (abort(response))."""

    def __init__(self, code=None, description=None, response=None):
        super().__init__(f"{code} {description or ''}".strip())
        self.code = code if response is None else response.status_code
        self.description = description or default_description(self.code)
        self.response = response

    @property
    def name(self):
        try:
            return HTTPStatus(self.code).phrase
        except ValueError:
            return "Unknown Error"

    def page(self):
        """The HTML page Werkzeug answers with."""
        return (
            "<!doctype html>\n<html lang=en>\n"
            f"<title>{self.code} {escape(self.name)}</title>\n"
            f"<h1>{escape(self.name)}</h1>\n<p>{escape(self.description)}</p>\n"
        )

    def get_response(self, environ=None):
        from flask.wrappers import Response  # here, since wrappers imports this module

        return self.response if self.response is not None else Response(self.page(), self.code)


def default_description(code):
    try:
        return HTTPStatus(code).description
    except ValueError:
        return ""
