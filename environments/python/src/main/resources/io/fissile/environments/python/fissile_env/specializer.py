"""Specialization: turning this generic instance into one function's server, once."""
import json
import os
import sys
import threading
import time
import traceback

from fissile_env.function_env import parse_function_env, set_function_env
from fissile_env.function_host import FunctionHost
from fissile_env.loader import LoadError, load_function


class Specializer:
    def __init__(self, userfunc_dir, flask):
        self.userfunc_dir = userfunc_dir
        self.host = FunctionHost(flask)
        self.app = None  # the function's WSGI app, once specialized
        self._lock = threading.Lock()

    def specialize(self, version, body):
        """Returns (status, text) for the specialize call."""
        if not self._lock.acquire(blocking=False):
            return 400, "already specialized"
        try:
            if self.app is not None:
                return 400, "already specialized"
            try:
                filepath, function_name, env = self._target(version, body)
            except ValueError as error:
                return 400, f"invalid specialize request: {error}"
            started = time.perf_counter()
            unset_function_env = set_function_env(env)
            try:
                function = load_function(filepath, function_name)
            except BaseException as error:
                # Whatever stops the load, the variables go with it: the next try starts clean.
                unset_function_env()
                if not isinstance(error, LoadError):
                    raise
                print(str(error), file=sys.stderr)
                cause = error.__cause__
                if cause is not None:
                    traceback.print_exception(type(cause), cause, cause.__traceback__)
                return 500, str(error)
            self.host.specialize(function)
            self.app = self.host.wsgi
            millis = (time.perf_counter() - started) * 1000
            print(f'specialized with {filepath} (entrypoint "{function_name}") in {millis:.1f} ms')
            return 200, ""
        finally:
            self._lock.release()

    def _target(self, version, body):
        if version == 1:
            # v1: the code sits at $USERFUNC_DIR/user and its main is the function.
            return os.path.join(self.userfunc_dir, "user"), "", {}
        request = json.loads(body or b"null")
        if not isinstance(request, dict) or not isinstance(request.get("filepath"), str) or not request["filepath"]:
            raise ValueError('"filepath" is required')
        return request["filepath"], str(request.get("functionName") or ""), parse_function_env(request.get("env"))
