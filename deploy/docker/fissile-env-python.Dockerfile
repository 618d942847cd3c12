# <prefix>/fissile-env-python:<tag>: Fissile's Python runtime server (standard library only; Fission's
# `from flask import request` is served by its stand-in unless Flask is installed), the runtime container of
# a python environment's pods (Fission's fission/python-env maps to it). It follows docs/environments.md.
# Build context: the repository root (no build needed: the runtime is plain files).
FROM python:3.12-slim

COPY environments/python/src/main/resources/io/fissile/environments/python/ /opt/fissile/runtime/

ENV HOST=0.0.0.0 \
    PORT=8888 \
    USERFUNC_DIR=/userfunc \
    SECRETS_DIR=/secrets \
    CONFIGS_DIR=/configs \
    PYTHONDONTWRITEBYTECODE=1
RUN mkdir -p /userfunc /secrets /configs && chown 10001:10001 /userfunc /secrets /configs
USER 10001:10001
WORKDIR /userfunc
EXPOSE 8888
CMD ["python3", "-u", "/opt/fissile/runtime/server.py"]
