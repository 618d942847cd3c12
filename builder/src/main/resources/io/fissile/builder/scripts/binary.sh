#!/bin/sh
# Fissile's binary builder: the source, every file made executable.
set -e
cp -a "$SRC_PKG" "$DEPLOY_PKG"
find "$DEPLOY_PKG" -type f -exec chmod +x {} +
