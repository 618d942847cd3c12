"""`flask.request`: a proxy to the request the current thread is serving, as in Flask."""
from contextvars import ContextVar

_current_request = ContextVar("flask.request")


class RequestProxy:
    def _get_current_object(self):
        try:
            return _current_request.get()
        except LookupError:
            raise RuntimeError("Working outside of request context.") from None

    def __getattr__(self, name):
        return getattr(self._get_current_object(), name)

    def __bool__(self):
        return _current_request.get(None) is not None

    def __repr__(self):
        current = _current_request.get(None)
        return repr(current) if current is not None else "<RequestProxy unbound>"


request = RequestProxy()


def bind_request(current):
    """Makes `current` the request of this thread; returns the token that unbind_request takes."""
    return _current_request.set(current)


def unbind_request(token):
    _current_request.reset(token)
