# Tessera: the example CRM (or your app folder) served from one image.
# Build: docker build -t tessera .   Run: see compose.yaml (PostgreSQL beside it).

# Stage 1: install everything, build the web app and designer bundles, then drop dev dependencies.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY . .
RUN npm install --no-audit --no-fund \
 && node scripts/build-web.mjs \
 && npm prune --omit=dev --no-audit --no-fund

# Stage 2: production dependencies and the built bundles only, run as the unprivileged node user.
FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    TESSERA_DATA_DIR=/data/pglite \
    TESSERA_FILES_DIR=/data/files
WORKDIR /app
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The same start as `npm start` without its bundle step (the bundles are built above).
CMD ["node", "runtime/bin/tessera.js", "start", "examples/crm"]
