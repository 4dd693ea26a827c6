# syntax=docker/dockerfile:1
# truto-ats-mock: docker build -t truto-ats-mock . && docker run --rm -p 4010:4010 truto-ats-mock
# Every setting is an environment variable (docker run -e TRUTO_MOCK_SEED=7 ...); see the README's table.
# test/docker-recipe.test.ts performs these steps outside Docker on every `npm test`, so keep them plain.

# Build: compile TypeScript and better-sqlite3's native module, then drop the dev dependencies.
FROM node:22-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts ./scripts
RUN npm run build && npm prune --omit=dev

# Run: production dependencies, compiled code and fixtures only, as a non-root user.
FROM node:22-slim
# HOST: the mock listens on loopback by default; in a container it must answer on the container's network.
ENV NODE_ENV=production \
    PORT=4010 \
    HOST=0.0.0.0 \
    TRUTO_MOCK_DB=/data/truto-ats-mock.db
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY fixtures ./fixtures
RUN mkdir -p /data && chown node:node /data
USER node
# The database is baked into the image for these settings (docker build --build-arg TRUTO_MOCK_SEED=7 ...), so a
# container, and each replica of it, starts on its own copy in well under a second instead of seeding.
ARG TRUTO_MOCK_SEED=1
ARG TRUTO_MOCK_CANDIDATES=
RUN node dist/scripts/seed.js
ENV TRUTO_MOCK_SEED=${TRUTO_MOCK_SEED} \
    TRUTO_MOCK_CANDIDATES=${TRUTO_MOCK_CANDIDATES}
VOLUME ["/data"]
EXPOSE 4010
# /health is 503 while a database is being seeded, 200 once the mock serves. The baked database starts in well under a
# second; other settings seed at start, which takes minutes for large sizes (600,000 candidates: about 4), so
# failures count only after 10 minutes (a success before that makes the container healthy at once).
HEALTHCHECK --interval=5s --timeout=3s --start-period=600s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4010)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The flags npm start gives too: a young generation of 2 x 4 MB rather than V8's 2 x 16 MB, and an old generation
# that grows by half what it holds before it is collected rather than by up to four times: under load the mock stays
# near 120-150 MB resident instead of 200-230 MB, at the same speed (README, Benchmark).
CMD ["node", "--max-semi-space-size=4", "--heap-growing-percent=50", "dist/src/server.js"]
