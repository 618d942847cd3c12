#!/bin/sh
# Fissile's Python builder: the source, with the packages of its requirements.txt installed beside it.
set -e
cp -a "$SRC_PKG" "$DEPLOY_PKG"
if [ -f "$SRC_PKG/requirements.txt" ]; then
    # Local paths in requirements.txt are relative to the source. Build isolation would fetch setuptools
    # from an index on every build, so the interpreter's own is used: local packages build offline.
    cd "$SRC_PKG"
    echo "pip install -r requirements.txt"
    python3 -m pip install --disable-pip-version-check --no-input --no-build-isolation -r requirements.txt -t "$DEPLOY_PKG"
fi
