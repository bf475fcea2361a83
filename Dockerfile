# The claimgraph API for docker compose (Neo4j runs in its own container, see docker-compose.yml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# NEO4J_URI-style deployments never start the embedded Neo4j: skip fetching its jars.
ENV CLAIMGRAPH_SKIP_NEO4J_FETCH=1
COPY scripts ./scripts
COPY neo4j/pom.xml ./neo4j/pom.xml
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# The explorer served at / (web/ bundled into dist/web by esbuild, a dev dependency).
COPY web ./web
RUN npx tsc -p tsconfig.build.json && node web/build.js && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 CLAIMGRAPH_SKIP_NEO4J_FETCH=1
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY schema ./schema
COPY cypher ./cypher
COPY data ./data
COPY src/http/landing.html ./src/http/landing.html
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD node -e "fetch('http://127.0.0.1:4000/readyz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/src/main.js"]
