#!/bin/sh
# Fissile's Node.js builder: the source, with its npm dependencies installed when it has a package.json.
set -e
cp -a "$SRC_PKG" "$DEPLOY_PKG"
cd "$DEPLOY_PKG"
if [ -f package.json ]; then
    echo "npm install"
    npm install --no-audit --no-fund --no-update-notifier
fi
