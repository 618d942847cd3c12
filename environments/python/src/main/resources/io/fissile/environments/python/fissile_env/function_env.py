"""A function's own environment variables: the "env" member of a v2 specialization
(docs/environments.md), set in os.environ before the function's module is imported."""
import os

# The contract's variables, which this runtime reads, and the instance's own TMPDIR: the platform sets them.
RESERVED = ("HOST", "PORT", "USERFUNC_DIR", "SECRETS_DIR", "CONFIGS_DIR", "TMPDIR")


def parse_function_env(env):
    """Checks an "env" member (None for none); raises ValueError naming what is wrong."""
    if env is None:
        return {}
    if not isinstance(env, dict):
        raise ValueError('"env" must be an object of strings')
    for name, value in env.items():
        if not isinstance(value, str):
            raise ValueError(f'"env.{name}" must be a string')
        if not name or "=" in name or "\0" in name:
            raise ValueError(f"\"env\" has an invalid variable name \"{name}\": names must be non-empty, without '=' or NUL")
        if "\0" in value:
            raise ValueError(f'"env.{name}" must not contain NUL')
        if name in RESERVED:
            raise ValueError(f'"env" must not set {name}: the runtime reserves it (see docs/environments.md)')
    return dict(env)


def set_function_env(env):
    """Sets the variables in os.environ; returns what puts back the previous ones, for a load that fails."""
    previous = {name: os.environ.get(name) for name in env}
    os.environ.update(env)

    def unset():
        for name, value in previous.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value

    return unset
