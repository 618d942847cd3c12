"""A small stand-in for Flask, shipped with Fissile's python runtime for Fission functions.

Fission's functions do `from flask import request`; this package provides what they use of
Flask (request, Response, jsonify, make_response, abort, stream_with_context) with the standard
library only. It sits last on sys.path, so a real Flask, when installed, is imported instead.
"""
from flask.app import FunctionApp
from flask.datastructures import Headers, MultiDict
from flask.globals import request
from flask.helpers import HTTPException, abort, jsonify, make_response, stream_with_context
from flask.wrappers import Request, Response

# Lets the runtime tell this package from a real Flask.
FISSILE_STANDIN = True

__all__ = [
    "FunctionApp",
    "HTTPException",
    "Headers",
    "MultiDict",
    "Request",
    "Response",
    "abort",
    "jsonify",
    "make_response",
    "request",
    "stream_with_context",
]
