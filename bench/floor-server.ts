/**
 * The floor as a service (issue 11): the raw neo4j-driver behind a bare node:http server, so that
 * bench:scale can time the floor's hand-written Cypher as the API is timed — an HTTP POST to a
 * separate process, its answer as JSON — besides timing it in the benchmark's own process (the
 * driver alone). The difference between the two floors is what a request costs in HTTP and JSON
 * alone; the difference between this floor and the API is the API's own work (GraphQL, loaders,
 * turning rows into objects) and its dearer statement. Not part of the service.
 *
 *   node dist/bench/floor-server.js   (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE, PORT)
 *
 * prints `floor ready at http://127.0.0.1:PORT` on stderr once it listens. `POST /` with
 * `{"cypher": "...", "params": {...}}` answers `{"rows": [...]}`. It listens on loopback only and
 * runs each statement in a READ session, whose auto-commit transactions Neo4j refuses to write in:
 * a benchmark tool that takes Cypher from its caller must not be able to change the store it
 * measures.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import neo4j, { type Driver } from 'neo4j-driver';
import { disableNagle } from '../src/db/executor';

export async function serveFloor(
  driver: Driver,
  opts: { port: number; database: string },
): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const send = (status: number, body: unknown) => {
          const text = JSON.stringify(body);
          res.writeHead(status, {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(text),
          });
          res.end(text);
        };
        let request: { cypher?: unknown; params?: unknown };
        try {
          request = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof request;
        } catch {
          return send(400, { error: 'the body is not JSON' });
        }
        if (req.method !== 'POST' || typeof request.cypher !== 'string') {
          return send(400, { error: 'POST {"cypher": "...", "params": {...}}' });
        }
        const session = driver.session({ database: opts.database, defaultAccessMode: neo4j.session.READ });
        try {
          // Auto-committed, as the API and the in-process floor run a single read (bench/scale.ts).
          const result = await session.run(
            request.cypher as string,
            (request.params as Record<string, unknown>) ?? {},
          );
          send(200, { rows: result.records.map((r) => r.toObject()) });
        } catch (err) {
          send(500, { error: (err as Error).message.split('\n')[0] });
        } finally {
          await session.close();
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function main(): Promise<void> {
  // TCP_NODELAY on the driver's sockets, by the API's own mechanism (the benchmark's process has it
  // through its Executor): without it a floor would wait on delayed ACKs the API does not.
  disableNagle();
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('floor-server: set NEO4J_URI');
  const password = process.env.NEO4J_PASSWORD;
  const driver = neo4j.driver(
    uri,
    password ? neo4j.auth.basic(process.env.NEO4J_USERNAME ?? 'neo4j', password) : undefined,
    { disableLosslessIntegers: true },
  );
  const served = await serveFloor(driver, {
    port: Number(process.env.PORT ?? 0),
    database: process.env.NEO4J_DATABASE ?? 'neo4j',
  });
  process.stderr.write(`floor ready at ${served.url}\n`);
  const stop = () =>
    void served
      .stop()
      .then(() => driver.close())
      .then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (require.main === module) {
  main().catch((err: Error) => {
    process.stderr.write(`floor-server: ${err.message}\n`);
    process.exit(1);
  });
}
