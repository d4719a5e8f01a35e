# kezen, multi-stage (README "Production set and real servers"): build with the full toolchain, run as non-root.

# --- build: dependencies (better-sqlite3 compiles natively), TypeScript and the web UI -----------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

# --- runtime: compiled JavaScript and production dependencies only -------------------------------------------------
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=8080 \
    KEZEN_DATA_DIR=/home/node/data
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
# services/composition.ts serves the web UI from <dist>/web/dist.
COPY --from=build --chown=node:node /app/web/dist ./dist/web/dist
RUN mkdir -p /home/node/data && chown node:node /home/node/data
USER node
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/services/main.js"]
