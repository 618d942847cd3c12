"""Flask's helpers for building answers: jsonify, make_response, abort, stream_with_context."""
import dataclasses
import datetime
import decimal
import json
import uuid
from collections.abc import Iterator
from email.utils import format_datetime

from flask.datastructures import Headers
from flask.exceptions import HTTPException
from flask.globals import bind_request, request, unbind_request
from flask.wrappers import Response


def jsonify(*args, **kwargs):
    """A JSON response as Flask writes it: compact, keys sorted, a final newline."""
    if args and kwargs:
        raise TypeError("jsonify() behavior undefined when passed both args and kwargs")
    data = args[0] if len(args) == 1 else (list(args) or kwargs)
    text = json.dumps(data, separators=(",", ":"), sort_keys=True, default=json_default)
    return Response(text + "\n", mimetype="application/json")


def json_default(value):
    """What Flask's JSON provider also knows how to write."""
    if isinstance(value, datetime.date):
        return http_date(value)
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if hasattr(value, "__html__"):
        return str(value.__html__())
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def http_date(value):
    """A date as HTTP writes it; a date or naive datetime counts as UTC, as in Flask."""
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time())
    if value.tzinfo is None:
        value = value.replace(tzinfo=datetime.timezone.utc)
    return format_datetime(value.astimezone(datetime.timezone.utc), usegmt=True)


def make_response(*args):
    """A Response from what a view may return, by Flask's rules."""
    if not args:
        return Response()
    return to_response(args[0] if len(args) == 1 else args)


def to_response(value):
    status = headers = None
    if isinstance(value, tuple):
        if len(value) == 3:
            value, status, headers = value
        elif len(value) == 2 and isinstance(value[1], (Headers, dict, tuple, list)):
            value, headers = value
        elif len(value) == 2:
            value, status = value
        else:
            raise TypeError(
                "The view function did not return a valid response tuple. The tuple must have the form"
                " (body, status, headers), (body, status), or (body, headers)."
            )
    if value is None:
        raise TypeError(
            "The view function did not return a valid response. The function either returned None"
            " or ended without a return statement."
        )
    if isinstance(value, (str, bytes, bytearray)) or isinstance(value, Iterator):
        return Response(value, status=status, headers=headers)
    if isinstance(value, (dict, list)):
        value = jsonify(value)
    elif not isinstance(value, Response):
        raise TypeError(
            "The view function did not return a valid response. The return type must be a string,"
            f" dict, list, tuple with headers or status, or Response instance, but it was a {type(value).__name__}."
        )
    if status is not None:
        value.status = status
    if headers:
        value.headers.update(headers)
    return value


def abort(status, *args, **kwargs):
    """Stops the function with an HTTP error: abort(404), abort(400, "why"), or abort(response)."""
    if isinstance(status, Response):
        raise HTTPException(response=status)
    raise HTTPException(status, *args, **kwargs)


def stream_with_context(generator):
    """Keeps flask.request usable while a streamed body is generated after the function returned."""
    current = request._get_current_object()

    def generate():
        token = bind_request(current)
        try:
            yield from generator
        finally:
            unbind_request(token)

    return generate()
