"""Finding and loading the function named by a specialize call.

Entrypoints (docs/environments.md): "module.func" or "func" or empty (main); with a directory
filepath the module (default: main) is imported from it, with a file filepath the file is the module.
"""
import importlib
import importlib.machinery
import importlib.util
import os
import sys

DEFAULT_NAME = "main"
MISSING = object()


class LoadError(Exception):
    """The function's code cannot be used; the message is shown to the user as is."""


def load_function(filepath, function_name):
    filepath = os.path.abspath(filepath)
    module_name, _, attribute = function_name.strip().rpartition(".")
    attribute = attribute or DEFAULT_NAME
    if os.path.isdir(filepath):
        module_name = module_name or DEFAULT_NAME
        module = import_from_directory(filepath, module_name)
        where = f"module '{module_name}' ({module.__file__})"
    elif os.path.isfile(filepath):
        module = import_file(filepath)
        where = filepath
    else:
        raise LoadError(f"cannot load {filepath}: no such file or directory")
    function = getattr(module, attribute, MISSING)
    if function is MISSING:
        raise LoadError(f"{where} has no function '{attribute}'")
    if not callable(function):
        raise LoadError(f"'{attribute}' in {where} is not a function but {type(function).__name__}")
    return function


def import_from_directory(directory, module_name):
    put_first_on_path(directory)
    try:
        return importlib.import_module(module_name)
    except Exception as error:
        raise LoadError(f"cannot load module '{module_name}' from {directory}: {describe(error)}") from error


def import_file(path):
    """Loads a source file under any name (v1's code is a file called "user") as a module."""
    stem = os.path.splitext(os.path.basename(path))[0]
    name = stem if stem.isidentifier() and stem not in sys.modules else "user_function"
    loader = importlib.machinery.SourceFileLoader(name, path)
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader(name, loader))
    # Registered first, as an import would, so the module can be found by name while it runs.
    sys.modules[name] = module
    put_first_on_path(os.path.dirname(path))
    try:
        loader.exec_module(module)
    except Exception as error:
        del sys.modules[name]
        raise LoadError(f"cannot load {path}: {describe(error)}") from error
    return module


def put_first_on_path(directory):
    # First, so the function's own modules win over installed ones of the same name.
    if directory not in sys.path:
        sys.path.insert(0, directory)
        importlib.invalidate_caches()


def describe(error):
    return f"{type(error).__name__}: {error}"
