# syntax=docker/dockerfile:1
#
# Plit's image: the server (TypeScript run by Node 24 itself, which strips the types) and the
# built web app it serves. docs/self-hosting.md explains how to run it; compose.yaml runs two of
# them behind Caddy with PostgreSQL, Redis and MinIO.
#
# No image has been built from this file on the development machines (they have a Docker CLI but
# no engine): tests/unit/selfHosting.test.ts checks it statically (stages, a non-root USER, the
# HEALTHCHECK, that every COPY source exists) and starts the server from the files the runtime
# stage copies.

# One base for both stages, major pinned: the server runs on Node 24 (it strips the types; the
# project pins Node 24 in package.json too). Slim Debian, not Alpine: glibc, as the prebuilt
# native packages (argon2) and CI expect.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# The lockfile alone first, so this layer (the slow one) is reused until dependencies change.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
# What `vite build` reads: its config (with its plugin that writes each file's .br and .gz),
# PostCSS's (Mantine), the TypeScript settings, and the web app with the shared contract it imports.
COPY vite.config.ts postcss.config.cjs tsconfig.json ./
COPY scripts/precompress.ts ./scripts/precompress.ts
COPY src/web ./src/web
COPY src/shared ./src/shared
# Then only production dependencies, less the `node` package: it pins Node 24 for `npm run` on
# machines with another Node, and here would be a second copy (about 120 MB) of the base's own.
RUN npx vite build --logLevel warn \
  && npm prune --omit=dev --no-audit --no-fund \
  && rm -rf node_modules/node node_modules/.bin/node

FROM ${NODE_IMAGE} AS runtime
# HOST=0.0.0.0: reachable from the proxy's container; Plit then insists on PUBLIC_URL and refuses
# to start without it. PLIT_DEMO=0: never the demo's shared password on a server others reach.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    PLIT_DATA_DIR=/data \
    PLIT_DEMO=0
WORKDIR /app
# Code and dependencies stay owned by root: the server's user can write only its data and backups.
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/web ./dist/web
# package.json: the server reads its version from it (and "type": "module" makes .ts files ESM).
COPY package.json package-lock.json ./
COPY bin ./bin
# src/server includes the migrations (src/server/db/migrations), applied at start-up.
COPY src/server ./src/server
COPY src/shared ./src/shared
# /data: the embedded database and uploaded files when no DATABASE_URL / S3_BUCKET is set.
# /backups: where `plit backup` writes inside the container (a volume in compose.yaml).
RUN mkdir -p /data /backups && chown node:node /data /backups
VOLUME /data
USER node
EXPOSE 3000
# No curl in the slim image: Node's own fetch asks /api/health; anything but a 2xx (or no answer
# in 5 s) counts as a failure, and three in a row mark the container unhealthy.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Plit stops gracefully on SIGTERM (in-flight requests get SHUTDOWN_GRACE_SECONDS); give it
# longer than that before the engine kills it (`docker stop -t`, compose's stop_grace_period).
STOPSIGNAL SIGTERM
# Node directly, not `npm start`: npm would rebuild the web app and stand between the signal and
# the server.
CMD ["node", "bin/plit.ts", "start"]
