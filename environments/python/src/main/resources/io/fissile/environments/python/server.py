"""Fissile's Python runtime: a generic HTTP server that one function specializes.

The contract it follows (variables, specialize calls, errors) is docs/environments.md.
Standard library only; Fission functions' `from flask import request` is served by the
stand-in package in standin/ unless a real Flask is installed.
"""
import os
import signal
import sys

# Function output must reach Fissile's log capture a line at a time, however this process was started.
sys.stdout.reconfigure(line_buffering=True)
sys.stderr.reconfigure(line_buffering=True)

# Last on the path, so that a real Flask, when installed, is the one imported.
sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), "standin"))

import flask  # noqa: E402  (imported once the path above is set)

from fissile_env.handler import RuntimeServer  # noqa: E402
from fissile_env.specializer import Specializer  # noqa: E402


def exit_on_signal(signum, frame):
    # Whoever signals may have closed our output pipes already (Java's Process.destroy does):
    # say why we stop if we still can, then leave at once, without flushing into a broken pipe.
    try:
        print(f"{signal.Signals(signum).name} received, exiting")
    except OSError:
        pass
    os._exit(0)


def main():
    host = os.environ.get("HOST", "127.0.0.1")
    port = int(os.environ.get("PORT", "8888"))
    userfunc_dir = os.environ.get("USERFUNC_DIR", "/userfunc")

    server = RuntimeServer((host, port), Specializer(userfunc_dir, flask))
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, exit_on_signal)

    flavour = "stand-in" if getattr(flask, "FISSILE_STANDIN", False) else f"Flask {flask_version()}"
    print(f"Fissile python runtime listening on {host}:{port} (flask: {flavour})")
    server.serve_forever()


def flask_version():
    from importlib.metadata import version, PackageNotFoundError

    try:
        return version("flask")
    except PackageNotFoundError:
        return "unknown version"


main()
