# <prefix>/fissile-env-nodejs:<tag>: Fissile's Node.js runtime server (Node's own http, no npm packages), the
# runtime container of a nodejs environment's pods (Fission's fission/node-env maps to it). It follows
# docs/environments.md: a generic server on 8888, specialized by the fetcher beside it with the package it
# placed under /userfunc. Build context: the repository root (no build needed: the runtime is plain files).
FROM node:20-slim

COPY environments/nodejs/src/main/resources/io/fissile/environments/nodejs/ /opt/fissile/runtime/

# Listen on the pod's address (the router calls the pod), where the contract puts things.
ENV HOST=0.0.0.0 \
    PORT=8888 \
    USERFUNC_DIR=/userfunc \
    SECRETS_DIR=/secrets \
    CONFIGS_DIR=/configs \
    NODE_ENV=production
RUN mkdir -p /userfunc /secrets /configs && chown 10001:10001 /userfunc /secrets /configs
USER 10001:10001
WORKDIR /userfunc
EXPOSE 8888
CMD ["node", "/opt/fissile/runtime/server.js"]
